#!/usr/bin/env bash
# Install the system packages the kiosk and its tests need on Debian/Ubuntu:
# libVLC with its plugins, Qt's X11 (xcb) libraries, fonts with Vietnamese
# glyphs, and for the tests Xvfb and xdotool. Safe to run again.
set -euo pipefail

packages=(
  python3 python3-venv python3-pip
  libvlc5 libvlc-bin vlc-plugin-base vlc-plugin-video-output
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0
  fonts-noto-core fonts-dejavu-core
)
if [ "${1:-}" = "--test" ]; then
  packages+=(xvfb xauth xdotool x11-utils imagemagick ffmpeg zbar-tools)
fi

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"

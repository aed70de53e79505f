#!/usr/bin/env bash
# Install the kiosk system-wide on a Debian/Ubuntu PC:
#   /opt/counter-kiosk          the application and its virtual environment
#   /etc/counter-kiosk/config.toml  the configuration (kept if it exists)
#   a systemd user unit that starts it in KIOSK_USER's graphical session.
# Usage (as root): packaging/linux/install.sh KIOSK_USER
set -euo pipefail
user=${1:?usage: install.sh KIOSK_USER}
src=$(cd "$(dirname "$0")/../.." && pwd)

"$src/scripts/install-system-deps.sh"
apt-get install -y -qq --no-install-recommends x11-xserver-utils >/dev/null
install -d /opt/counter-kiosk /etc/counter-kiosk
cp -r "$src/kiosk" "$src/pyproject.toml" "$src/README.md" /opt/counter-kiosk/
python3 -m venv /opt/counter-kiosk/.venv
/opt/counter-kiosk/.venv/bin/pip install -q /opt/counter-kiosk
if [ ! -f /etc/counter-kiosk/config.toml ]; then
  install -m 0644 "$src/config.toml" /etc/counter-kiosk/config.toml
fi
/opt/counter-kiosk/.venv/bin/kiosk check-config /etc/counter-kiosk/config.toml

unit_dir=$(getent passwd "$user" | cut -d: -f6)/.config/systemd/user
install -d -o "$user" "$unit_dir"
install -m 0644 -o "$user" "$src/packaging/linux/counter-kiosk.service" "$unit_dir/"
loginctl enable-linger "$user" || true
echo "Installed. As $user: systemctl --user enable --now counter-kiosk"

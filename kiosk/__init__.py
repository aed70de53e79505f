"""Dossier-status kiosk for the one-stop reception counter of a commune office."""

from __future__ import annotations

__version__ = "0.1.0"

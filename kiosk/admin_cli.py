"""`kiosk set-pin`: store a new admin PIN (as a salted hash) in the config file."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from kiosk.config import ConfigError
from kiosk.config_edit import set_values
from kiosk.pin import hash_pin, is_valid_pin

EXIT_OK = 0
EXIT_CONFIG = 1
EXIT_REFUSED = 2


def set_pin_command(
    config_path: Path,
    pin: str | None,
    *,
    ask: Callable[[str], str] = getpass.getpass,
    out: TextIO | None = None,
) -> int:
    """Write the hash of `pin` (asked twice when None) to `admin.pin_hash`.

    Returns:
        0 when saved, 1 when the config file cannot be used, 2 when the PIN is
        refused (not 4-8 digits, or the two entries differ).
    """
    out = out or sys.stdout
    if pin is None:
        try:
            pin = ask("New admin PIN (4-8 digits): ")
            again = ask("The same PIN again: ")
        except EOFError:
            print("set-pin: no PIN given.", file=out)
            return EXIT_REFUSED
        if pin != again:
            print("set-pin: the two PINs differ; nothing changed.", file=out)
            return EXIT_REFUSED
    if not is_valid_pin(pin):
        print("set-pin: a PIN has 4 to 8 digits (0-9); nothing changed.", file=out)
        return EXIT_REFUSED
    if not config_path.is_file():
        print(
            f"set-pin: {config_path} not found; create it with "
            f"`kiosk config-template > {config_path}`.",
            file=out,
        )
        return EXIT_CONFIG
    try:
        set_values(config_path, {"admin.pin_hash": hash_pin(pin)})
    except ConfigError as exc:
        print(f"set-pin: nothing changed; fix the configuration first.\n{exc}", file=out)
        return EXIT_CONFIG
    except (OSError, ValueError) as exc:
        print(f"set-pin: cannot write {config_path}: {exc}", file=out)
        return EXIT_CONFIG
    print(
        f"set-pin: admin PIN saved to {config_path} (admin.pin_hash). "
        "A running kiosk uses it after a restart.",
        file=out,
    )
    return EXIT_OK

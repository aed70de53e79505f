"""`kiosk <command>`: a thin argparse front. No logic lives here.

Exit codes: 0 success/found, 1 invalid configuration, 2 payload refused or bad
arguments, 3 dossier not found, 4 back office unreachable or invalid answer,
5 the display stack (Qt) cannot start.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import enum
import json
import sys
from pathlib import Path
from typing import Any

from kiosk import __version__

EXIT_CONFIG = 1
EXIT_REFUSED = 2
EXIT_NOT_FOUND = 3
EXIT_BACKEND = 4
EXIT_DISPLAY = 5


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `kiosk` console script."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help()
        return EXIT_REFUSED
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Dossier-status counter kiosk.")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    sub = parser.add_subparsers(metavar="COMMAND")

    run = sub.add_parser("run", help="start the kiosk")
    run.add_argument("--config", type=Path, help="config file (default: ./config.toml)")
    run.add_argument("--windowed", action="store_true", help="a window instead of fullscreen")
    run.set_defaults(func=_cmd_run)

    parse = sub.add_parser("parse", help="extract the dossier code from a scanned payload")
    parse.add_argument("payload")
    parse.add_argument("--json", action="store_true")
    parse.set_defaults(func=_cmd_parse)

    lookup = sub.add_parser("lookup", help="look a dossier up through the configured backend")
    lookup.add_argument("code", help="dossier code or a whole scanned payload")
    lookup.add_argument("--secret", help="lookup secret (never printed)")
    lookup.add_argument("--config", type=Path)
    lookup.add_argument("--json", action="store_true")
    lookup.add_argument(
        "--trace", action="store_true", help="show the request, timing and mapped fields (for IT)"
    )
    lookup.set_defaults(func=_cmd_lookup)

    check = sub.add_parser("check-config", help="validate a config file, listing every problem")
    check.add_argument("path", nargs="?", type=Path)
    check.set_defaults(func=_cmd_check_config)

    set_pin = sub.add_parser("set-pin", help="set the admin PIN (stored as a salted hash)")
    set_pin.add_argument("--config", type=Path)
    set_pin.add_argument("--pin", help=argparse.SUPPRESS)  # for scripted installs
    set_pin.set_defaults(func=_cmd_set_pin)

    doctor = sub.add_parser("doctor", help="check Qt, config, back office, logs and video")
    doctor.add_argument("--config", type=Path)
    doctor.set_defaults(func=_cmd_doctor)

    supervise = sub.add_parser(
        "supervise", help="run `kiosk ARGS...` and start it again whenever it fails"
    )
    supervise.add_argument("args", nargs=argparse.REMAINDER, help="e.g. run --config PATH")
    supervise.set_defaults(func=_cmd_supervise)

    template = sub.add_parser("config-template", help="print a commented config with defaults")
    template.add_argument("--markdown", action="store_true", help="a reference table instead")
    template.set_defaults(func=_cmd_config_template)

    server = sub.add_parser("demo-server", help="serve the kiosk lookup API over the demo data")
    from kiosk import server as demo_server

    demo_server.add_arguments(server)
    server.set_defaults(func=demo_server.main)
    return parser


def _load_config(path: Path | None) -> Any:
    """The config to use, strictly validated; None (after telling why) if unusable."""
    loaded = _load_config_lenient(path)
    if loaded is None:
        return None
    cfg, problems = loaded
    if problems:
        from kiosk import config

        target = path or config.default_path()
        print(
            f"kiosk: the configuration cannot be used.\n{config.ConfigError(target, problems)}",
            file=sys.stderr,
        )
        return None
    return cfg


def _load_config_lenient(path: Path | None) -> tuple[Any, list[Any]] | None:
    """The config and its problems (wrong keys keep their defaults); None if unreadable."""
    from kiosk import config

    target = path or config.default_path()
    if path is None and not target.exists():
        return config.Config(), []  # no file: built-in defaults (demo data)
    try:
        return config.load_lenient(target)
    except config.ConfigError as exc:
        print(f"kiosk: the configuration cannot be used.\n{exc}", file=sys.stderr)
        return None


def _cmd_run(args: argparse.Namespace) -> int:
    from kiosk import config

    path = args.config or config.default_path()
    loaded = _load_config_lenient(args.config)
    if loaded is None:
        return EXIT_CONFIG
    cfg, problems = loaded
    if problems:
        # Start anyway with the defaults of the wrong keys: a dark counter helps nobody.
        lines = "\n".join(f"  {p}" for p in problems)
        print(
            f"kiosk: {path}: {len(problems)} problem(s), defaults used:\n{lines}", file=sys.stderr
        )
    try:
        from kiosk import app
    except ImportError as exc:
        # Usually a missing system library of Qt (libEGL, libxcb-cursor, ...).
        print(f"kiosk: the display libraries cannot be loaded: {exc}", file=sys.stderr)
        print("Install the packages listed in the README, then try again.", file=sys.stderr)
        return EXIT_DISPLAY
    return app.run(
        cfg,
        windowed=args.windowed,
        problems=[str(p) for p in problems],
        config_path=path if path.exists() else None,
    )


def _cmd_parse(args: argparse.Namespace) -> int:
    from kiosk.scan import ScanError, parse

    try:
        query = parse(args.payload)
    except ScanError as exc:
        if args.json:
            print(
                json.dumps({"ok": False, "reason": exc.reason.name.lower(), "detail": exc.detail})
            )
        else:
            print(f"refused ({exc.reason.name.lower()}): {exc.detail}", file=sys.stderr)
        return EXIT_REFUSED
    if args.json:
        print(json.dumps({"ok": True, "code": query.code, "has_secret": query.secret is not None}))
    else:
        print(query.code)
    return 0


def _cmd_lookup(args: argparse.Namespace) -> int:
    from kiosk.backends import BackendError
    from kiosk.backends.factory import create_backend
    from kiosk.scan import DossierQuery, ScanError, parse

    cfg = _load_config(args.config)
    if cfg is None:
        return EXIT_CONFIG
    try:
        query = parse(args.code)
    except ScanError as exc:
        print(f"refused ({exc.reason.name.lower()}): {exc.detail}", file=sys.stderr)
        return EXIT_REFUSED
    if args.secret:
        query = DossierQuery(query.code, args.secret)
    if args.trace:
        from kiosk.backends.trace import trace_lookup

        return trace_lookup(cfg.backend, query, sys.stdout)
    try:
        backend = create_backend(cfg.backend)
    except BackendError as exc:
        print(f"backend error ({exc.kind.value}): {exc.detail}", file=sys.stderr)
        return EXIT_BACKEND
    try:
        dossier = backend.lookup(query)
    except BackendError as exc:
        if args.json:
            print(json.dumps({"found": False, "error": exc.kind.value, "detail": exc.detail}))
        print(f"backend error ({exc.kind.value}): {exc.detail}", file=sys.stderr)
        return EXIT_BACKEND
    finally:
        backend.close()
    if dossier is None:
        if args.json:
            print(json.dumps({"found": False, "code": query.code}))
        else:
            print(f"not found: {query.code}", file=sys.stderr)
        return EXIT_NOT_FOUND
    record = _plain(dataclasses.asdict(dossier))
    if args.json:
        print(json.dumps({"found": True, "dossier": record}, ensure_ascii=False, indent=2))
    else:
        for key, value in record.items():
            if key == "steps":
                for step in value:
                    print(f"  step: {step['name']} | {step['unit']} | {step['finished'] or ''}")
            else:
                print(f"{key}: {value if value is not None else ''}")
    return 0


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _cmd_check_config(args: argparse.Namespace) -> int:
    from kiosk import config

    path = args.path or config.default_path()
    try:
        config.load(path)
    except config.ConfigError as exc:
        print(exc, file=sys.stderr)
        return EXIT_CONFIG
    print(f"{path}: valid")
    return 0


def _cmd_set_pin(args: argparse.Namespace) -> int:
    from kiosk import config
    from kiosk.admin_cli import set_pin_command

    return set_pin_command(args.config or config.default_path(), args.pin)


def _cmd_doctor(args: argparse.Namespace) -> int:
    from kiosk import config, doctor

    return doctor.report(args.config or config.default_path(), sys.stdout)


def _cmd_supervise(args: argparse.Namespace) -> int:
    from kiosk import log
    from kiosk.supervise import supervise

    log.setup(None)
    return supervise(args.args or ["run"])


def _cmd_config_template(args: argparse.Namespace) -> int:
    from kiosk import config, config_template

    if args.markdown:
        sys.stdout.write(config_template.render_markdown(config.Config))
    else:
        sys.stdout.write(config_template.render(config.Config))
    return 0

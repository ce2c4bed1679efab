"""The command line: `python -m bot run | migrate | rotate-keys | import-licences FILE |
import-certificates FILE | import-referrals FILE | demo-data`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from pydantic import ValidationError

from bot.logs import setup_logging
from services.settings import MissingTokens, Settings, configure_keys

# What `python -m bot import-KIND FILE` imports, by kind.
IMPORTS = {
    "licences": "the licence registry",
    "certificates": "software certificate requests (applicants are not messaged)",
    "referrals": "complaints referred by other bodies, one letter a row",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Pishkhan front desk")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="start every configured bot (long polling)")
    commands.add_parser(
        "migrate", help="bring the database schema up to date and encrypt personal data"
    )
    commands.add_parser(
        "rotate-keys", help="re-encrypt personal data under the first of DATA_KEYS"
    )
    for kind, what in IMPORTS.items():
        importing = commands.add_parser(
            f"import-{kind}", help=f"import {what} from a CSV or XLSX file"
        )
        importing.add_argument("file", type=Path, help="the CSV or XLSX file (see the README)")
    commands.add_parser(
        "demo-data", help="fill an empty database with sample licences and certificate requests"
    )
    args = parser.parse_args(argv)

    try:
        settings = Settings()
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in item['loc']).upper()}: {item['msg']}"
            for item in error.errors()
        )
        print(f"Settings are not valid: {problems}", file=sys.stderr)
        return 2
    setup_logging(settings.log_level)
    if args.command == "run":
        try:
            settings.require_tokens()
        except MissingTokens as error:
            print(error, file=sys.stderr)
            return 2
    try:
        configure_keys(settings)
    except ValueError as error:
        print(f"DATA_KEYS is not valid: {error}", file=sys.stderr)
        return 2

    if args.command in ("migrate", "rotate-keys"):
        from models.migrate import reencrypt, upgrade
        from models.repos import Repo
        from services.personal_data import reindex

        if args.command == "migrate":
            upgrade(settings.database_url)
        changed = asyncio.run(
            reencrypt(settings.database_url, lambda session: reindex(Repo(session)))
        )
        if args.command == "rotate-keys" or changed:
            print(f"{changed} values re-encrypted under the current key", file=sys.stderr)
        return 0
    if args.command.startswith("import-"):
        from bot.licence_cli import IMPORTERS

        return IMPORTERS[args.command.removeprefix("import-")](settings, args.file)
    if args.command == "demo-data":
        from bot.licence_cli import demo_data

        return demo_data(settings)
    if args.command == "run":
        from bot.app import run as run_desk

        try:
            asyncio.run(run_desk(settings))
        except KeyboardInterrupt:
            return 0
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())

"""The command line: `python -m bot run | migrate`."""

from __future__ import annotations

import argparse
import asyncio
import sys

from pydantic import ValidationError

from bot.logs import setup_logging
from bot.settings import MissingTokens, Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Pishkhan front desk")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="start every configured bot (long polling)")
    commands.add_parser("migrate", help="bring the database schema up to date")
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

    if args.command == "migrate":
        from models.migrate import upgrade

        upgrade(settings.database_url)
        return 0
    if args.command == "run":
        try:
            settings.require_tokens()
        except MissingTokens as error:
            print(error, file=sys.stderr)
            return 2
        from bot.app import run as run_desk

        try:
            asyncio.run(run_desk(settings))
        except KeyboardInterrupt:
            return 0
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())

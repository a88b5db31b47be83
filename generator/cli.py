"""The `factsheet` command line. Exit codes: 0 ok, 1 findings or bad input, 2 usage or internal failure."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from typing import Sequence

from generator import __version__
from generator.authoring import Refused, report_refusal
from generator.commands import (build, cite, ids, new_sheet, new_source, refresh, rehash, render, schema, serve,
                                validate)
from generator.findings import FactsheetError, did_you_mean

COMMANDS = [validate, render, build, serve, schema, new_source, new_sheet, cite, rehash, refresh, ids]


def build_parser() -> argparse.ArgumentParser:
    return _parser_and_commands()[0]


def _parser_and_commands() -> tuple[argparse.ArgumentParser, list[str]]:
    parser = argparse.ArgumentParser(prog="factsheet", description=__doc__)
    parser.add_argument("--version", action="version", version=f"factsheet {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(sub)
    return parser, list(sub.choices)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser, names = _parser_and_commands()
    if argv and not argv[0].startswith("-") and argv[0] not in names:
        print(f"factsheet: unknown command '{argv[0]}'{did_you_mean(argv[0], names)}", file=sys.stderr)
        print(f"commands: {', '.join(names)}", file=sys.stderr)
        return 2
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        code = int(args.run(args))
        sys.stdout.flush()  # a closed pipe shows here, inside the handlers, not at interpreter exit
        return code
    except FactsheetError as exc:
        print(exc.finding.format_text(), file=sys.stderr)
        return 1
    except Refused as exc:  # an editing command refuses its input; nothing was written
        return report_refusal(args.command, exc)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `factsheet validate | head`: the reader left; not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a bare traceback
        if os.environ.get("FACTSHEET_DEBUG"):
            traceback.print_exc()
        print(f"factsheet: internal error: {type(exc).__name__}: {exc} "
              "(set FACTSHEET_DEBUG=1 for the traceback, and please report it)", file=sys.stderr)
        return 2

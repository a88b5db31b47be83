"""The `factsheet` command line. Exit codes: 0 ok, 1 findings or bad input, 2 usage or internal failure."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from types import ModuleType
from typing import Sequence

from generator import __version__
from generator.collector import gc_paused
from generator.findings import FactsheetError, did_you_mean

# Each command's name and its module under generator/commands, in the order `--help` lists them.
# A run of one command imports only that command's module (the others would cost every
# `factsheet validate` their imports); tests/test_cli_startup.py checks the names against the modules.
COMMANDS = {"validate": "validate", "render": "render", "build": "build", "serve": "serve", "schema": "schema",
            "new-source": "new_source", "new-sheet": "new_sheet", "cite": "cite", "rehash": "rehash",
            "refresh": "refresh", "ids": "ids"}


def command_module(name: str) -> ModuleType:
    return importlib.import_module(f"generator.commands.{COMMANDS[name]}")


def build_parser() -> argparse.ArgumentParser:
    return _parser_and_commands()[0]


def _parser_and_commands(only: str | None = None) -> tuple[argparse.ArgumentParser, list[str]]:
    """The parser of every command, or (``only``) of that one command alone."""
    parser = argparse.ArgumentParser(prog="factsheet", description=__doc__)
    parser.add_argument("--version", action="version", version=f"factsheet {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in [only] if only else COMMANDS:
        command_module(name).add_parser(sub)
    return parser, list(sub.choices)


def environment_failure(exc: OSError) -> str:
    """One line for an operating-system failure: what failed, on which file, in the system's words."""
    reason = exc.strerror or str(exc)
    if exc.filename is None:  # a write to standard output (a full disk, /dev/full, a dead terminal)
        _drop_stdout()
        return f"cannot write the output: {reason}"
    name = os.fsdecode(exc.filename)
    if exc.filename2 is not None:
        return f"{name} -> {os.fsdecode(exc.filename2)}: {reason}"
    return f"{name}: {reason}"


def _drop_stdout() -> None:
    """Point standard output at /dev/null, so the flush at exit does not fail a second time."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if sys.stderr is None:  # nowhere to say anything: fail, but never silently succeed
        return 2
    if sys.stdout is None:  # `factsheet validate >&-`: a report with nowhere to go is a failure
        print("factsheet: standard output is closed: redirect it to a file or /dev/null", file=sys.stderr)
        return 2
    for stream in (sys.stdout, sys.stderr):  # a file name that is not UTF-8 is shown as its bytes
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="surrogateescape")
    names = list(COMMANDS)
    if argv and not argv[0].startswith("-") and argv[0] not in names:
        print(f"factsheet: unknown command '{argv[0]}'{did_you_mean(argv[0], names)}", file=sys.stderr)
        print(f"commands: {', '.join(names)}", file=sys.stderr)
        return 2
    with gc_paused():  # the command's imports: pydantic's models, the grammars (≈10 ms of collections)
        from generator.authoring import Refused, report_refusal
        parser, _ = _parser_and_commands(argv[0] if argv and argv[0] in COMMANDS else None)
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
        return exc.exit_code
    except Refused as exc:  # an editing command refuses its input; nothing was written
        return report_refusal(args.command, exc)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `factsheet validate | head`: the reader left; not an error of ours
        _drop_stdout()
        return 1
    except OSError as exc:  # the environment, not a bug of ours: a full disk, a read-only folder
        print(f"factsheet {args.command}: {environment_failure(exc)}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a bare traceback
        if os.environ.get("FACTSHEET_DEBUG"):
            traceback.print_exc()
        print(f"factsheet: internal error: {type(exc).__name__}: {exc} "
              "(set FACTSHEET_DEBUG=1 for the traceback, and please report it)", file=sys.stderr)
        return 2

"""One module per subcommand: ``add_parser(subparsers)`` and ``run(args) -> exit code``; here, the options
several of them share."""

from __future__ import annotations

import argparse
import os


def add_jobs_argument(p: argparse.ArgumentParser) -> None:
    """`--jobs N`: how many processes check sheets (validate, render, build)."""
    from generator.validation.parallel import MIN_FACTS  # only for the commands that validate

    p.add_argument("--jobs", "-j", metavar="N", type=_jobs, default=os.environ.get("FACTSHEET_JOBS", "auto"),
                   help="check sheets in up to N processes (default: $FACTSHEET_JOBS, else auto: one per core this "
                        f"process may use; a run with fewer than {MIN_FACTS} facts to check stays in one); the "
                        "result is the same for any N")


def _jobs(text: str) -> int:
    """``auto`` or a number of processes, at least 1."""
    from generator.validation.parallel import AUTO

    if text.strip().lower() == "auto":
        return AUTO
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"write auto or a number of processes, at least 1 (not '{text}'; "
                                         "the default comes from $FACTSHEET_JOBS when it is set)")
    return n

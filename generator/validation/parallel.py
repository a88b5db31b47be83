"""Sheets checked in worker processes: `factsheet validate --jobs N`.

Each sheet's check reads only the loaded workspace and answers with its own findings and fact
results, so sheets are independent work. Workers are forked after loading: they start with the
workspace already in memory (shared copy-on-write, nothing re-read or sent to them), take runs of
neighbouring sheets in turn, and send back each sheet's answer with the facts as their index in the
sheet (the parent holds the same facts). The parent puts the answers back in sheet order, so a
run with any number of jobs gives the serial run's report byte for byte (tests/test_parallel.py).

Processes only where they pay (measured in bench/RESULTS.md, "--jobs"): starting a worker and
sending answers back costs about what checking a few hundred facts does, so fewer facts than
``MIN_FACTS`` are checked here, and so is every run off Linux (macOS forks unsafely, Windows not at
all, and workers that start afresh would have to load the workspace again).
"""

from __future__ import annotations

import os
import sys
from itertools import islice
from typing import Any, Callable, Sequence

from generator.findings import FactsheetError
from generator.loading import SheetFile
from generator.matchers.units import dictionary_answers, load_dictionary, remember_answers
from generator.rules import finding
from generator.validation.results import FactResult, Report

# Below this many facts to check a forked worker costs more than it saves (bench/RESULTS.md, "--jobs").
MIN_FACTS = 1000

# Each worker's share is cut into this many runs of neighbouring sheets: enough that no worker waits
# long for the last, few enough that neighbours stay together.
CHUNKS_PER_WORKER = 4

AUTO = 0  # --jobs auto: as many workers as this process may use cores

# What the forked workers check: set just before they are forked, read by them, cleared after.
_WORK: tuple[Callable[[SheetFile], Report], Sequence[SheetFile]] | None = None

# One sheet's answer as sent back: its findings, per fact (index in the sheet, line, column,
# citations, findings), and what the dictionary was newly asked (the cache keeps it for later runs).
# Facts are models the parent already holds: an index is cheaper to send.
_Answer = tuple[list[Any], list[tuple[int, int, int, list[Any], list[Any]]], dict[str, Any]]


def available_cores() -> int:
    """The cores this process may run on (a container's or CI runner's share, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def workers_for(jobs: int, sheets: Sequence[SheetFile]) -> int:
    """How many processes check ``sheets``: 1 (this one) unless more pay, never more than asked."""
    wanted = available_cores() if jobs == AUTO else jobs
    if wanted <= 1 or len(sheets) < 2 or not sys.platform.startswith("linux"):  # fork is safe on Linux only
        return 1
    if sum(len(sf.sheet.facts) for sf in sheets) < MIN_FACTS:
        return 1
    return min(wanted, len(sheets))


def check_sheets(check: Callable[[SheetFile], Report], sheets: Sequence[SheetFile], jobs: int = 1) -> list[Report]:
    """``check(sheet)`` for every sheet, in order: here, or in forked workers when ``jobs`` allows and
    it pays (``jobs``: a number of processes, or ``AUTO``)."""
    workers = workers_for(jobs, sheets)
    if workers == 1:
        return [check(sf) for sf in sheets]
    # Imported only here: most runs (the cached re-run of a pull request) check too few facts to fork.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if not dictionary_answers():  # nothing remembered: every worker would load the dictionary itself
        load_dictionary()
    global _WORK
    _WORK = (check, sheets)
    try:
        answers: list[_Answer | None] = [None] * len(sheets)
        # An executor, not a Pool: a worker killed from outside (out of memory) breaks it at once,
        # where a Pool would wait for the lost answer for ever.
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for done in pool.map(_check_run, _runs(sheets, workers * CHUNKS_PER_WORKER)):
                for i, answer in done:
                    answers[i] = answer
                    remember_answers(answer[2])
    except BrokenProcessPool:
        raise FactsheetError(finding(
            ".", (1, 1), "worker-died",
            f"a validation worker ended without answering (killed, often for lack of memory): nothing was "
            f"reported; run again with --jobs 1, or fewer than {workers} jobs"), exit_code=2) from None
    finally:
        _WORK = None
    return [_rebuilt(sf, a) for sf, a in zip(sheets, answers) if a is not None]


def _runs(sheets: Sequence[SheetFile], n: int) -> list[range]:
    """``sheets`` cut into about ``n`` runs of neighbours with about as many facts each. Neighbours
    (``topic-1``, ``topic-2``) tend to cite the same sources and quote the same sentences: in one
    worker, what is read of them once serves them all (a worker per sheet, in turn, read them twice)."""
    total = sum(len(sf.sheet.facts) for sf in sheets)
    share = max(1, -(-total // n))
    out, start, facts = [], 0, 0
    for i, sf in enumerate(sheets):
        facts += len(sf.sheet.facts)
        if facts >= share:
            out.append(range(start, i + 1))
            start, facts = i + 1, 0
    if start < len(sheets):
        out.append(range(start, len(sheets)))
    return out


def _check_run(run: range) -> list[tuple[int, _Answer]]:
    return [_check_one(i) for i in run]


def _check_one(i: int) -> tuple[int, _Answer]:
    assert _WORK is not None, "a worker runs only inside check_sheets"
    check, sheets = _WORK
    sf = sheets[i]
    asked = dictionary_answers()
    before = len(asked)  # answers are only ever added: the new ones are the last
    part = check(sf)
    new = dict(islice(reversed(asked.items()), len(asked) - before))
    index = {id(fact): n for n, fact in enumerate(sf.sheet.facts)}
    return i, (part.findings, [(index[id(r.fact)], r.line, r.column, r.citations, r.findings) for r in part.facts],
               new)


def _rebuilt(sf: SheetFile, answer: _Answer) -> Report:
    findings, facts, _ = answer
    return Report(findings=findings, facts=[
        FactResult(sf.id, sf.sheet.facts[n], sf.path, line, column, citations, fact_findings)
        for n, line, column, citations, fact_findings in facts])

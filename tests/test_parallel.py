"""`factsheet validate --jobs N` (issue 12): sheets checked in forked workers give the report one process
gives, byte for byte, on the cold path, the cached path and in shards; the work really leaves the process
when it pays and stays in it when it does not."""

from __future__ import annotations

import os
import signal
import random
import shutil
from pathlib import Path

import pytest

from generator.findings import FactsheetError, Finding, Severity
from generator.loading import load_workspace
from generator.matchers import memo, units
from generator.reports import FORMATS
from generator.validation import parallel, validate
from generator.validation.cache import validate_cached
from generator.validation.results import Report
from generator.validation.shards import Shard, validate_shard
from tests.conftest import REPO, run_cli
from tests.test_shards import _random_repository


@pytest.fixture
def always(monkeypatch):
    """Workers for any number of facts (the threshold keeps small runs in one process)."""
    monkeypatch.setattr(parallel, "MIN_FACTS", 0)


def _json(report: Report) -> str:
    return FORMATS["json"](report)


def _example(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(REPO / "facts", root / "facts")
    shutil.copytree(REPO / "content", root / "content")
    return root


def test_the_example_repository_in_two_and_three_workers_gives_the_serial_report(tmp_path, always):
    root = _example(tmp_path)
    serial = _json(validate(load_workspace(root), 1))
    assert '"verdict": "verified"' in serial
    for jobs in (2, 3):
        assert _json(validate(load_workspace(root), jobs)) == serial


@pytest.mark.parametrize("seed", range(4))
def test_random_repositories_with_errors_give_the_serial_report(tmp_path, always, seed):
    _random_repository(tmp_path, random.Random(seed))
    serial = validate(load_workspace(tmp_path), 1)
    assert serial.errors  # missing sources, a wrong figure, an undecodable source
    assert _json(validate(load_workspace(tmp_path), 2)) == _json(serial)
    for i in (1, 2, 3):
        assert _json(validate_shard(tmp_path, Shard(i, 3), 2)) == _json(validate_shard(tmp_path, Shard(i, 3), 1))


def test_the_cached_path_checks_changed_sheets_in_workers_and_stays_exact(tmp_path, always):
    root = _example(tmp_path)
    cold = _json(validate(load_workspace(root), 1))
    notes: list[str] = []
    assert _json(validate_cached(root, tmp_path / "cache", notes.append, jobs=2)) == cold  # every sheet new
    sheet = sorted((root / "facts").glob("*.yml"))[0]
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert _json(validate_cached(root, tmp_path / "cache", notes.append, jobs=2)) == _json(
        validate(load_workspace(root), 1))
    assert notes == []


def test_each_sheet_is_checked_once_in_a_worker_and_answers_come_back_in_order(tmp_path, always):
    _random_repository(tmp_path, random.Random(1))
    sheets = list(load_workspace(tmp_path).sheets.values())
    assert len(sheets) > 2

    def check(sf):  # says where it ran: the answer travels back from the worker
        return Report(findings=[Finding(sf.path, 1, 1, Severity.INFO, "where", str(os.getpid()))])

    parts = parallel.check_sheets(check, sheets, 2)
    assert [p.findings[0].path for p in parts] == [sf.path for sf in sheets]
    pids = {p.findings[0].message for p in parts}
    assert str(os.getpid()) not in pids and 1 <= len(pids) <= 2


def test_a_small_run_stays_in_this_process(tmp_path, monkeypatch):
    _random_repository(tmp_path, random.Random(2))
    sheets = list(load_workspace(tmp_path).sheets.values())
    facts = sum(len(sf.sheet.facts) for sf in sheets)
    monkeypatch.setattr(parallel, "MIN_FACTS", facts + 1)
    assert parallel.workers_for(2, sheets) == 1
    monkeypatch.setattr(parallel, "MIN_FACTS", facts)
    assert parallel.workers_for(2, sheets) == 2
    assert parallel.workers_for(1, sheets) == 1
    assert parallel.workers_for(len(sheets) + 5, sheets) == len(sheets)  # never more workers than sheets
    monkeypatch.setattr(parallel, "available_cores", lambda: 3)
    assert parallel.workers_for(parallel.AUTO, sheets) == 3
    monkeypatch.setattr(parallel, "available_cores", lambda: 1)
    assert parallel.workers_for(parallel.AUTO, sheets) == 1
    parts = parallel.check_sheets(lambda sf: Report(findings=[Finding(sf.path, 1, 1, Severity.INFO, "where",
                                                                      str(os.getpid()))]), sheets, 1)
    assert {p.findings[0].message for p in parts} == {str(os.getpid())}


def test_what_workers_ask_the_dictionary_is_remembered_for_the_next_run(tmp_path, always, monkeypatch):
    root = _example(tmp_path)
    kept = dict(units.dictionary_answers())
    try:
        asked = []
        for jobs in (1, 2):
            _forget_answers()
            validate(load_workspace(root), jobs)
            asked.append(set(units.dictionary_answers()))
        assert asked[0] and asked[1] == asked[0]
    finally:
        _forget_answers()
        units.dictionary_answers().update(kept)


def _forget_answers() -> None:
    """As a new process starts: no dictionary answer, and none remembered on the way to one."""
    units.dictionary_answers().clear()
    for remembered in (units._lemmas, units.lemmas_of, units.noun_keys):
        remembered.cache_clear()
    memo.forget()


def test_the_cli_takes_a_number_or_auto_and_refuses_anything_else(tmp_path):
    root = _example(tmp_path)
    one = run_cli("validate", "--root", str(root), "--no-cache", "--format", "json", "--jobs", "1")
    auto = run_cli("validate", "--root", str(root), "--no-cache", "--format", "json", "--jobs", "auto")
    assert one.returncode == auto.returncode == 0 and one.stdout == auto.stdout
    for bad in ("0", "-2", "many"):
        done = run_cli("validate", "--root", str(root), "--jobs", bad)
        assert done.returncode == 2 and "--jobs" in done.stderr and f"not '{bad}'" in done.stderr
    done = run_cli("validate", "--root", str(root), env={"FACTSHEET_JOBS": "none"})
    assert done.returncode == 2 and "$FACTSHEET_JOBS" in done.stderr


def test_runs_of_neighbours_cover_every_sheet_once_in_order_with_about_equal_facts(tmp_path):
    _random_repository(tmp_path, random.Random(3))
    sheets = list(load_workspace(tmp_path).sheets.values())
    facts = [len(sf.sheet.facts) for sf in sheets]
    for n in (1, 2, 3, 8, 100):
        runs = parallel._runs(sheets, n)
        assert [i for r in runs for i in r] == list(range(len(sheets)))  # neighbours stay together, in order
        assert len(runs) <= min(n, len(sheets)) + 1
        share = -(-sum(facts) // n)
        assert all(sum(facts[i] for i in r[:-1]) < share for r in runs)  # a run closes at its share


def test_a_worker_killed_from_outside_is_an_environment_error_not_a_hang(tmp_path, always):
    _random_repository(tmp_path, random.Random(4))
    sheets = list(load_workspace(tmp_path).sheets.values())

    def check(sf):  # as the kernel's out-of-memory killer would
        os.kill(os.getpid(), signal.SIGKILL)

    with pytest.raises(FactsheetError) as caught:
        parallel.check_sheets(check, sheets, 2)
    assert caught.value.exit_code == 2 and caught.value.finding.rule == "worker-died"
    assert "--jobs 1" in caught.value.finding.message


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_render_in_two_workers_writes_the_pages_one_process_writes(tmp_path, always, capsys):
    from generator.cli import main

    root = _example(tmp_path)
    assert main(["render", "--root", str(root), "--out", str(tmp_path / "one"), "--jobs", "1"]) == 0
    assert main(["render", "--root", str(root), "--out", str(tmp_path / "two"), "--jobs", "2"]) == 0
    one, two = _tree(tmp_path / "one"), _tree(tmp_path / "two")
    assert len(one) > 20 and one == two


@pytest.mark.parametrize("command", ["render", "build"])
def test_render_and_build_refuse_a_bad_jobs_value_before_doing_anything(tmp_path, command):
    root = _example(tmp_path)
    extra = ["--out", str(tmp_path / "out")] if command == "render" else []
    done = run_cli(command, "--root", str(root), *extra, "--jobs", "0")
    assert done.returncode == 2 and "not '0'" in done.stderr
    assert not (tmp_path / "out").exists() and not (root / "site").exists()

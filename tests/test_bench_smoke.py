"""The bench scripts run end to end on a tiny generated corpus (no timings are asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.loading import load_workspace
from generator.normalize import fold_text

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"


def bench(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, str(BENCH / script), *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    ws = tmp_path_factory.mktemp("bench") / "ws"
    done = bench("make_workspace.py", str(ws), "--synthetic", "10", "--scale", "2", "--per-sheet", "2")
    assert done.returncode == 0, done.stderr
    return ws, json.loads(done.stdout)


def test_workspace_has_every_article_twice_and_loads_cleanly(tiny: tuple[Path, dict[str, object]]) -> None:
    ws, summary = tiny
    loaded = load_workspace(ws)
    assert summary["sources"] == 20 and summary["articles"] == 10
    # The one Windows-1252 article is imported, and reported, not dropped or crashed on.
    assert {f.rule for f in loaded.findings} == {"file-encoding"}
    assert {f.path for f in loaded.findings} == {"content/sources/sport-001.txt",
                                                   "content/sources/sport-001-x2.txt"}
    assert "sport/001.txt: not valid UTF-8" in (ws / "bench-workspace.json").read_text()
    assert len(loaded.sources) == 18
    assert "business-001" in loaded.sources and "business-001-x2" in loaded.sources
    facts = [f for sf in loaded.sheets.values() for f in sf.sheet.facts]
    assert len(facts) == summary["facts"]
    kinds = {f.kind for f in facts}
    assert {"money", "figure", "date", "quote", "statement"} <= kinds
    speakers = {f.quote.speaker for f in facts if f.quote is not None}
    assert speakers and speakers <= set(loaded.people)


def test_every_excerpt_is_verbatim_in_its_source_copy(tiny: tuple[Path, dict[str, object]]) -> None:
    ws, _ = tiny
    loaded = load_workspace(ws)
    for sid, sf in loaded.sheets.items():
        for fact in sf.sheet.facts:
            (citation,) = fact.sources
            assert citation.source.endswith("-x2") == sid.endswith("-x2")
            assert fold_text(citation.excerpt) in loaded.sources[citation.source].folded.text


def test_floor_reads_every_file(tiny: tuple[Path, dict[str, object]]) -> None:
    ws, summary = tiny
    for parser in ("csafe", "events"):
        done = bench("floor.py", "--root", str(ws), "--parser", parser)
        assert done.returncode == 0, done.stderr
        yaml_files = 20 + int(summary["sheets"]) + 1  # sidecars, sheets, people
        assert f"parsed {yaml_files} YAML files, 2 source(s) not UTF-8" in done.stdout


def test_run_prints_the_table_for_each_scale(tmp_path: Path) -> None:
    raw = tmp_path / "raw.json"
    done = bench("run.py", "--synthetic", "10", "--scales", "1,2", "--repeat", "1",
                 "--work", str(tmp_path / "work"), "--json", str(raw), "--kinds", "")
    assert done.returncode == 0, done.stderr
    assert "| 1× | 10 |" in done.stdout and "| 2× | 20 |" in done.stdout
    figures = json.loads(raw.read_text())
    assert [r["scale"] for r in figures["rows"]] == [1, 2]
    assert figures["verdicts"]["stats"]["verified"] == figures["rows"][0]["facts"]
    assert figures["verdicts"]["rules"] == {"file-encoding": 1}


def test_adversarial_prints_a_slope_per_shape(tmp_path: Path) -> None:
    done = bench("adversarial.py", "--repeat", "1", "--scale", "0.01", "--only", "singles,brackets",
                 "--work", str(tmp_path / "adv"))
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith(("| singles", "| brackets"))]
    assert len(rows) == 2 and all(r.rstrip(" |").split("|")[-1].strip() for r in rows)


def test_incremental_checks_the_cached_report_against_a_cold_run(tiny: tuple[Path, dict[str, object]]) -> None:
    ws, _ = tiny
    done = bench("incremental.py", "--root", str(ws), "--repeat", "2", "--fresh-checkout")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "one sheet changed" in done.stdout and "identical to the cold run's after the edits: yes" in done.stdout
    assert "| one sheet changed in a fresh copy of the workspace" in done.stdout


def test_fold_memory_prints_a_row_per_shape_and_size(tmp_path: Path) -> None:
    done = bench("fold_memory.py", "--scale", "0.001", "--only", "ellipses,decomposed", "--work", str(tmp_path))
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ellipses") or line.startswith("| decomp")]
    assert len(rows) == 6 and all(line.count("|") == 9 for line in rows)


def test_budget_times_each_pass_over_the_claims_and_excerpts(tiny: tuple[Path, dict[str, object]]) -> None:
    ws, summary = tiny
    done = bench("budget.py", "--root", str(ws), "--repeat", "1")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "texts (claims and excerpts)" in done.stdout
    rows = [line for line in done.stdout.splitlines() if line.startswith("| findall") or line.startswith("| search")]
    assert len(rows) == 3 and all(line.rstrip(" |").endswith(" s") for line in rows)
    budget = {line.split(" | ")[0].lstrip("| "): line.split(" | ")[1] for line in done.stdout.splitlines()
              if line.startswith("| ") and line.count(" | ") == 1}
    facts = int(done.stdout.split("| the budget, ")[1].split(" facts")[0])
    assert facts == summary["facts"]
    floor, target = (float(budget[k].split(" s")[0]) for k in (
        "floor (read and fold every source, parse every YAML file)", "2× the floor: the target"))
    assert target == pytest.approx(2 * floor, abs=0.002)
    assert budget["left for every check of every fact"].endswith("µs a fact) |")


def test_jobs_compares_process_counts_on_identical_reports(tiny: tuple[Path, dict[str, object]]) -> None:
    ws, _ = tiny
    done = bench("jobs.py", "--root", str(ws), "--jobs", "1,2", "--repeat", "1")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "reports byte-identical" in done.stdout
    rows = [line for line in done.stdout.splitlines() if line.startswith("| 1 ") or line.startswith("| 2 ")]
    assert len(rows) == 2 and all(line.rstrip(" |").endswith(" MB") for line in rows)


def test_where_the_time_goes_names_each_stage_and_pattern(tiny: tuple[Path, dict[str, object]]) -> None:
    ws, summary = tiny
    done = bench("where.py", "--root", str(ws), "--patterns", "--top", "200")
    assert done.returncode == 0, done.stderr
    rows = {line.split(" | ")[-1].rstrip(" |"): int(line.split(" | ")[1])
            for line in done.stdout.splitlines() if line.startswith("| ") and line[2].isdigit()}
    facts = int(done.stdout.split(" facts:")[0])
    assert facts == summary["facts"]
    assert rows["check_claim"] == rows["claim check __init__"] == facts
    assert {"check_value", "locate", "excerpt readings", "claim check _polarity"} <= rows.keys()
    assert any(what.startswith("pattern generator/matchers/numbers.py:") for what in rows)

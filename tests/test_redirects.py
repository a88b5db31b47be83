"""Published ids and redirects: a renamed, moved or removed fact never breaks its URL silently."""

from __future__ import annotations

from pathlib import Path

from generator.loading import load_workspace
from generator.published import PUBLISHED_IDS, read_published, record_published
from generator.render.urls import redirect_pages
from generator.validation.redirects import check_redirects, redirect_map
from generator.validation import validate
from tests.conftest import run_cli, write_source, write_yaml

TEXT = "The talks resumed on Monday. Kyiv said the grain deal was extended.\n"


def _fact(fid: str, excerpt: str) -> str:
    return f"""
  - id: {fid}
    claim: A statement.
    sources:
      - source: s
        excerpt: "{excerpt}"
"""


def _sheet(root: Path, sid: str, facts: dict[str, str], redirects: str = "") -> None:
    body = "title: T\nfacts:" + "".join(_fact(k, v) for k, v in facts.items())
    (root / "facts").mkdir(exist_ok=True)
    (root / "facts" / f"{sid}.yml").write_text(body + redirects, encoding="utf-8")


def _base(root: Path) -> None:
    write_source(root, "s", TEXT)
    _sheet(root, "talks", {"resumed": "talks resumed", "grain": "grain deal was extended"})


def test_record_published_adds_new_ids_sorted_and_never_removes_any(workspace: Path) -> None:
    _base(workspace)
    ws = load_workspace(workspace)
    assert record_published(ws) == ["talks/grain", "talks/resumed"]
    path = workspace / PUBLISHED_IDS
    text = path.read_text()
    assert text.startswith("# Every fact id") and text.endswith("talks/grain\ntalks/resumed\n")
    assert record_published(load_workspace(workspace)) == []  # nothing new: file untouched
    assert path.read_text() == text
    _sheet(workspace, "talks", {"resumed": "talks resumed"})
    _sheet(workspace, "other", {"monday": "on Monday"})
    assert record_published(load_workspace(workspace)) == ["other/monday"]
    assert [gid for _, gid in read_published(load_workspace(workspace))] == [
        "other/monday", "talks/grain", "talks/resumed"]


def test_a_published_id_gone_without_redirect_warns_at_the_sheet(workspace: Path) -> None:
    _base(workspace)
    record_published(load_workspace(workspace))
    _sheet(workspace, "talks", {"resumed": "talks resumed", "grain-deal": "grain deal was extended"})
    report = validate(load_workspace(workspace))
    missing = [f for f in report.findings if f.rule == "redirect-missing"]
    assert len(missing) == 1
    f = missing[0]
    assert (f.path, f.line, f.column, f.severity.value, f.fact) == ("facts/talks.yml", 2, 1, "warning", "talks/grain")
    assert "did you mean 'talks/grain-deal'?" in f.message and "redirects: {grain:" in f.message
    assert report.errors == 0 and not report.ok(strict=True)


def test_a_redirect_silences_the_warning_and_maps_the_url(workspace: Path) -> None:
    _base(workspace)
    record_published(load_workspace(workspace))
    _sheet(workspace, "talks", {"resumed": "talks resumed", "grain-deal": "grain deal was extended"},
           "redirects:\n  grain: talks/grain-deal\n")
    ws = load_workspace(workspace)
    assert ws.findings == []
    assert [f for f in validate(ws).findings if f.rule.startswith("redirect")] == []
    assert redirect_map(ws) == {"talks/grain": "talks/grain-deal"}
    assert redirect_pages(ws) == {"talks/#grain": "talks/#grain-deal"}


def test_a_gone_sheet_is_reported_in_published_ids_and_its_page_redirects(workspace: Path) -> None:
    _base(workspace)
    record_published(load_workspace(workspace))
    (workspace / "facts/talks.yml").unlink()
    _sheet(workspace, "negotiations", {"resumed": "talks resumed", "grain": "grain deal was extended"},
           "redirects:\n  talks/resumed: negotiations/resumed\n")
    ws = load_workspace(workspace)
    missing = [f for f in check_redirects(ws) if f.rule == "redirect-missing"]
    assert [(f.path, f.line, f.fact) for f in missing] == [(PUBLISHED_IDS, 4, "talks/grain")]
    assert "did you mean 'negotiations/grain'?" in missing[0].message
    pages = redirect_pages(ws, url_for=lambda s, f: f"/{s}/" if f is None else f"/{s}/{f}/")
    assert pages == {"/talks/resumed/": "/negotiations/resumed/", "/talks/": "/negotiations/"}


def test_redirect_chains_resolve_and_broken_redirects_are_errors(workspace: Path) -> None:
    write_source(workspace, "s", TEXT)
    _sheet(workspace, "a", {"now": "talks resumed"}, (
        "redirects:\n"
        "  first: a/second\n"       # chain: first → second → now
        "  second: now\n"           # a bare id means this sheet
        "  now: a/elsewhere\n"      # 'now' is still a fact
        "  typo: a/nw\n"            # target is not a fact
        "  loop-1: a/loop-2\n"
        "  loop-2: a/loop-1\n"
        "  Bad Key: a/now\n"
    ))
    ws = load_workspace(workspace)
    assert redirect_map(ws) == {"a/first": "a/now", "a/second": "a/now"}
    found = {(f.line, f.rule): f.message for f in check_redirects(ws)}
    assert "still a fact" in found[(11, "redirect-invalid")]
    assert "'a/nw' is not a fact; did you mean 'a/now'?" in found[(12, "redirect-invalid")]
    assert "redirects loop: a/loop-1 → a/loop-2 → a/loop-1" in found[(13, "redirect-invalid")]
    assert "redirects loop: a/loop-2 → a/loop-1 → a/loop-2" in found[(14, "redirect-invalid")]
    assert "write the old fact id" in found[(15, "redirect-invalid")]
    assert all(f.severity.value == "error" for f in check_redirects(ws))


def test_the_same_old_id_redirected_twice_is_an_error(workspace: Path) -> None:
    write_source(workspace, "s", TEXT)
    _sheet(workspace, "a", {"x": "talks resumed"}, "redirects:\n  gone/y: a/x\n")
    _sheet(workspace, "b", {"z": "on Monday"}, "redirects:\n  gone/y: b/z\n")
    found = check_redirects(load_workspace(workspace))
    assert [(f.path, f.rule) for f in found] == [("facts/b.yml", "redirect-invalid")]
    assert "already redirected in facts/a.yml" in found[0].message


def test_a_sheet_that_fails_to_load_does_not_flood_redirect_warnings(workspace: Path) -> None:
    _base(workspace)
    record_published(load_workspace(workspace))
    (workspace / "facts/talks.yml").write_text("title: T\nfacts: [\n", encoding="utf-8")
    report = validate(load_workspace(workspace))
    assert [f.rule for f in report.findings] == ["yaml-syntax"]


def test_validate_cli_reports_redirect_missing_and_strict_fails(workspace: Path) -> None:
    _base(workspace)
    write_yaml(workspace, PUBLISHED_IDS, "# header\ntalks/grain\ntalks/resumed\ntalks/gone\nnot an id\n")
    r = run_cli("validate", cwd=workspace)
    assert r.returncode == 1  # 'not an id' is an error
    assert "facts/published-ids.txt:5:1: [error] 'not an id' is not a fact id" in r.stdout
    assert "facts/talks.yml:2:1: [warning] fact 'gone' was published and is gone" in r.stdout


def test_ids_command_records_and_checks(repo_copy):
    from tests.conftest import run_cli

    ids_file = repo_copy / "facts" / "published-ids.txt"
    ids_file.unlink(missing_ok=True)
    check = run_cli("ids", "--check", "--root", str(repo_copy))
    assert check.returncode == 1 and "not recorded: xi-zelensky-first-phone-call/call-date" in check.stdout
    assert not ids_file.exists()  # --check changes nothing
    assert run_cli("ids", "--root", str(repo_copy)).returncode == 0
    assert "xi-zelensky-first-phone-call/call-date\n" in ids_file.read_text(encoding="utf-8")
    assert run_cli("ids", "--check", "--root", str(repo_copy)).returncode == 0

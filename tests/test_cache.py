"""The validation cache gives exactly the report of a cold run, after any sequence of edits.

Workspaces are edited at random (seeded): excerpts broken and mended, source texts and sidecars
changed, people renamed, sheets added, deleted and broken, redirects and published ids added; after
every edit the cached report (text and JSON) must equal a cold run's, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, run_cli, write_source, write_yaml
from generator.loading import load_workspace
from generator.reports import format_json, format_text
from generator.validation import cache as cache_mod
from generator.validation import validate
from generator.validation.cache import validate_cached


def cold(root: Path) -> tuple[str, str]:
    report = validate(load_workspace(root))
    return format_text(report), format_json(report)


def cached(root: Path, folder: Path, notes: list[str] | None = None) -> tuple[str, str]:
    """The cached run's reports, made twice: reading only the heads of the cached entries (as the CLI
    does for any format but JSON; the JSON report then reads each entry's records when it prints
    them), then reading the entries whole, as the CLI does for JSON. Both must say the same."""
    say = (notes if notes is not None else []).append
    heads = validate_cached(root, folder, say, records=False)
    lazy = format_text(heads), format_json(heads)
    report = validate_cached(root, folder, say)
    whole = format_text(report), format_json(report)
    assert lazy == whole
    return whole


def _resign(root: Path, sid: str) -> None:
    """Record a source text's sha256 in its sidecar (a deliberate correction)."""
    meta = root / "content" / "sources" / f"{sid}.yml"
    digest = hashlib.sha256((root / "content" / "sources" / f"{sid}.txt").read_bytes()).hexdigest()
    lines = [f"sha256: {digest}" if line.startswith("sha256:") else line
             for line in meta.read_text(encoding="utf-8").splitlines()]
    meta.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _edits(root: Path, rng: random.Random) -> str:
    """One random edit of the workspace; returns what it did (for the failure message)."""
    sheets = sorted(p for p in (root / "facts").glob("*.yml") if p.name != "people.yml")
    sources = sorted((root / "content" / "sources").glob("*.txt"))
    kind = rng.choice(["excerpt", "excerpt", "mend", "source-text", "source-resign", "people", "new-sheet",
                       "delete-sheet", "yaml-error", "unknown-source", "redirect", "published", "nothing",
                       "sidecar-date", "rename-source", "ignored-file", "break-sidecar", "break-people",
                       "subfolder"])
    if kind == "subfolder":  # never read, and said: a folder in facts/ or content/sources/, or one named as a sheet
        where = rng.choice(["facts/old", "content/sources/archive", "facts/folder.yml"])
        (root / where).mkdir(exist_ok=True)
        (root / where / "x.yml").write_text("title: x\n", encoding="utf-8")
        return f"{kind} {where}"
    if kind == "ignored-file":
        (root / "facts" / f"stray-{rng.randint(0, 3)}.yaml").write_text("title: x\n", encoding="utf-8")
        return kind
    if kind == "break-sidecar" and sources:
        meta = rng.choice(sources).with_suffix(".yml")
        meta.write_text(meta.read_text(encoding="utf-8") + "title: [\n", encoding="utf-8")
        return f"{kind} {meta.name}"
    if kind == "break-people":
        people = root / "facts" / "people.yml"
        people.write_text(people.read_text(encoding="utf-8") + "\n: [\n", encoding="utf-8")
        return kind
    if kind in ("excerpt", "mend", "yaml-error", "unknown-source", "redirect") and sheets:
        path = rng.choice(sheets)
        text = path.read_text(encoding="utf-8")
        if kind == "excerpt":
            text = text.replace('excerpt: "', 'excerpt: "not ', 1)
        elif kind == "mend":
            text = text.replace('excerpt: "not ', 'excerpt: "')
        elif kind == "yaml-error":
            text = text + "\n  - id: [broken\n"
        elif kind == "unknown-source":
            text = text.replace("source: ", "source: no-such-", 1)
        else:
            text = text.replace("facts:", f"redirects:\n  gone-{rng.randint(0, 9)}: {path.stem}/nothing\nfacts:", 1)
        path.write_text(text, encoding="utf-8")
        return f"{kind} {path.name}"
    if kind in ("source-text", "source-resign") and sources:
        path = rng.choice(sources)
        path.write_bytes(path.read_bytes() + b"\nAn added line.\n")
        if kind == "source-resign":
            _resign(root, path.stem)
        return f"{kind} {path.name}"
    if kind == "sidecar-date" and sources:
        meta = rng.choice(sources).with_suffix(".yml")
        lines = [line for line in meta.read_text(encoding="utf-8").splitlines() if not line.startswith("published:")]
        meta.write_text("\n".join(lines + [f"published: '20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}'"])
                        + "\n", encoding="utf-8")
        return f"{kind} {meta.name}"
    if kind == "rename-source" and sources:
        path = rng.choice(sources)
        new = path.with_name(f"{path.stem}-moved.txt")
        path.rename(new)
        path.with_suffix(".yml").rename(new.with_suffix(".yml"))
        return f"{kind} {path.name}"
    if kind == "people":
        people = root / "facts" / "people.yml"
        text = people.read_text(encoding="utf-8")
        people.write_text(text.replace("name:", "name: Dr", 1) if rng.random() < 0.5 else text + "\n", encoding="utf-8")
        return kind
    if kind == "new-sheet" and sources:
        src = rng.choice(sources)
        words = " ".join(src.read_text(encoding="utf-8").split()[:6]).replace('"', "")
        write_yaml(root, f"facts/new-{rng.randint(0, 999)}.yml", f"""
            title: New
            facts:
              - id: n
                claim: Something.
                sources:
                  - source: {src.stem}
                    excerpt: "{words}"
        """)
        return kind
    if kind == "delete-sheet" and len(sheets) > 1:
        path = rng.choice(sheets)
        path.unlink()
        return f"{kind} {path.name}"
    if kind == "published":
        ids = root / "facts" / "published-ids.txt"
        if ids.exists():
            ids.unlink()
            return "published removed"
        ids.write_text(f"{sheets[0].stem}/gone\n" if sheets else "", encoding="utf-8")
        return "published added"
    return "nothing"


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_cached_reports_equal_cold_runs_over_random_edits(repo_copy: Path, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    folder = tmp_path / "cache"
    if seed != 1:
        (repo_copy / "facts" / "published-ids.txt").unlink()  # the partial path: no redirects in play
    history = []
    for _ in range(10):
        history.append(_edits(repo_copy, rng))
        assert cached(repo_copy, folder) == cold(repo_copy), history
        assert cached(repo_copy, folder) == cold(repo_copy), history  # and once everything is cached


def _settle_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files settle 20 ms after their last change (not 2 s), so a test records them quickly; each
    edit is then followed by ``_settled()``, as a real edit is by far more than 20 ms."""
    monkeypatch.setattr(cache_mod, "_SETTLE_NS", 20_000_000)


def _settled() -> None:
    time.sleep(0.06)


@pytest.mark.parametrize("seed", [6, 7, 8])
def test_cached_reports_equal_cold_runs_when_every_file_is_recorded(
        repo_copy: Path, tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # Files changed within the settling time are read again each run, so the random edits above
    # never meet the recorded path (a file's size and times as recorded: not read; a folder whose
    # every file is as recorded: its index part taken whole). Here every file settles first.
    _settle_fast(monkeypatch)
    rng = random.Random(seed)
    folder = tmp_path / "cache"
    (repo_copy / "facts" / "published-ids.txt").unlink()
    _settled()
    cached(repo_copy, folder)
    history = []
    for _ in range(10):
        history.append(_edits(repo_copy, rng))
        _settled()
        assert cached(repo_copy, folder) == cold(repo_copy), history
        assert cached(repo_copy, folder) == cold(repo_copy), history


def test_an_edited_sheet_leaves_the_sources_part_of_the_index_alone(
        repo_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _settle_fast(monkeypatch)
    (repo_copy / "facts" / "published-ids.txt").unlink()
    folder = tmp_path / "cache"
    _settled()
    cached(repo_copy, folder)
    cached(repo_copy, folder)  # every file now recorded as settled
    sources_bin, files_bin = folder / "sources.bin", folder / "files.bin"
    before = sources_bin.read_bytes(), sources_bin.stat().st_mtime_ns, files_bin.read_bytes()
    compared: list[str] = []
    real = cache_mod._Run._source_digests

    def spy(self: object, stem: str) -> object:
        compared.append(stem)
        return real(self, stem)  # type: ignore[arg-type]

    monkeypatch.setattr(cache_mod._Run, "_source_digests", spy)
    sheet = repo_copy / "facts" / "xi-zelensky-first-phone-call.yml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace('excerpt: "', 'excerpt: "not ', 1), encoding="utf-8")
    _settled()
    assert cached(repo_copy, folder) == cold(repo_copy)
    assert compared == []  # every source as recorded: no source compared one by one
    assert (sources_bin.read_bytes(), sources_bin.stat().st_mtime_ns) == before[:2]  # not rewritten
    assert files_bin.read_bytes() != before[2]  # the sheet's digest changed
    text = repo_copy / "content" / "sources" / "xi-zelensky-first-call.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("Wednesday", "Thursday"), encoding="utf-8")
    _resign(repo_copy, "xi-zelensky-first-call")
    _settled()
    assert cached(repo_copy, folder) == cold(repo_copy)
    assert compared  # a source changed: each compared with its entry
    assert sources_bin.read_bytes() != before[0]


def test_a_corrupt_sources_index_is_ignored_with_a_note(repo_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    cached(repo_copy, folder)
    data = (folder / "sources.bin").read_bytes()
    (folder / "sources.bin").write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    notes: list[str] = []
    assert cached(repo_copy, folder, notes) == cold(repo_copy)
    assert any("sources.bin" in n and "corrupt" in n for n in notes)
    notes.clear()
    assert cached(repo_copy, folder, notes) == cold(repo_copy)
    assert notes == []


def test_a_changed_sheet_is_the_only_one_read_and_validated(repo_copy: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    (repo_copy / "facts" / "published-ids.txt").unlink()
    folder = tmp_path / "cache"
    cached(repo_copy, folder)
    sheet = repo_copy / "facts" / "xi-zelensky-first-phone-call.yml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace('excerpt: "', 'excerpt: "not ', 1), encoding="utf-8")
    loads: list[tuple[object, object]] = []
    real = cache_mod.load_workspace

    def spy(root: Path, **kw: object) -> object:
        loads.append((kw.get("sheets"), kw.get("sources")))
        return real(root, **kw)  # type: ignore[arg-type]

    checked: list[str] = []
    real_checker = cache_mod.sheet_checker

    def checker(ws: object) -> object:
        check = real_checker(ws)  # type: ignore[arg-type]

        def counted(sf: object) -> object:
            checked.append(sf.id)  # type: ignore[attr-defined]
            return check(sf)  # type: ignore[arg-type]
        return counted

    monkeypatch.setattr(cache_mod, "load_workspace", spy)
    monkeypatch.setattr(cache_mod, "sheet_checker", checker)
    assert cached(repo_copy, folder) == cold(repo_copy)
    assert checked == ["xi-zelensky-first-phone-call"]
    assert loads[0] == ({"xi-zelensky-first-phone-call"}, set())  # the sheet alone
    assert loads[1][0] == set() and loads[1][1] == {"xi-zelensky-first-call", "xi-zelenskyy-call-readouts"}
    checked.clear()
    cached(repo_copy, folder)
    assert checked == []  # nothing changed since


def test_an_edited_source_revalidates_the_sheets_citing_it(repo_copy: Path, tmp_path: Path) -> None:
    (repo_copy / "facts" / "published-ids.txt").unlink()
    folder = tmp_path / "cache"
    cached(repo_copy, folder)
    text = repo_copy / "content" / "sources" / "xi-zelensky-first-call.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("Wednesday", "Thursday"), encoding="utf-8")
    _resign(repo_copy, "xi-zelensky-first-call")
    out = cached(repo_copy, folder)
    assert out == cold(repo_copy)
    assert "Thursday" in out[0] or "excerpt-not-found" in out[0]  # the citation of "Wednesday" now fails


def test_the_validator_version_gates_every_entry(repo_copy: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    cached(repo_copy, folder)
    # Forge a finding in one sheet's entry: the cache is read when the version matches...
    entry = next((folder / "sheets").glob("*.json"))
    lines = entry.read_text(encoding="utf-8").split("\n")
    head = json.loads(lines[0])
    head["findings"].append([head["facts"][0], 1, 1, "warning", "excerpt-ambiguous", "FORGED", None, False])
    entry.write_text("\n".join([json.dumps(head), *lines[1:]]), encoding="utf-8")
    assert "FORGED" in cached(repo_copy, folder)[0]
    # ...and ignored once the validator's code is another.
    monkeypatch.setattr(cache_mod, "validator_version", lambda: "another-version")
    assert "FORGED" not in cached(repo_copy, folder)[0]
    assert cached(repo_copy, folder) == cold(repo_copy)


def test_the_version_changes_with_any_file_of_the_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "generator"
    shutil.copytree(REPO / "generator", package, ignore=shutil.ignore_patterns("__pycache__"))
    import generator

    monkeypatch.setattr(generator, "__file__", str(package / "__init__.py"))
    before = cache_mod.validator_version()
    (package / "matchers" / "numbers.py").write_text(
        (package / "matchers" / "numbers.py").read_text(encoding="utf-8") + "\n# a change\n", encoding="utf-8")
    assert cache_mod.validator_version() != before


def test_a_cache_entry_of_another_shape_is_ignored(repo_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    cached(repo_copy, folder)
    index = cache_mod.unpack((folder / "files.bin").read_bytes())
    for entry in index["sheets"].values():
        entry["findings"] = [["facts/x.yml", 1]]  # a finding with fields missing
    (folder / "files.bin").write_bytes(cache_mod.pack(index))
    notes: list[str] = []
    assert cached(repo_copy, folder, notes) == cold(repo_copy)
    assert any("corrupt" in n for n in notes)


def test_a_corrupt_cache_is_ignored_with_a_note(repo_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    cached(repo_copy, folder)
    data = (folder / "files.bin").read_bytes()
    (folder / "files.bin").write_bytes(data[:-1] + bytes([data[-1] ^ 1]))  # one bit flipped
    for entry in (folder / "sheets").glob("*.json"):
        entry.write_text(entry.read_text(encoding="utf-8")[:40], encoding="utf-8")
    notes: list[str] = []
    assert cached(repo_copy, folder, notes) == cold(repo_copy)
    assert any("corrupt" in n for n in notes)
    notes.clear()
    assert cached(repo_copy, folder, notes) == cold(repo_copy)
    assert notes == []  # rewritten whole


def test_a_foreign_folder_is_ignored_and_left_alone(repo_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "someone-elses"
    folder.mkdir()
    (folder / "data.bin").write_bytes(b"\0\1")
    notes: list[str] = []
    assert cached(repo_copy, folder, notes) == cold(repo_copy)
    assert any("not a factsheet validation cache" in n for n in notes)
    assert sorted(p.name for p in folder.iterdir()) == ["data.bin"]


def test_the_cli_caches_by_default_and_no_cache_is_cold(repo_copy: Path, tmp_path: Path) -> None:
    first = run_cli("validate", "--format", "json", cwd=repo_copy)
    assert (repo_copy / ".factsheet-cache" / "CACHE.json").is_file()
    again = run_cli("validate", "--format", "json", cwd=repo_copy)
    shutil.rmtree(repo_copy / ".factsheet-cache")
    none = run_cli("validate", "--format", "json", "--no-cache", cwd=repo_copy)
    assert not (repo_copy / ".factsheet-cache").exists()
    assert first.stdout == again.stdout == none.stdout and first.returncode == again.returncode == none.returncode
    other = tmp_path / "elsewhere"
    run_cli("validate", "--cache-dir", str(other), cwd=repo_copy)
    assert (other / "files.bin").is_file() and not (repo_copy / ".factsheet-cache").exists()


def test_two_runs_at_once_share_a_cache_safely(repo_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    expected = cold(repo_copy)[1]
    cmd = [sys.executable, "-m", "generator", "validate", "--format", "json", "--cache-dir", str(folder)]
    env = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    for _ in range(3):
        procs = [subprocess.Popen(cmd, cwd=repo_copy, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for _ in range(2)]
        outs = [p.communicate(timeout=300) for p in procs]
        assert [o for o, _ in outs] == [expected, expected], [e for _, e in outs]
        sheet = repo_copy / "facts" / "xi-zelensky-first-phone-call.yml"
        sheet.write_text(sheet.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        expected = cold(repo_copy)[1]
    assert not list(folder.rglob(".tmp-*"))  # no half-written entry left behind


def test_the_cache_folder_is_ignored_by_git() -> None:
    assert ".factsheet-cache/" in (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_a_symlink_to_outside_is_never_read_for_the_key(workspace: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("s3cr3t-content", encoding="utf-8")
    write_source(workspace, "a", "Zed said hello.")
    (workspace / "content" / "sources" / "b.txt").symlink_to(secret)
    write_yaml(workspace, "facts/s.yml", """
        title: S
        facts:
          - id: f
            claim: Hello.
            sources:
              - source: a
                excerpt: "Zed said hello"
    """)
    assert cached(workspace, tmp_path / "cache") == cold(workspace)
    stored = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "cache").rglob("*.json"))
    assert "s3cr3t" not in stored and hashlib.sha256(b"s3cr3t-content").hexdigest() not in stored


def test_a_cache_folder_that_is_a_link_is_not_used(repo_copy: Path, tmp_path: Path) -> None:
    # A link committed in place of .factsheet-cache could point our writes anywhere.
    target = tmp_path / "elsewhere"
    target.mkdir()
    link = repo_copy / ".factsheet-cache"
    link.symlink_to(target)
    notes: list[str] = []
    assert cached(repo_copy, link, notes) == cold(repo_copy)
    assert any("symbolic link" in n for n in notes) and list(target.iterdir()) == []


_RUN_AND_SAY_IF_LEMMINFLECT_LOADED = (
    "import sys\nfrom generator.cli import main\ncode = main(sys.argv[1:])\nsys.stdout.flush()\n"
    "print('lemminflect' in sys.modules, file=sys.stderr)\nsys.exit(code)\n")


def test_the_dictionary_answers_are_kept_so_a_rerun_does_not_load_it(repo_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    cmd = [sys.executable, "-c", _RUN_AND_SAY_IF_LEMMINFLECT_LOADED, "validate", "--format", "json",
           "--cache-dir", str(folder)]
    env = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    first = subprocess.run(cmd, cwd=repo_copy, env=env, capture_output=True, text=True, timeout=300)
    assert first.stderr.split()[-1] == "True"  # the example's figures with units asked it
    answers = cache_mod.unpack((folder / "lexicon.bin").read_bytes())["answers"]
    assert any(key.startswith("getAllLemmas\0") for key in answers)
    for sheet in (repo_copy / "facts").glob("*.yml"):  # every sheet re-validated, asking the same
        sheet.write_text(sheet.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    again = subprocess.run(cmd, cwd=repo_copy, env=env, capture_output=True, text=True, timeout=300)
    assert again.stderr.split()[-1] == "False"  # answered from lexicon.bin
    assert again.stdout == first.stdout == cold(repo_copy)[1]


def test_a_corrupt_dictionary_record_is_ignored_with_a_note(repo_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    cached(repo_copy, folder)
    record = cache_mod.unpack((folder / "lexicon.bin").read_bytes())
    record["answers"]["getAllLemmas\0zzz-never-asked"] = 5  # not an answer lemminflect gives
    (folder / "lexicon.bin").write_bytes(cache_mod.pack(record))
    for sheet in (repo_copy / "facts").glob("*.yml"):
        sheet.write_text(sheet.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    notes: list[str] = []
    assert cached(repo_copy, folder, notes) == cold(repo_copy)
    assert any("lexicon.bin is corrupt" in n for n in notes)


def test_a_packed_entry_reads_back_and_any_damage_is_refused() -> None:
    value = {"version": "v", "sheets": {"a": {"digest": "d", "findings": [["p", 1, 2]], "loaded": True}},
             "answers": {"getAllLemmas\0dogs": {"NOUN": ("dog",)}}}
    data = cache_mod.pack(value)
    assert cache_mod.unpack(data) == value
    damaged = [data[:-1], data + b"\0", data[:30] + bytes([data[30] ^ 1]) + data[31:],
               data[:-3] + bytes([data[-3] ^ 4]) + data[-2:], b'{"version": "v"}', b""]
    for bad in damaged:
        with pytest.raises(ValueError):
            cache_mod.unpack(bad)


def test_reading_heads_only_refuses_a_damaged_or_replaced_entry(repo_copy: Path, tmp_path: Path) -> None:
    (repo_copy / "facts" / "published-ids.txt").unlink()
    folder = tmp_path / "cache"
    cached(repo_copy, folder)
    entries = sorted((folder / "sheets").glob("*.json"))
    for entry in entries:  # no whole first line: the head cannot be read
        entry.write_text(entry.read_text(encoding="utf-8")[:40], encoding="utf-8")
    notes: list[str] = []
    report = validate_cached(repo_copy, folder, notes.append, records=False)
    assert (format_text(report), format_json(report)) == cold(repo_copy)
    assert sum("corrupt" in n for n in notes) == len(entries)
    # An entry replaced after its head was read: its records are refused, never printed.
    report = validate_cached(repo_copy, folder, [].append, records=False)
    entry = entries[0]
    head, _, body = entry.read_text(encoding="utf-8").partition("\n")
    entry.write_text(head.replace('"facts": [', '"facts":  [', 1) + "\n" + body, encoding="utf-8")
    with pytest.raises(RuntimeError, match="changed during this run"):
        format_json(report)
    entry.write_text(head + "\n" + body.rpartition("\n")[0].rpartition("\n")[0] + "\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="changed during this run"):  # and a body cut short
        format_json(report)


def test_a_changed_file_with_forged_size_and_times_is_read_again(repo_copy: Path, tmp_path: Path) -> None:
    # The scan skips re-reading a file whose size, inode, mtime and ctime are those recorded. An edit
    # that keeps the size and sets mtime back still changes ctime (no call sets it): the file is read.
    (repo_copy / "facts" / "published-ids.txt").unlink()
    sheet = repo_copy / "facts" / "xi-zelensky-first-phone-call.yml"
    old = 1_600_000_000
    for path in [*(repo_copy / "facts").glob("*.yml"), *(repo_copy / "content" / "sources").iterdir()]:
        os.utime(path, (old, old))
    time.sleep(cache_mod._SETTLE_NS / 1e9 + 0.2)  # ctime settles too: the scan records every file
    folder = tmp_path / "cache"
    cached(repo_copy, folder)
    assert "xi-zelensky-first-phone-call.yml" in cache_mod.unpack((folder / "files.bin").read_bytes())["stats"]["facts"]
    text = sheet.read_text(encoding="utf-8")
    forged = text.replace('excerpt: "', 'excerpt: "X', 1).replace("\n\n", "\n", 1)  # same size
    assert len(forged.encode()) == len(text.encode()) and forged != text
    sheet.write_text(forged, encoding="utf-8")
    os.utime(sheet, (old, old))
    assert cached(repo_copy, folder) == cold(repo_copy)


@pytest.mark.parametrize("content, stat_size", [
    (b"", 0), (b"abc", 3), (b"x" * 3_000_000, 3_000_000),
    (b"grown since the stat" * 100_000, 20),  # read past the size it had, to the end
    (b"shrunk", 100),
])
def test_a_file_is_hashed_whole_whatever_size_the_stat_gave(tmp_path: Path, content: bytes, stat_size: int) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(content)
    assert cache_mod._sha256_of(str(path), stat_size) == hashlib.sha256(content).hexdigest()

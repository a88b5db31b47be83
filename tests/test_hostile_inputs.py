"""Broken and hostile input through the real CLI: a clear finding with its position, exit 1, no traceback.

Each case starts from a small valid workspace, breaks one thing the way a
stranger's pull request might, runs `factsheet validate --format json` and
asserts the rule id and the position of the finding.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Callable

import pytest

from conftest import run_cli, write_source, write_yaml
from generator.loading import MAX_SOURCE_BYTES, MAX_YAML_BYTES
from generator.rules import RULES
from generator.yamlsafe import MAX_DEPTH

CORPUS_NON_UTF8 = Path("/work/shared/corpora/bbc-news-2005/sport/199.txt")
TEXT = "The minister said the bridge opened in 2021.\nIt cost a lot of money.\n"
SHEET = """\
title: A bridge
facts:
  - id: opened
    claim: The bridge opened in 2021.
    sources:
      - source: alpha
        excerpt: "the bridge opened in 2021"
"""


def base(root: Path) -> Path:
    write_source(root, "alpha", TEXT, published="2023-04-26")
    write_yaml(root, "facts/people.yml", "jane-doe:\n  name: Jane Doe\n  aliases: [the minister]\n")
    write_yaml(root, "facts/bridge.yml", SHEET)
    return root


def validate(root: Path) -> tuple[int, list[dict[str, object]], str]:
    proc = run_cli("validate", "--root", str(root), "--format", "json")
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode in (0, 1), (proc.returncode, proc.stderr)
    doc = json.loads(proc.stdout)
    return proc.returncode, doc["findings"], proc.stdout


def only(findings: list[dict[str, object]], rule: str) -> dict[str, object]:
    hits = [f for f in findings if f["rule"] == rule]
    assert len(hits) == 1, (rule, findings)
    return hits[0]


def at(finding: dict[str, object]) -> tuple[object, object, object]:
    return finding["path"], finding["line"], finding["column"]


def sheet(root: Path, text: str, name: str = "bridge") -> None:
    (root / "facts" / f"{name}.yml").write_bytes(text.encode("utf-8"))


def with_value(line: str) -> str:
    """SHEET with one more key on the fact (at line 5; `sources:` moves to line 6)."""
    return SHEET.replace("    sources:", f"    {line}\n    sources:")


def rehash(root: Path, sid: str) -> None:
    """Make the sidecar's sha256 match the text again (the text was replaced on purpose)."""
    folder = root / "content" / "sources"
    digest = hashlib.sha256((folder / f"{sid}.txt").read_bytes()).hexdigest()
    meta = folder / f"{sid}.yml"
    meta.write_text(re.sub(r"sha256: \w+", f"sha256: {digest}", meta.read_text()))


# Each case: (break the workspace, rule, path, line, column, words the message must hold).
Case = tuple[Callable[[Path], object], str, str, int, int, tuple[str, ...]]

CASES: dict[str, Case] = {
    "yaml syntax": (lambda r: sheet(r, "title: [a, b\nfacts: []\n"), "yaml-syntax", "facts/bridge.yml", 2, 6, ()),
    "duplicate key": (lambda r: sheet(r, SHEET.replace("title: A bridge\n", "title: A\ntitle: B\n")),
                      "yaml-duplicate-key", "facts/bridge.yml", 2, 1, ("title", "line 1")),
    "duplicate key in a fact": (lambda r: sheet(r, with_value("claim: again")),
                                "yaml-duplicate-key", "facts/bridge.yml", 5, 5, ("claim",)),
    "anchor": (lambda r: sheet(r, SHEET.replace("title: A bridge", "title: &t A bridge")),
               "yaml-anchor", "facts/bridge.yml", 1, 8, ("&t",)),
    "alias": (lambda r: sheet(r, "title: &t x\nsummary: *t\n"), "yaml-anchor", "facts/bridge.yml", 1, 8, ()),
    "python tag": (lambda r: sheet(r, "title: !!python/object/apply:os.system ['touch PWNED']\n"),
                   "yaml-tag", "facts/bridge.yml", 1, 8, ("python/object",)),
    "custom tag on a fact": (lambda r: sheet(r, with_value("note: !include /etc/passwd")),
                             "yaml-tag", "facts/bridge.yml", 5, 11, ("!include",)),
    "unquoted yes": (lambda r: sheet(r, with_value("note: yes")),
                     "yaml-ambiguous-bool", "facts/bridge.yml", 5, 11, ("yes", "quote")),
    "unquoted off": (lambda r: write_yaml(r, "facts/people.yml", "jane-doe:\n  name: Off\n"),
                     "yaml-ambiguous-bool", "facts/people.yml", 2, 9, ("Off",)),
    "octal number": (lambda r: sheet(r, with_value("figure: {value: 010}")),
                     "yaml-ambiguous-number", "facts/bridge.yml", 5, 21, ("010",)),
    "base-60 number": (lambda r: sheet(r, with_value("figure: {value: 1:30}")),
                       "yaml-ambiguous-number", "facts/bridge.yml", 5, 21, ("1:30",)),
    "two documents": (lambda r: sheet(r, SHEET + "---\ntitle: again\n"),
                      "yaml-multiple-documents", "facts/bridge.yml", 8, 1, ()),
    "complex key": (lambda r: sheet(r, "? [a]\n: b\n"), "yaml-complex-key", "facts/bridge.yml", 1, 3, ()),
    "deep nesting": (lambda r: sheet(r, "title: x\nnote: " + "[" * 5000 + "]" * 5000 + "\n"),
                     "yaml-too-deep", "facts/bridge.yml", 2, 7 + MAX_DEPTH, (str(MAX_DEPTH),)),
    "empty file": (lambda r: sheet(r, ""), "file-empty", "facts/bridge.yml", 1, 1, ()),
    "only comments": (lambda r: sheet(r, "# nothing yet\n"), "file-empty", "facts/bridge.yml", 1, 1, ()),
    "NUL byte": (lambda r: (r / "facts/bridge.yml").write_bytes(b"title: a\nsummary: b\x00c\n"),
                 "file-binary", "facts/bridge.yml", 2, 11, ("byte offset 19",)),
    "binary file": (lambda r: (r / "facts/bridge.yml").write_bytes(bytes(range(256)) * 4),
                    "file-binary", "facts/bridge.yml", 1, 1, ("byte offset 0",)),
    "latin-1 YAML": (lambda r: (r / "facts/bridge.yml").write_bytes("title: café\n".encode("latin-1")),
                     "file-encoding", "facts/bridge.yml", 1, 11, ("0xe9", "byte offset 10")),
    "control character": (lambda r: sheet(r, "title: a\x07b\n"), "yaml-syntax", "facts/bridge.yml", 1, 9,
                          ("#x0007",)),
    # U+2028 and U+0085 end lines for YAML 1.1 but not for editors: positions count "\n" only.
    "error after a pasted line separator": (
        lambda r: sheet(r, SHEET.replace("title: A bridge", "title: 'A\u2028bridge\u0085x'\nsummary: \"\u2029\"")
                        .replace("id: opened", "id: Opened")),
        "invalid-id", "facts/bridge.yml", 4, 9, ()),
    "syntax error after a quoted line separator": (lambda r: sheet(r, "title: 'a\u2028b'\nfacts: [\n"),
                                                   "yaml-syntax", "facts/bridge.yml", 3, 1, ()),
    "unquoted line separator": (lambda r: sheet(r, "title: a\u2028b\nfacts: []\n"),
                                "yaml-syntax", "facts/bridge.yml", 1, 9, ("U+2028", "quotes")),
    "hash mismatch": (lambda r: (r / "content/sources/alpha.txt").write_text(TEXT.replace("2021", "2022")),
                      "source-hash-mismatch", "content/sources/alpha.yml", 2, 9, ("rehash alpha",)),
    "sidecar without text": (lambda r: (r / "content/sources/alpha.txt").unlink(),
                             "source-missing-text", "content/sources/alpha.yml", 1, 1, ("alpha.txt",)),
    "text without sidecar": (lambda r: (r / "content/sources/beta.txt").write_text("Beta."),
                             "source-missing-sidecar", "content/sources/beta.txt", 1, 1, ("beta.yml",)),
    "fact id not a slug": (lambda r: sheet(r, SHEET.replace("id: opened", "id: Opened_1")),
                           "invalid-id", "facts/bridge.yml", 3, 9, ("Opened_1",)),
    "source id ../../etc/passwd": (lambda r: sheet(r, SHEET.replace("source: alpha", "source: ../../etc/passwd")),
                                   "invalid-id", "facts/bridge.yml", 6, 17, ("../../etc/passwd",)),
    "source id absolute": (lambda r: sheet(r, SHEET.replace("source: alpha", "source: /etc/passwd")),
                           "invalid-id", "facts/bridge.yml", 6, 17, ("/etc/passwd",)),
    "speaker id a path": (lambda r: sheet(r, with_value("quote: {speaker: ../people, text: opened}")),
                          "invalid-id", "facts/bridge.yml", 5, 22, ("../people",)),
    "person id not a slug": (lambda r: write_yaml(r, "facts/people.yml", "Jane Doe:\n  name: Jane Doe\n"),
                             "invalid-id", "facts/people.yml", 1, 1, ("Jane Doe",)),
    "sheet file name": (lambda r: (r / "facts/bridge.yml").rename(r / "facts/Bridge Sheet.yml"),
                        "invalid-id", "facts/Bridge Sheet.yml", 1, 1, ("Bridge Sheet",)),
    "source file name": (lambda r: [(r / f"content/sources/alpha.{x}").rename(r / f"content/sources/al..pha.{x}")
                                    for x in ("txt", "yml")],
                         "invalid-id", "content/sources/al..pha.yml", 1, 1, ("al..pha",)),
    "symlink to /etc/passwd": (lambda r: os.symlink("/etc/passwd", r / "facts/evil.yml"),
                               "file-outside-root", "facts/evil.yml", 1, 1, ("outside facts/",)),
    "source text symlinked outside": (
        lambda r: ((r / "content/sources/alpha.txt").unlink(),
                   os.symlink("/etc/hostname", r / "content/sources/alpha.txt")),
        "file-outside-root", "content/sources/alpha.txt", 1, 1, ("outside content/sources/",)),
    "symlink out of facts/ inside the repo": (
        lambda r: ((r / "secret.yml").write_text("title: secret\n"),
                   os.symlink("../secret.yml", r / "facts/inside.yml")),
        "file-outside-root", "facts/inside.yml", 1, 1, ()),
    "dangling symlink": (lambda r: os.symlink("nowhere.yml", r / "facts/dangling.yml"),
                         "file-unreadable", "facts/dangling.yml", 1, 1, ()),
    "symlink loop": (lambda r: os.symlink("loop.yml", r / "facts/loop.yml"),
                     "file-unreadable", "facts/loop.yml", 1, 1, ()),
    "named pipe": (lambda r: os.mkfifo(r / "facts/pipe.yml"), "file-unreadable", "facts/pipe.yml", 1, 1, ()),
    "people.yml is a folder": (lambda r: ((r / "facts/people.yml").unlink(), (r / "facts/people.yml").mkdir()),
                               "file-unreadable", "facts/people.yml", 1, 1, ()),
    "folder named like a sheet": (lambda r: (r / "facts/folder.yml").mkdir(),
                                  "file-unreadable", "facts/folder.yml", 1, 1, ()),
    "duplicate fact id": (lambda r: sheet(r, SHEET + SHEET.split("facts:\n")[1]),
                          "duplicate-fact-id", "facts/bridge.yml", 8, 9, ("line 3",)),
    "unknown source": (lambda r: sheet(r, SHEET.replace("source: alpha", "source: alpah")),
                       "unknown-source", "facts/bridge.yml", 6, 17, ("did you mean 'alpha'",)),
    "unknown speaker": (lambda r: sheet(r, with_value("quote: {speaker: jane-do, text: opened}")
                                         .replace("the bridge opened in 2021", "not in the text")),
                        "unknown-speaker", "facts/bridge.yml", 5, 22, ("did you mean 'jane-doe'",)),
    "impossible date": (lambda r: sheet(r, with_value('date: "2023-02-30"')),
                        "invalid-date", "facts/bridge.yml", 5, 11, ("28 days",)),
    "month 13 in a sidecar": (lambda r: write_source(r, "alpha", TEXT, published="2023-13-01"),
                              "invalid-date", "content/sources/alpha.yml", 3, 12, ("month 13",)),
    "unquoted date": (lambda r: sheet(r, with_value("date: 2023-02-30")),
                      "invalid-date", "facts/bridge.yml", 5, 11, ()),
    "unknown currency": (lambda r: sheet(r, with_value("money: {value: 3, currency: EUX}")),
                         "unknown-currency", "facts/bridge.yml", 5, 33, ("EUX", "ISO 4217")),
    "lower-case currency": (lambda r: sheet(r, with_value("money: {value: 3, currency: eur}")),
                            "unknown-currency", "facts/bridge.yml", 5, 33, ("upper case",)),
    "number that is no number": (lambda r: sheet(r, with_value("figure: {value: many}")),
                                 "invalid-number", "facts/bridge.yml", 5, 21, ("many",)),
    "infinite number": (lambda r: sheet(r, with_value("figure: {value: .inf}")),
                        "invalid-number", "facts/bridge.yml", 5, 21, ("finite",)),
    "not a number": (lambda r: sheet(r, with_value("figure: {value: .nan}")),
                     "invalid-number", "facts/bridge.yml", 5, 21, ("finite",)),
    "huge integer": (lambda r: sheet(r, with_value("figure: {value: " + "9" * 5000 + "}")),
                     "invalid-number", "facts/bridge.yml", 5, 21, ("5000 digits",)),
    "title is a list": (lambda r: sheet(r, SHEET.replace("title: A bridge", "title: [a]")),
                        "schema-type", "facts/bridge.yml", 1, 8, ("a list",)),
    "facts is a mapping": (lambda r: sheet(r, "title: x\nfacts: {a: 1}\n"),
                           "schema-type", "facts/bridge.yml", 2, 8, ("a mapping",)),
    "sheet is a list": (lambda r: sheet(r, "- a\n- b\n"), "schema-type", "facts/bridge.yml", 1, 1, ("a list",)),
    "value is a list": (lambda r: sheet(r, with_value("figure: {value: [1]}")),
                        "schema-type", "facts/bridge.yml", 5, 21, ("a list",)),
    "missing claim": (lambda r: sheet(r, SHEET.replace("    claim: The bridge opened in 2021.\n", "")),
                      "schema-missing-field", "facts/bridge.yml", 3, 5, ("claim",)),
    "unknown field": (lambda r: sheet(r, with_value("excerpts: x")),
                      "schema-unknown-field", "facts/bridge.yml", 5, 5, ("excerpts",)),
    "two values": (lambda r: sheet(r, with_value('date: "2021"').replace(
        "    sources:", "    figure: {value: 1}\n    sources:", 1)),
                   "schema-value", "facts/bridge.yml", 3, 5, ("date and figure",)),
    "javascript url": (lambda r: write_source(r, "alpha", TEXT, url="javascript:alert(1)"),
                       "schema-value", "content/sources/alpha.yml", 3, 6, ("https://",)),
    "oversize sheet": (lambda r: (r / "facts/bridge.yml").write_bytes(b"title: " + b"x" * MAX_YAML_BYTES),
                       "file-too-large", "facts/bridge.yml", 1, 1, (str(MAX_YAML_BYTES),)),
    "oversize source": (lambda r: (write_source(r, "alpha", b"a" * (MAX_SOURCE_BYTES + 1))),
                        "file-too-large", "content/sources/alpha.txt", 1, 1, (str(MAX_SOURCE_BYTES),)),
}


def test_the_base_workspace_is_valid(workspace: Path) -> None:
    code, findings, _ = validate(base(workspace))
    assert (code, findings) == (0, [])


@pytest.mark.parametrize("name", list(CASES))
def test_broken_input_is_reported_with_rule_and_position(workspace: Path, name: str) -> None:
    breaker, rule, path, line, col, words = CASES[name]
    root = base(workspace)
    breaker(root)
    code, findings, _ = validate(root)
    assert rule in RULES
    assert code == 1
    finding = only(findings, rule)
    assert at(finding) == (path, line, col), finding
    assert finding["severity"] == "error"
    for word in words:
        assert word in str(finding["message"]), finding["message"]
    assert not (root / "PWNED").exists() and not (workspace.parent / "PWNED").exists()


def test_text_format_names_path_line_column_and_rule(workspace: Path) -> None:
    root = base(workspace)
    sheet(root, with_value('date: "2023-02-30"'))
    proc = run_cli("validate", "--root", str(root))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("facts/")]
    assert lines == [
        "facts/bridge.yml:5:11: [error] facts[0].date: '2023-02-30' does not exist: "
        "February 2023 has 28 days (invalid-date)"
    ]
    assert re.fullmatch(r"\S+:\d+:\d+: \[error\] .+ \([a-z0-9-]+\)", lines[0])


def test_a_yaml_error_in_one_file_stops_neither_the_others_nor_the_command(workspace: Path) -> None:
    root = base(workspace)
    write_yaml(root, "facts/broken.yml", "title: [\n")
    write_yaml(root, "facts/other.yml", SHEET.replace("the bridge opened in 2021", "the bridge opened in 1999"))
    code, findings, out = validate(root)
    assert code == 1
    assert only(findings, "yaml-syntax")["path"] == "facts/broken.yml"
    assert only(findings, "excerpt-not-found")["path"] == "facts/other.yml"
    assert json.loads(out)["stats"]["facts"] == 2  # bridge and other were both checked


def test_non_utf8_source_text_names_the_byte_offset(workspace: Path) -> None:
    root = base(workspace)
    data = CORPUS_NON_UTF8.read_bytes()  # a copy in a tmp workspace only: never commit corpus files
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start
    else:  # pragma: no cover - the corpus file is the known bad one
        pytest.fail("the corpus file is valid UTF-8")
    write_source(root, "bbc-sport-199", data)
    code, findings, _ = validate(root)
    assert code == 1
    f = only(findings, "file-encoding")
    line = data.count(b"\n", 0, offset) + 1
    col = len(data[data.rfind(b"\n", 0, offset) + 1:offset].decode("utf-8")) + 1
    assert at(f) == ("content/sources/bbc-sport-199.txt", line, col)
    assert f"byte offset {offset}" in str(f["message"]) and f"0x{data[offset]:02x}" in str(f["message"])


def test_alias_bomb_is_refused_at_once_without_expanding(workspace: Path) -> None:
    root = base(workspace)
    lines = ["title: bomb", 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 30)]
    sheet(root, "\n".join(lines) + "\n")
    code, findings, _ = validate(root)  # 9**30 strings if expanded: it must return, and say where
    assert code == 1
    assert at(only(findings, "yaml-anchor")) == ("facts/bridge.yml", 2, 5)


def test_a_bad_fact_does_not_hide_the_rest_of_its_sheet(workspace: Path) -> None:
    root = base(workspace)
    sheet(root, SHEET + """\
  - id: bad-date
    claim: An impossible day.
    date: "2023-02-30"
    sources:
      - source: alpha
        excerpt: "the bridge"
  - id: typo
    claim: The bridge cost a lot.
    sources:
      - source: alpha
        excerpt: "It cost a lot of mony."
""")
    code, findings, out = validate(root)
    assert code == 1
    assert at(only(findings, "invalid-date")) == ("facts/bridge.yml", 10, 11)
    # The fact after the bad one is still checked, and its finding points at its own line.
    miss = only(findings, "excerpt-not-found")
    assert at(miss) == ("facts/bridge.yml", 18, 18)
    assert miss["fact"] == "bridge/typo"
    facts = {f["id"]: f["verdict"] for f in json.loads(out)["facts"]}
    assert facts == {"bridge/opened": "verified", "bridge/typo": "unverified"}


def test_every_schema_error_of_a_sheet_is_reported_at_once(workspace: Path) -> None:
    root = base(workspace)
    sheet(root, """\
title: A bridge
date: "2023-13"
tagz: [x]
facts:
  - id: Bad
    claim: c
    sources:
      - source: alpha
        excerpt: "the bridge"
  - id: ok
    claim: The bridge opened in 2021.
    money: {value: 3, currency: XYZ}
    sources: []
""")
    code, findings, out = validate(root)
    assert code == 1
    got = {(f["rule"], f["line"], f["column"]) for f in findings}
    assert got == {
        ("invalid-date", 2, 7), ("schema-unknown-field", 3, 1), ("invalid-id", 5, 9),
        ("unknown-currency", 12, 33), ("schema-value", 13, 14),
    }
    assert json.loads(out)["stats"]["facts"] == 0


def test_findings_are_sorted_and_never_repeated(workspace: Path) -> None:
    root = base(workspace)
    sheet(root, with_value("figure: {value: [1], unit: [2]}"), name="b-sheet")
    sheet(root, with_value("money: {value: true, currency: EUX}"), name="a-sheet")
    (root / "content/sources/zeta.txt").write_text("z")
    code, findings, _ = validate(root)
    assert code == 1
    keys = [(f["path"], f["line"], f["column"], f["rule"]) for f in findings]
    assert keys == sorted(keys)
    assert len({(k, f["message"]) for k, f in zip(keys, findings)}) == len(findings)
    # A union (number or text) fails once per member in pydantic: reported once here.
    value = [f for f in findings if f["path"] == "facts/b-sheet.yml" and f["column"] == 21]
    assert [f["rule"] for f in value] == ["schema-type"]
    assert "expected one of: a whole number, a number, text; got a list" in str(value[0]["message"])


def test_missing_root_is_a_clear_error(tmp_path: Path) -> None:
    proc = run_cli("validate", "--root", str(tmp_path / "nowhere"))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "neither facts/ nor content/sources/" in proc.stderr


def test_a_reader_that_leaves_early_is_no_internal_error(workspace: Path) -> None:
    """`factsheet validate | head -1`: the pipe closes; exit 1 quietly, no traceback."""
    import subprocess
    import sys

    from conftest import REPO

    root = base(workspace)
    for i in range(50):
        sheet(root, SHEET.replace("source: alpha", f"source: missing-{i}"), name=f"s{i}")
    proc = subprocess.Popen([sys.executable, "-m", "generator", "validate", "--root", str(root)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the first line
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=600) == 1
    assert "Traceback" not in err and "internal error" not in err and "Exception ignored" not in err, err


# re.I matches these to ASCII letters inside a lexicon's words ("ſix", "Afghaniſtan", "a maxımum of"):
# each stands for the letter it is matched as.
_RE_I_SPELLINGS = {"i": "\u0131", "I": "\u0130", "s": "\u017f", "k": "\u212a", "K": "\u212a"}
_AS_MATCHED = {"\u0131": "i", "\u0130": "I", "\u017f": "s", "\u212a": "K"}


def test_letters_re_i_matches_as_ascii_read_as_those_letters() -> None:
    """Every grammar that matches the lexicon's words case-insensitively reads a word spelt with İ, ı, ſ
    or the Kelvin sign as the word it matched (its lexicon, in ASCII, was asked for the word as written,
    and validation stopped with an internal error on any source holding one): the same values at the
    same places as the ASCII spelling."""
    import random

    from generator.lexicon import calendar, money, numbers
    from generator.matchers.dates import PartialDate, find_dates, find_times
    from generator.matchers.durations import find_durations
    from generator.matchers.money import find_money
    from generator.matchers.numbers import find_numbers
    from generator.matchers.vague import find_vague
    from generator.validation.claims import places_named

    def readings(text: str) -> list[object]:
        published = PartialDate(2023, 2, 10)
        return [[(n.start, n.end, n.value, n.qualifier) for n in find_numbers(text)],
                [(m.start, m.end, m.amount, m.currency) for m in find_money(text)],
                [(d.start, d.end, d.amount, d.scale) for d in find_durations(text)],
                [(v.start, v.end, v.low, v.high) for v in find_vague(text)],
                [(d.start, d.end, d.year, d.month, d.day) for d in find_dates(text, published=published)],
                [(t.start, t.end, t.minutes) for t in find_times(text)],
                places_named(text)]

    words = sorted({w for table in (numbers.NUMERATORS, numbers.DENOMINATORS, numbers.MULTIPLES, numbers.SCALE_WORDS,
                                    numbers.UNIT_WORDS, numbers.TENS_WORDS, numbers.QUALIFIER_SYNONYMS,
                                    numbers.VAGUE_QUANTITIES, numbers.VAGUE_UNITS, numbers.VAGUE_MULTIPLIERS,
                                    calendar.SECONDS_PER_UNIT, calendar.RELATIVE_WORDS, calendar.AGO_UNITS,
                                    money.CURRENCY_WORDS, money.CURRENCY_ADJECTIVES)
                    for w in table if any(c in _RE_I_SPELLINGS for c in w)} | {"Afghanistan", "Pakistan", "Kenya"})
    rnd = random.Random(31)
    checked = 0
    for word in words:
        odd = "".join(_RE_I_SPELLINGS[c] if c in _RE_I_SPELLINGS and rnd.random() < 0.7 else c for c in word)
        if odd == word:
            continue
        for frame in ("{} 5", "6 {} of 10", "about {} 3 people", "{} in 2020", "$4 {} a year", "{}"):
            text = frame.format(odd)
            ascii_text = "".join(_AS_MATCHED.get(c, c) for c in text)
            assert readings(text) == readings(ascii_text), text
            checked += 1
    assert checked > 300


def test_a_source_spelt_with_those_letters_validates(workspace: Path) -> None:
    text = "Aſ many aſ ſix in ten people in Afghaniſtan left yeſterday, a maxımum of 5,000 a year.\n"
    write_source(workspace, "alpha", text, published="2023-04-26")
    sheet(workspace, """\
title: Long s
facts:
  - id: left
    claim: Six in ten people in Afghanistan left on 25 April 2023.
    sources:
      - source: alpha
        excerpt: "ſix in ten people in Afghaniſtan left yeſterday"
""")
    code, findings, out = validate(workspace)
    assert (code, findings) == (0, []), findings
    assert json.loads(out)["facts"][0]["verdict"] == "verified"

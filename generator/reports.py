"""Report formats for `factsheet validate`: text, json, github, sarif."""

from __future__ import annotations

import html
import json
import os
import secrets
from typing import Callable, Iterator, Sequence

from generator import __version__
from generator.findings import Finding, Severity
from generator.rules import RULES
from generator.gitdiff import ChangedLines
from generator.validation.results import FactResult, Report
from generator.validation.rootcause import is_root_cause

JSON_VERSION = 1


def _counts(report: Report) -> str:
    s = report.stats()
    # speaker-unconfirmed is said apart from verified: the words are there, the speaker is not confirmed.
    return (f"{s['facts']} facts, {s['verified']} verified, {s['speaker_unconfirmed']} speaker-unconfirmed, "
            f"{s['citations']} citations: "
            f"{s['errors']} error(s), {s['warnings']} warning(s), {s['infos']} note(s)")


_COLOURS = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}


def format_text(report: Report, *, summary: bool = True, colour: bool = False) -> str:
    if colour:
        lines = [f.format_text().replace(f"[{f.severity.value}]", f"{_COLOURS[f.severity]}[{f.severity.value}]\033[0m", 1)
                 for f in report.findings]
    else:
        lines = [f.format_text() for f in report.findings]
    if summary:
        lines.append(_counts(report))
    return "".join(line + "\n" for line in lines)


def valid_utf8(text: str) -> str:
    """``text`` as it can be written in UTF-8: a file name that is not UTF-8 (read by Python as lone
    surrogates, one per byte) gets U+FFFD for each byte that is not text. JSON, SARIF and GitHub's
    log must be valid UTF-8; only the text format shows the raw bytes, as `ls` does."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        try:
            raw = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # other lone surrogates (from a \ud800 escape in YAML)
            raw = text.encode("utf-8", "surrogatepass")
        return raw.decode("utf-8", "replace")


def _json_line(value: object) -> str:
    # The C encoder (no indent): `indent=` falls back to the pure-Python one, 3x slower and memory-hungry.
    return valid_utf8(json.dumps(value, ensure_ascii=False, separators=(", ", ": ")))


def iter_json(report: Report) -> Iterator[str]:
    """The JSON report in chunks: top-level keys one per line, one finding or fact per line.

    Chunks are produced one record at a time so that a large report can be streamed
    without ever holding the whole document in memory.
    """
    yield '{\n'
    yield f'  "version": {_json_line(JSON_VERSION)},\n'
    yield f'  "valid": {_json_line(report.errors == 0)},\n'
    yield f'  "stats": {_json_line(report.stats())},\n'
    sections: tuple[tuple[str, Sequence[Finding | FactResult], bool], ...] = (
        ("findings", report.findings, False), ("facts", report.facts, True))
    for key, items, last in sections:
        if not items:
            yield f'  "{key}": []' + ("\n" if last else ",\n")
            continue
        yield f'  "{key}": [\n'
        n = len(items)
        for i, item in enumerate(items, 1):
            # A fact the validation cache kept brings its record already encoded.
            stored = getattr(item, "json_text", None)
            text = valid_utf8(stored) if stored is not None else _json_line(item.as_dict())
            yield "    " + text + (",\n" if i < n else "\n")
        yield "  ]" + ("\n" if last else ",\n")
    yield "}\n"


def format_json(report: Report) -> str:
    return "".join(iter_json(report))


# GitHub workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GH_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
# GitHub shows at most 10 annotations of each level per step (and 50 per job): we emit at most this many
# of each level, so that what is left out is said, not silently cut.
ANNOTATIONS_PER_LEVEL = 10
# A step summary may hold 1 MiB; past this many rows the table points to the log.
SUMMARY_ROWS = 300


def github_annotation(f: Finding) -> str:
    props = ",".join([
        f"file={escape_property(f.path)}", f"line={f.line}", f"col={f.column}",
        f"title={escape_property(f.rule)}",
    ])
    return f"::{_GH_LEVEL[f.severity]} {props}::{escape_data(f.message)}"


def annotation_order(findings: list[Finding], changed: ChangedLines | None = None) -> list[Finding]:
    """Which findings get GitHub's few annotations first: root causes (a broken people file or
    source), then findings on lines the pull request changed, then the rest, each in log order."""
    def rank(f: Finding) -> int:
        if is_root_cause(f):
            return 0
        if changed is not None and f.line in changed.get(f.path, ()):
            return 1
        return 2
    return sorted(findings, key=rank)


def format_github(report: Report, *, token: str | None = None, changed: ChangedLines | None = None,
                  note: str | None = None) -> str:
    """Annotations (capped per level, root causes and changed lines first), then every finding in
    the log, then the counts. ``changed``: the lines the pull request changed, by file.

    The log lines quote the repository's text (excerpts, passages), which a pull request controls:
    they are printed between ``::stop-commands::`` markers so no line of them runs as a command.
    """
    out: list[str] = []
    shown: dict[Severity, int] = {}
    for f in annotation_order(report.findings, changed):
        if shown.get(f.severity, 0) < ANNOTATIONS_PER_LEVEL:
            shown[f.severity] = shown.get(f.severity, 0) + 1
            out.append(github_annotation(f))
    hidden = len(report.findings) - sum(shown.values())
    token = token or secrets.token_hex(16)
    out.append(f"::group::All {len(report.findings)} finding(s)")
    out.append(f"::stop-commands::{token}")
    out.extend(f.format_text() for f in report.findings)
    out.append(f"::{token}::")
    out.append("::endgroup::")
    if hidden:
        out.append(f"{hidden} finding(s) beyond the first {ANNOTATIONS_PER_LEVEL} of each level are not "
                   "annotated (root causes and changed lines go first): the list above and the job "
                   "summary have them all")
    if note:
        out.append(note)
    out.append(_counts(report))
    out = [valid_utf8(line) for line in out]
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        try:
            with open(summary, "a", encoding="utf-8") as fh:
                fh.write(valid_utf8(step_summary(report)))
        except OSError as exc:
            out.append(f"(could not write the job summary: {exc})")
    return "\n".join(out) + "\n"


_MD_ESCAPES = {**{c: "\\" + c for c in "\\`*_[]~|#"}, "&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _cell(text: str) -> str:
    """Text shown as itself in a Markdown table cell: one line, no markup, no HTML."""
    return "".join(_MD_ESCAPES.get(c, c) for c in " ".join(text.split()))


def _code(text: str) -> str:
    return "<code>" + html.escape(" ".join(text.split()), quote=False).replace("|", "&#124;") + "</code>"


def step_summary(report: Report, *, max_rows: int = SUMMARY_ROWS) -> str:
    s = report.stats()
    head = "✅ factsheet: no errors" if report.errors == 0 else f"❌ factsheet: {s['errors']} error(s)"
    rows = [f"## {head}", "", _counts(report), ""]
    if report.findings:
        rows += ["| Severity | Location | Rule | Message |", "|---|---|---|---|"]
        rows += [
            f"| {f.severity.value} | {_code(f'{f.path}:{f.line}:{f.column}')} | {_code(f.rule)} | {_cell(f.message)} |"
            for f in report.findings[:max_rows]
        ]
        if len(report.findings) > max_rows:
            rows += ["", f"… and {len(report.findings) - max_rows} more: see the step's log."]
    return "\n".join(rows) + "\n\n"


_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def help_base() -> str | None:
    """Where README's rule table lives, for help links: in GitHub Actions, this commit's README."""
    server, repo, sha = (os.environ.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    if server and repo and sha:
        return f"{server}/{repo}/blob/{sha}/README.md"
    return None


def format_sarif(report: Report) -> str:
    help_base_url = help_base()
    rule_ids = sorted(RULES)
    index = {r: i for i, r in enumerate(rule_ids)}
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factsheet",
                "version": __version__,
                "rules": [
                    {"id": r, "shortDescription": {"text": RULES[r].summary},
                     **({"help": {"text": RULES[r].help}} if RULES[r].help else {}),
                     **({"helpUri": f"{help_base_url}#{RULES[r].anchor}"} if help_base_url else {}),
                     "defaultConfiguration": {"level": _SARIF_LEVEL[RULES[r].severity]}}
                    for r in rule_ids
                ],
            }},
            # The verdict counts (verified, speaker_unconfirmed, refuted, …) as in the JSON report.
            "properties": {"stats": report.stats()},
            "results": [
                {
                    "ruleId": f.rule,
                    "ruleIndex": index[f.rule],
                    "level": _SARIF_LEVEL[f.severity],
                    "message": {"text": f.message},
                    "locations": [{"physicalLocation": {
                        "artifactLocation": {"uri": f.path},
                        "region": {"startLine": f.line, "startColumn": f.column},
                    }}],
                    **({"properties": {"fact": f.fact}} if f.fact else {}),
                }
                for f in report.findings
            ],
        }],
    }
    return valid_utf8(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n"


FORMATS: dict[str, Callable[[Report], str]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "sarif": format_sarif,
}

# Formats that can be written as they are produced (validate streams these to stdout).
STREAMED: dict[str, Callable[[Report], Iterator[str]]] = {
    "json": iter_json,
}

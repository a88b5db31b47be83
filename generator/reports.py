"""Report formats for `factsheet validate`: text, json, github, sarif."""

from __future__ import annotations

import json
import os
from typing import Callable

from generator import __version__
from generator.findings import Finding, Severity
from generator.rules import RULES
from generator.validation.results import Report

JSON_VERSION = 1


def _counts(report: Report) -> str:
    s = report.stats()
    return (f"{s['facts']} facts, {s['verified']} verified, {s['citations']} citations: "
            f"{s['errors']} error(s), {s['warnings']} warning(s), {s['infos']} note(s)")


def format_text(report: Report) -> str:
    lines = [f.format_text() for f in report.findings]
    lines.append(_counts(report))
    return "\n".join(lines) + "\n"


def format_json(report: Report) -> str:
    doc = {
        "version": JSON_VERSION,
        "valid": report.errors == 0,
        "stats": report.stats(),
        "findings": [f.as_dict() for f in report.findings],
        "facts": [f.as_dict() for f in report.facts],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# GitHub workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GH_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def github_annotation(f: Finding) -> str:
    props = ",".join([
        f"file={escape_property(f.path)}", f"line={f.line}", f"col={f.column}",
        f"title={escape_property(f.rule)}",
    ])
    return f"::{_GH_LEVEL[f.severity]} {props}::{escape_data(f.message)}"


def format_github(report: Report) -> str:
    # GitHub shows at most 10 annotations of a kind per step: the log keeps the full list.
    out = [github_annotation(f) for f in report.findings]
    out.append("::group::All findings")
    out.extend(f.format_text() for f in report.findings)
    out.append("::endgroup::")
    out.append(_counts(report))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as fh:
            fh.write(step_summary(report))
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def step_summary(report: Report) -> str:
    s = report.stats()
    head = "✅ factsheet: no errors" if report.errors == 0 else f"❌ factsheet: {s['errors']} error(s)"
    rows = [f"## {head}", "", _counts(report), ""]
    if report.findings:
        rows += ["| Severity | Location | Rule | Message |", "|---|---|---|---|"]
        rows += [
            f"| {f.severity.value} | `{_cell(f.path)}:{f.line}:{f.column}` | `{f.rule}` | {_cell(f.message)} |"
            for f in report.findings
        ]
    return "\n".join(rows) + "\n\n"


_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def format_sarif(report: Report) -> str:
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
                    {"id": r, "shortDescription": {"text": RULES[r][1]},
                     "defaultConfiguration": {"level": _SARIF_LEVEL[RULES[r][0]]}}
                    for r in rule_ids
                ],
            }},
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
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, Callable[[Report], str]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "sarif": format_sarif,
}

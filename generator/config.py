"""A repository's rule policy: which rules are reported, and at which severity.

Read from ``factsheet.toml`` at the root, else from ``[tool.factsheet]`` in ``pyproject.toml``
(like ruff and yamllint)::

    [tool.factsheet]
    select = ["*"]                      # rule ids or globs (default: every rule)
    ignore = ["date-relative"]          # not reported
    [tool.factsheet.severity]
    excerpt-ambiguous = "error"         # error | warning | info

Policy changes what is *reported* and so the exit code; it never changes a verdict: "verified"
means the same thing in every repository. Rules about files that cannot be read (``file-*``,
``yaml-*``, ``schema-*``) cannot be ignored or lowered, since a file that does not load is never
checked at all.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

from generator.findings import FactsheetError, Finding, Severity, did_you_mean
from generator.rules import RULES, finding

CONFIG_FILE = "factsheet.toml"
PYPROJECT = "pyproject.toml"
_KEYS = ("select", "ignore", "severity")
# A file that does not load is never checked: these are never silenced.
_LOCKED = ("file-*", "yaml-*", "schema-*")
_ORDER = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Config:
    select: tuple[str, ...] = ("*",)
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    path: str | None = None  # the file it was read from, relative to the root

    def severity_for(self, rule: str) -> Severity | None:
        """The severity ``rule`` is reported at, or None when it is not reported."""
        if _locked(rule):
            return RULES[rule].severity if rule in RULES else Severity.ERROR
        if not _matches(rule, self.select) or _matches(rule, self.ignore):
            return None
        return self.severity.get(rule, RULES[rule].severity if rule in RULES else Severity.ERROR)

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings as this repository reports them."""
        out = []
        for f in findings:
            sev = self.severity_for(f.rule)
            if sev is not None:
                out.append(f if sev is f.severity or f.accepted else replace(f, severity=sev))
        return out


def at_least(findings: Iterable[Finding], minimum: Severity) -> list[Finding]:
    """Only the findings at ``minimum`` or above (``--min-severity``)."""
    return [f for f in findings if _ORDER[f.severity] >= _ORDER[minimum]]


def _matches(rule: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatchcase(rule, p) for p in patterns)


def _locked(rule: str) -> bool:
    return _matches(rule, _LOCKED)


def load_rules_config(root: Path) -> Config:
    """The root's configuration (defaults when it has none); FactsheetError names what is wrong."""
    own = root / CONFIG_FILE
    if own.is_file():
        return _parse(own, CONFIG_FILE, lambda data: data)
    pyproject = root / PYPROJECT
    if pyproject.is_file():
        return _parse(pyproject, PYPROJECT, lambda data: data.get("tool", {}).get("factsheet"))
    return Config()


def _parse(path: Path, rel: str, pick: Any) -> Config:
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11's TOMLDecodeError has the position only in its message: "(at line 1, column 16)".
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        pos = (int(where[1]), int(where[2])) if where else (1, 1)
        raise _error(rel, pos, f"not valid TOML: {str(exc).split(' (at ')[0]}") from None
    table = pick(data)
    if table is None:
        return Config()

    def fail(what: str, message: str) -> FactsheetError:
        return _error(rel, _position(text, what), message)

    if not isinstance(table, dict):
        raise fail("factsheet", "[tool.factsheet] must be a table")
    for key in table:
        if key not in _KEYS:
            raise fail(key, f"unknown setting '{key}'{did_you_mean(key, _KEYS)}; the settings are "
                            + ", ".join(_KEYS))
    select = _patterns(table.get("select", ["*"]), "select", fail)
    ignore = _patterns(table.get("ignore", []), "ignore", fail)
    severity: dict[str, Severity] = {}
    levels = {s.value: s for s in Severity}
    raw = table.get("severity", {})
    if not isinstance(raw, dict):
        raise fail("severity", "severity must be a table of rule = \"error\" | \"warning\" | \"info\"")
    for rule, level in raw.items():
        if rule not in RULES:
            raise fail(rule, f"severity: unknown rule '{rule}'{did_you_mean(rule, RULES)}")
        if level not in levels:
            raise fail(rule, f"severity of '{rule}' is {level!r}: write \"error\", \"warning\" or \"info\"")
        if _locked(rule) and levels[level] is not RULES[rule].severity:
            raise fail(rule, f"'{rule}' cannot be changed: a file that does not load is never checked")
        severity[rule] = levels[level]
    for pattern in ignore:
        locked = [r for r in RULES if fnmatch.fnmatchcase(r, pattern) and _locked(r)]
        if locked:
            raise fail(pattern, f"ignore: '{pattern}' would silence {locked[0]}, which cannot be ignored: "
                                "a file that does not load is never checked")
    return Config(select, ignore, severity, rel)


def _patterns(value: Any, key: str, fail: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(key, f"{key} must be a list of rule ids or globs, e.g. {key} = [\"excerpt-*\"]")
    for pattern in value:
        if not any(fnmatch.fnmatchcase(r, pattern) for r in RULES):
            raise fail(pattern, f"{key}: '{pattern}' names no rule{did_you_mean(pattern, RULES)}")
    return tuple(value)


def _position(text: str, word: str) -> tuple[int, int]:
    """Where ``word`` first appears in the file (tomllib keeps no positions); 1:1 if nowhere."""
    for n, line in enumerate(text.splitlines(), 1):
        col = line.find(word)
        if col >= 0 and not line.lstrip().startswith("#"):
            return n, col + 1
    return 1, 1


def _error(rel: str, pos: tuple[int, int], message: str) -> FactsheetError:
    return FactsheetError(finding(rel, pos, "config-invalid", message))

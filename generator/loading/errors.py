"""Error translation: pydantic's and the YAML reader's complaints as findings in the editor's words.

Each finding points at ``path:line:col`` in the file as written, carries a rule id,
and says how to fix the mistake ("did you mean" where there is one). Nothing of
pydantic's own wording reaches an editor.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from generator.findings import Finding, did_you_mean
from generator.rules import finding
from generator.yamlsafe import Document, Loc

# A key that starts with digits: the rest of `464,000` or `cost 464,000 euros` cut at its comma in a
# flow mapping ({value: 464,000}).
_CUT_AT_COMMA = re.compile(r"^[0-9]")

_TYPE_NAMES = {"int": "a whole number", "float": "a number", "str": "text", "string": "text",
               "bool": "true/false", "dict": "a mapping", "list": "a list", "NoneType": "nothing (null)",
               "model": "a mapping of fields"}


def validation_findings(exc: ValidationError, doc: Document, model: type[BaseModel]) -> list[Finding]:
    """Pydantic's errors as findings at the YAML positions at fault, one per place and rule."""
    errors = exc.errors(include_url=False)
    # A union (19500 | 3.5 | "3.5 billion") fails once per member: say it once, naming every member.
    # When one member accepted the type but refused the value ("abc" as text is no number),
    # that refusal is the whole story.
    expected: dict[Loc, list[str]] = {}
    refused: set[Loc] = set()
    for error in errors:
        where = _yaml_loc(error["loc"], doc, error["type"])
        if _is_type_error(error["type"]):
            expected.setdefault(where, []).append(error["type"])
        elif error["type"] not in {"missing", "extra_forbidden"}:
            refused.add(where)
    # A misspelt required field is one mistake, not two: "unknown field 'cliam'; did you mean 'claim'?"
    # stands for the "missing required field 'claim'" it causes.
    missing = {_yaml_loc(e["loc"], doc, "missing") for e in errors if e["type"] == "missing"}
    typo_for: dict[Loc, str] = {}
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = _yaml_loc(error["loc"], doc, error["type"])
            allowed = _fields_at(model, loc[:-1])
            best = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
            if best and (*loc[:-1], best[0]) in missing:
                typo_for[loc] = best[0]
    covered = {(*loc[:-1], name) for loc, name in typo_for.items()}
    out: list[Finding] = []
    seen: set[tuple[Loc, str]] = set()
    for error in errors:
        raw_loc = error["loc"]
        kind = error["type"]
        loc = _yaml_loc(raw_loc, doc, kind)
        if _is_type_error(kind) and loc in refused:
            continue
        if kind == "missing" and loc in covered:
            continue
        fact = _fact_of(loc, doc)
        if kind == "extra_forbidden":
            key = str(loc[-1])
            allowed = _fields_at(model, loc[:-1])
            line, col = doc.key_pos(loc)
            if loc in typo_for:
                msg = (f"unknown field '{key}'; did you mean '{typo_for[loc]}'? (a required field, so it is "
                       "missing too): correct the spelling")
            elif _CUT_AT_COMMA.match(key):
                msg = (f"'{key}' is the end of a value cut at a comma: inside {{ }} and [ ] a comma separates "
                       "items, so an unquoted value such as 464,000 is read as 464 and a field '000'. Put the "
                       "value in quotes (\"464,000\") or write the number without commas (464000)")
            else:
                msg = f"unknown field '{key}'{did_you_mean(key, allowed)}"
                if allowed:
                    msg += f" (allowed here: {', '.join(sorted(allowed))})"
                msg += ": correct the name, or remove the line"
            rule = "schema-unknown-field"
        elif raw_loc and raw_loc[-1] == "[key]" and kind == "currency_symbol":
            line, col = doc.key_pos(loc)  # a sidecar's currency_symbols key: a symbol, not an id
            rule, msg = "schema-value", f"{_describe(loc[:-1])}: {error['msg']}"
        elif raw_loc and raw_loc[-1] == "[key]":
            # A mapping key at fault (a person id in people.yml): point at the key, not its value.
            line, col = doc.key_pos(loc)
            rule, msg = "invalid-id", (
                f"'{error['input']}' is not a valid id: use lower-case letters, digits and '-' "
                "(at most 80 characters), starting with a letter or digit")
        else:
            line, col = doc.pos(loc)
            rule, msg = _rule_and_message(error, loc, expected.get(loc, []), model)
        if (loc, rule) in seen:
            continue
        seen.add((loc, rule))
        out.append(finding(doc.path, (line, col), rule, msg, fact))
    return out


def _is_type_error(kind: str) -> bool:
    return kind.endswith("_type") or kind.endswith("_parsing")


# Every pydantic error type the model can produce, each said in the format's words with how to fix
# it. tests/test_schema_messages.py generates them all from the model and fails on one not listed.
TRANSLATED = frozenset({
    "missing", "extra_forbidden", "literal_error", "string_pattern_mismatch", "string_too_short",
    "string_too_long", "too_short", "greater_than_equal", "value_error",
    "string_type", "int_type", "float_type", "list_type", "dict_type", "model_type",
    "invalid_date", "invalid_number", "unknown_currency", "currency_symbol",  # ours (generator.model): already in our words
})

_QUOTABLE = (int, float, bool)


def _rule_and_message(error: Any, loc: Loc, union: list[str], model: type[BaseModel]) -> tuple[str, str]:
    kind = error["type"]
    where = _describe(loc)
    info = _field_at(model, loc)
    if kind == "missing":
        inside = f" in {_describe(loc[:-1])}" if loc[:-1] else ""
        about = f" ({_about(info)})" if _about(info) else ""
        example = f", e.g. {loc[-1]}: {_example(info)}" if _example(info) else f": `{loc[-1]}: ...`"
        return "schema-missing-field", f"missing required field '{loc[-1]}'{inside}: add it{about}{example}"
    if kind == "string_pattern_mismatch" and loc and str(loc[-1]) in {"id", "source", "speaker"}:
        return "invalid-id", (
            f"{where}: '{error['input']}' is not a slug: use lower-case letters, digits and '-' "
            "(at most 80 characters), starting with a letter or digit")
    if kind in {"invalid_date", "unknown_currency", "invalid_number"}:
        return kind.replace("_", "-"), f"{where}: {error['msg']}"
    if loc and str(loc[-1]) in _DATE_FIELDS:
        if kind == "string_pattern_mismatch":
            return "invalid-date", f"{where}: {date_advice(str(error['input']))}"
        if isinstance(error.get("input"), (int, float)) and not isinstance(error.get("input"), bool):
            return "invalid-date", (
                f"{where}: {error['input']} is a number to YAML, not a date: write it in quotes, "
                f"{loc[-1]}: \"{error['input']}\"")
    if kind == "literal_error":
        return "schema-value", f"{where}: {_literal_message(error, loc)}"
    if _is_type_error(kind):
        if len(union) > 1:
            names = [_type_name(k) for k in union]
            want = ", ".join(dict.fromkeys(names))
            return "schema-type", (f"{where}: expected one of: {want}; got {_got(error)}: "
                                   f"{_type_fix(union, error, loc, info, model)}")
        return "schema-type", (f"{where}: expected {_type_name(kind)}, got {_got(error)}: "
                               f"{_type_fix([kind], error, loc, info, model)}")
    if kind == "string_pattern_mismatch" and loc and loc[-1] == "sha256":
        return "schema-value", (f"{where}: '{error['input']}' is not a SHA-256 digest (64 lower-case hex "
                                "digits): run `factsheet rehash SOURCE-ID` to write it")
    return "schema-value", f"{where}: {plain_message(error)}{_value_fix(error, info)}"


def _type_name(kind: str) -> str:
    return _TYPE_NAMES.get(kind.split("_")[0], kind.split("_")[0])


def _type_fix(kinds: list[str], error: Any, loc: Loc, info: FieldInfo | None, model: type[BaseModel]) -> str:
    """How to write a value of the expected type, from what was written instead."""
    given = error.get("input")
    field_name = loc[-1] if loc and isinstance(loc[-1], str) else None
    lead = f"{field_name}: " if field_name else "- "
    wants = {k.split("_")[0] for k in kinds}
    if given is None:
        optional = info is not None and not info.is_required()
        return "write the value after the colon" + (", or remove the line" if optional else "")
    if not loc:
        fields = getattr(model, "model_fields", None) or {}
        if list(fields) == ["root"]:  # a mapping of ids (people.yml)
            return "write one `id:` line per entry, its fields indented under it (name: ...)"
        shown = ", ".join(f"{n}: ..." for n, f in fields.items() if f.is_required())
        return f"write the file as fields, one `name: value` per line ({shown})"
    if wants & {"int", "float"}:
        return "write the number, e.g. 19500, 3.5 or (in quotes) \"3.5 billion\"" if "string" in wants \
            else "write a whole number without quotes, e.g. 0"
    if "string" in wants:
        if isinstance(given, _QUOTABLE):
            shown = str(given).lower() if isinstance(given, bool) else str(given)
            return f"put it in quotes to keep it as text: {lead}\"{shown}\""
        if isinstance(given, list):
            return f"write one piece of text, not a list (in quotes if it starts with [ or {{): {lead}\"...\""
        return f"write one piece of text, not a mapping (in quotes if it holds ': '): {lead}\"...\""
    if "list" in wants:
        return f"write it as a list, one `- item` per line or [a, b]" + (
            f": {lead}[{given}]" if isinstance(given, (str, *_QUOTABLE)) else "")
    if wants & {"dict", "model"}:
        return "write its fields indented under it, one `name: value` per line" + (
            f" ({_about(info)})" if _about(info) else "")
    return f"write {_type_name(kinds[0])} here"  # pragma: no cover - every type the model has is above


def _value_fix(error: Any, info: FieldInfo | None) -> str:
    """How to fix a value of the right type that the format refuses."""
    kind = error["type"]
    if kind == "string_too_short":
        optional = info is not None and not info.is_required()
        return ": write the text" + (", or remove the line" if optional else "")
    if kind == "string_too_long":
        return ": shorten it (a long passage is several facts or citations)"
    if kind == "too_short":
        least = (error.get("ctx") or {}).get("min_length", 1)
        return f": add at least {'one item' if least == 1 else f'{least} items'}" + (
            f" ({_about(info)})" if _about(info) else "")
    if kind == "greater_than_equal":
        return f": write {(error.get('ctx') or {}).get('ge')} or more"
    if kind == "string_pattern_mismatch":
        return f": write {_about(info)}" if _about(info) else ": correct its form"
    return ""  # value_error: our own message (generator.model) already says how to fix it


def _about(info: FieldInfo | None) -> str:
    """A field's description, as the editor schemas show it (without its 'extension:' mark)."""
    text = (info.description or "") if info is not None else ""
    return text.removeprefix("extension: ")


def _example(info: FieldInfo | None) -> str:
    """A field's first example as flow YAML, when it is a plain value."""
    if info is None or not info.examples:
        return ""
    value = info.examples[0]
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return ""
    return str(value)


_DATE_FIELDS = frozenset({"date", "published", "retrieved", "when"})


def iso_suggestion(text: str) -> str | None:
    """For a day/month/year date (04/05/2023, 4.5.2023): the ISO forms it can mean, said plainly."""
    m = re.fullmatch(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*", text)
    if not m:
        return None
    a, b, year = int(m[1]), int(m[2]), m[3]
    readings = []
    if 1 <= b <= 12 and 1 <= a <= 31:
        readings.append(f'"{year}-{b:02d}-{a:02d}" (day first)')
    if 1 <= a <= 12 and 1 <= b <= 31 and a != b:
        readings.append(f'"{year}-{a:02d}-{b:02d}" (month first)')
    if not readings:
        return None
    return f"'{text}' is not a date of the format: write YYYY-MM-DD, here " + " or ".join(readings)


def date_advice(text: str) -> str:
    """Why ``text`` is not a date of the format, and how to write it (an ISO date, in quotes)."""
    return iso_suggestion(text) or (
        f"'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (in quotes in YAML: \"2023-04-26\")")


def _literal_message(error: Any, loc: Loc) -> str:
    allowed = [str(v).strip("'") for v in re.findall(r"'[^']*'", str(error.get("ctx", {}).get("expected", "")))]
    given = str(error.get("input"))
    hint = ""
    if loc and loc[-1] == "qualifier":
        from generator.lexicon.numbers import QUALIFIER_SYNONYMS  # the words the validator reads
        canonical = QUALIFIER_SYNONYMS.get(given.lower().strip())
        if canonical and canonical != given:
            hint = f"; did you mean '{canonical}'? ('{given}' is read as {canonical} in the sources)"
    if not hint:
        hint = did_you_mean(given, allowed)
    said = f"'{given}'" if isinstance(error.get("input"), (str, int, float)) else _got(error)
    return f"{said} is not one of: {', '.join(allowed)}{hint}: write one of these"


def plain_message(error: Any) -> str:
    """What is wrong with a value, in the format's words (never pydantic's)."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    given = error.get("input")
    if kind == "too_short":
        return "must not be empty"
    if kind == "string_too_short":
        return "must not be empty text"
    if kind == "string_too_long":
        size = f" ({len(given)} characters)" if isinstance(given, str) else ""
        return f"is longer than {ctx.get('max_length')} characters{size}"
    if kind == "string_pattern_mismatch":
        return f"'{given}' is not of the form this field takes"
    if kind == "greater_than_equal":
        return f"{given} is less than {ctx.get('ge')}"
    if kind == "literal_error":
        return f"'{given}' is not one of: {ctx.get('expected')}"
    if _is_type_error(kind):
        return f"expected {_type_name(kind)}, got {_got(error)}"
    if kind == "missing":
        return "is required"
    if kind in TRANSLATED:  # our own errors (generator.model): their message is ours
        return str(error["msg"])
    return f"'{given}' is not accepted here"  # a type the model cannot produce today


def _yaml_loc(loc: tuple[Any, ...], doc: Document, kind: str) -> Loc:
    """Pydantic's error location as a path into the YAML document.

    Pydantic adds parts that are not in the file: 'root' for RootModel, '[key]' for
    a dict key, and the member name ('int', 'str', ...) of a union. Keep the parts
    that exist in the document, plus the name of a missing field.
    """
    out: list[str | int] = []
    current: Any = doc.value
    parts = [p for p in loc if p not in ("root", "[key]")]
    for i, part in enumerate(parts):
        if isinstance(current, dict) and isinstance(part, str) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        else:
            if kind == "missing" and i == len(parts) - 1 and isinstance(current, dict):
                out.append(part)
            break
        out.append(part)
    return tuple(out)


def _fact_of(loc: Loc, doc: Document) -> str | None:
    if len(loc) >= 2 and loc[0] == "facts" and isinstance(loc[1], int):
        value = doc.value
        try:
            fid = value["facts"][loc[1]].get("id")
        except (AttributeError, IndexError, KeyError, TypeError):
            return None
        stem = Path(doc.path).stem
        return f"{stem}/{fid}" if isinstance(fid, str) else None
    return None


def _describe(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the file"


def _got(error: Any) -> str:
    got = type(error.get("input")).__name__
    return _TYPE_NAMES.get(got, got)


def _field_at(model: type[BaseModel], loc: Loc) -> FieldInfo | None:
    """The model's field at ``loc`` (its description and examples say how to write it)."""
    if not loc or not isinstance(loc[-1], str):
        return None
    parent: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        fields = getattr(parent, "model_fields", None)
        if fields is not None and list(fields) == ["root"] and part not in fields:
            parent = _inner_model(fields["root"].annotation)
            continue
        if fields is None or part not in fields:
            return None
        parent = _inner_model(fields[part].annotation)
    fields = getattr(parent, "model_fields", None) or {}
    if list(fields) == ["root"] and loc[-1] not in fields:
        return None
    info: FieldInfo | None = fields.get(str(loc[-1]))
    return info


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """Field names allowed at ``loc`` inside ``model`` (for "did you mean")."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if fields is not None and list(fields) == ["root"] and part not in fields:
            current = _inner_model(fields["root"].annotation)  # a RootModel mapping: the part is its key
            continue
        if fields is None or part not in fields:
            return []
        current = _inner_model(fields[part].annotation)
        if current is None:
            return []
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None



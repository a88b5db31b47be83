"""Safe YAML: plain values plus the line and column of every value and key.

Built from libyaml's event stream rather than its node graph so that an alias
is refused the moment it appears (an alias bomb is never expanded) and every
value keeps its mark for the findings that point at it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Callable

import yaml
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import ScalarNode

from generator.findings import FactsheetError
from generator.rules import finding

try:  # libyaml when present: the same events, much faster
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the wheel
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Loc = tuple[str | int, ...]
Pos = tuple[int, int]

_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_BOOL_WORDS = {"true", "false"}
# First characters that may start an implicitly typed plain scalar (int, float, bool, null, ...).
_IMPLICIT = frozenset(k for k in _RESOLVER.yaml_implicit_resolvers if k)
assert None not in _RESOLVER.yaml_implicit_resolvers and not _RESOLVER.yaml_path_resolvers
_STR = "tag:yaml.org,2002:str"
# Deeper than any real fact file; a recursion bomb stops here, not at Python's stack limit.
MAX_DEPTH = 64
# Python refuses to convert longer integers (sys.get_int_max_str_digits); no figure needs more.
MAX_INT_DIGITS = 4000
# YAML 1.1 reads these unquoted numbers as something other than what they look like:
# 010 is 8 (octal), 0x1F is 31, 0b11 is 3, 1:30 is 90 (base 60).
_HIDDEN_BREAK = re.compile("[\u0085\u2028\u2029]")
_SURPRISING_NUMBER = re.compile(r"^[-+]?(0[0-9_]+|0[xob].*|[0-9][0-9_]*(:[0-9_]+)+(\.[0-9_]*)?)$")


@dataclass(slots=True)
class Document:
    """A loaded YAML file: its value and where each part of it stands (1-based).

    ``load_workspace`` keeps the positions of the files it loads but releases their
    ``value`` (None) once the models are built: the models hold that data.
    """

    path: str
    value: Any
    # Each position packed in one int (``line << _COLUMN_BITS | column``, read back by ``unpacked``): a
    # tuple of two ints for every node of every file was a fifth of a loaded workspace's memory.
    positions: dict[Loc, int] = field(default_factory=dict)
    key_positions: dict[Loc, int] = field(default_factory=dict)

    def pos(self, loc: Loc) -> Pos:
        """The position of ``loc``, or of its nearest ancestor that has one."""
        while loc not in self.positions and loc:
            loc = loc[:-1]
        found = self.positions.get(loc)
        return (1, 1) if found is None else unpacked(found)

    def key_pos(self, loc: Loc) -> Pos:
        found = self.key_positions.get(loc)
        return self.pos(loc) if found is None else unpacked(found)


_COLUMN_BITS = 32  # a YAML file is at most 4 MB (loading.read.MAX_YAML_BYTES): no line is longer


def unpacked(position: int) -> Pos:
    return position >> _COLUMN_BITS, position & ((1 << _COLUMN_BITS) - 1)


def _fail(path: str, mark: Any, rule: str, message: str) -> FactsheetError:
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return FactsheetError(finding(path, (line, col), rule, message))


def decode_text(data: bytes, path: str) -> str:
    """UTF-8 text with a BOM allowed; NUL bytes and bad bytes are errors with their offset."""
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _line_col(data, nul)
        raise FactsheetError(
            finding(path, (line, col), "file-binary",
                    f"NUL byte at byte offset {nul}: this is a binary file, not UTF-8 text")
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        raise FactsheetError(
            finding(path, (line, col), "file-encoding",
                    f"not valid UTF-8: byte 0x{data[exc.start]:02x} at byte offset {exc.start} "
                    f"({exc.reason}); save the file as UTF-8")
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def _line_col(data: bytes, offset: int) -> Pos:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, len(data[start:offset].decode("utf-8", "replace")) + 1


def load_yaml(data: bytes | str, path: str) -> Document:
    """Parse one YAML document; raise :class:`FactsheetError` at the first thing at fault."""
    text = decode_text(data, path) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    try:
        return _load(text, path, _Loader)
    except _LibyamlTooDeep:
        # libyaml >= 0.2.6 (PyYAML 6.0.4's wheels) stops at 1000 levels while scanning ahead, before
        # our own limit sees the events. The pure-Python parser is lazy and has no limit of its own,
        # so it reaches MAX_DEPTH and reports it where it is, whatever libyaml the machine has.
        return _load(text, path, yaml.SafeLoader)


class _LibyamlTooDeep(Exception):
    """libyaml refused the nesting depth itself."""


def _load(text: str, path: str, loader_class: Any) -> Document:
    doc = Document(path, None)
    loader = loader_class(text)
    lines: _LineIndex | None = None
    if text.endswith("\n") and _HIDDEN_BREAK.search(text) is None and text.count("\r") == text.count("\r\n"):
        # Only "\n" (or "\r\n") breaks lines, and the last line is ended: libyaml's marks are the
        # lines and columns editors count, use them as they are. The C parser's own method, called
        # directly: a Python generator around it cost more than the parsing.
        get: Callable[[], Event] = loader.get_event
    else:
        lines = _LineIndex(text)
        get = _remarked(loader.get_event, lines)
    try:
        assert isinstance(get(), StreamStartEvent)
        first = get()
        if isinstance(first, StreamEndEvent):
            raise _fail(path, None, "file-empty", "the file is empty: expected a YAML mapping")
        assert isinstance(first, DocumentStartEvent)
        doc.value = _build(get, get(), (), doc, 0)
        assert isinstance(get(), DocumentEndEvent)
        after = get()
        if not isinstance(after, StreamEndEvent):
            raise _fail(path, after.start_mark, "yaml-multiple-documents",
                        "a second YAML document starts here; a file holds exactly one (remove the `---`)")
    except yaml.MarkedYAMLError as exc:
        if exc.problem and "maximum nesting depth" in exc.problem:
            raise _LibyamlTooDeep from None
        lines = lines or _LineIndex(text)
        mark = lines.mark(exc.problem_mark or exc.context_mark)
        message = syntax_message(exc.problem or "", exc.context or "", text, mark)
        hidden = _HIDDEN_BREAK.search(text)
        if hidden is not None and _parses(_HIDDEN_BREAK.sub(" ", text)):
            # Invisible in editors, a line break to YAML 1.1: name it, or the error makes no sense.
            line, col = lines.pos(hidden.start())
            raise FactsheetError(finding(
                path, (line, col), "yaml-syntax",
                f"invisible line separator U+{ord(hidden.group()):04X} here: YAML reads it as a line break "
                f"(then: {message.lower()}); delete it, or put the text in quotes")) from None
        raise _fail(path, mark, "yaml-syntax", message) from None
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        lines = lines or _LineIndex(text)
        pos = getattr(exc, "position", None)
        line, col = lines.pos(pos) if isinstance(pos, int) else (1, 1)
        raise FactsheetError(
            finding(path, (line, col), "yaml-syntax",
                    f"YAML cannot read the file{f' at character {pos}' if pos is not None else ''}: {exc}")
        ) from None
    finally:
        loader.dispose()
    if doc.value is None:
        raise _fail(path, None, "file-empty", "the file holds no data: expected a YAML mapping")
    return doc


def _line_text(text: str, mark: Any) -> str:
    if mark is None or getattr(mark, "index", None) is None:
        return ""
    start = text.rfind("\n", 0, mark.index) + 1
    end = text.find("\n", mark.index)
    return text[start:] if end < 0 else text[start:end]


def syntax_message(problem: str, context: str, text: str, mark: Any) -> str:
    """The YAML parser's complaint in an editor's words, with the likely fix.

    The parser reports where it gave up, in its own grammar's terms ("could not find expected
    ':'"); what an editor did is nearly always one of a few things: a tab, a line indented
    differently from its neighbours, a colon or comma inside an unquoted value, a quote not closed.
    """
    line = _line_text(text, mark)
    index = getattr(mark, "index", None)
    at = text[index] if isinstance(index, int) and 0 <= index < len(text) else ""
    indent = line[:len(line) - len(line.lstrip(" \t"))]
    if at == "\t" or "\t" in indent or "tab" in problem:
        return "a tab character: YAML indents with spaces only; replace the tab with spaces"
    before = text[index - 1] if isinstance(index, int) and index > 0 else ""
    if "mapping values are not allowed" in problem and re.match(r"[^\s:#]+:$", line.lstrip(" ")[:len(line) - len(indent)]
                                                                  [:getattr(mark, "column", 0) - len(indent) + 1]):
        return ("this line is indented deeper than the line above, which already has a value: indent "
                "it like its siblings (the same number of spaces)")
    if "mapping values are not allowed" in problem:
        return ("a second ': ' on this line: a value that holds a colon followed by a space must be in "
                "quotes (claim: \"He said: yes\")")
    if "end of stream" in problem and "quoted scalar" in context:
        return "a quotation mark is opened here and never closed: close it, or put the text in the other kind of quotes"
    if "quoted scalar" in context or before in {"'", '"'} and at not in {"", "\n", " ", ","}:
        return ("a quoted value is followed by more text: put the whole value in quotes, and inside "
                "'single' quotes write a ' as '' (inside \"double\" quotes write \\\")")
    if "expected ',' or '}'" in problem or "expected ',' or ']'" in problem or "flow" in context:
        return ("a { } or [ ] is not closed properly: close it on this line, and put a value that holds "
                "a comma, a colon, a quote or a bracket in quotes")
    if "could not find expected ':'" in problem:
        return ("a line that is neither 'key: value' nor a list item: add ': ' after the key, or if it "
                "continues the value above, indent it further or put the whole value in quotes")
    if "cannot start any token" in problem:
        return (f"a plain value cannot start with '{at}': put the value in quotes" if at.strip()
                else "a character YAML does not accept here: put the value in quotes")
    if "expected key" in problem or "block end" in problem or "'-' indicator" in problem \
            or "block mapping" in context or "block collection" in context:
        return ("this line's indentation does not match the lines around it: indent it like its "
                "siblings (the same number of spaces), and nested fields further than their parent")
    return f"the YAML does not parse here ({problem or 'invalid YAML'}): check the quotes and the indentation"


def _remarked(get: Callable[[], Event], lines: _LineIndex) -> Callable[[], Event]:
    """``get``, with every event's start mark counted in lines as editors count them."""
    def remarked() -> Event:
        event = get()
        if event is not None:
            event.start_mark = lines.mark(event.start_mark)
        return event
    return remarked


def _parses(text: str) -> bool:
    loader = _Loader(text)
    try:
        while loader.check_event():
            loader.get_event()
        return True
    except yaml.YAMLError:
        return False
    finally:
        loader.dispose()


class _LineIndex:
    """Line and column as editors count them: only "\\n" ends a line.

    libyaml also breaks lines at U+0085, U+2028 and U+2029 (YAML 1.1), so its own
    line numbers drift after text pasted from the web; the character index it
    keeps is exact, and lines are counted from that.
    """

    def __init__(self, text: str) -> None:
        self.starts = [0]
        at = text.find("\n")
        while at >= 0:
            self.starts.append(at + 1)
            at = text.find("\n", at + 1)

    def pos(self, index: int) -> Pos:
        line = bisect_right(self.starts, index) - 1
        return line + 1, index - self.starts[line] + 1

    def mark(self, mark: Any) -> Any:
        if mark is None or getattr(mark, "index", None) is None:
            return mark
        line, col = self.pos(mark.index)
        return yaml.Mark(mark.name, mark.index, line - 1, col - 1, None, 0)  # no buffer: pointer unused


def _check_node(ev: ScalarEvent | CollectionStartEvent, path: str) -> None:
    if ev.anchor is not None:
        raise _fail(path, ev.start_mark, "yaml-anchor",
                    f"anchor '&{ev.anchor}' refused: anchors and aliases are not allowed; write the value out")
    tag = ev.tag
    if tag is not None and not (isinstance(ev, ScalarEvent) and tag == "!" and ev.style):
        raise _fail(path, ev.start_mark, "yaml-tag",
                    f"tag '{tag}' refused: tags are not allowed; remove it (quote the value if it is text)")


def _build(get: Callable[[], Event], ev: Event, loc: Loc, doc: Document, depth: int) -> Any:
    path = doc.path
    if depth > MAX_DEPTH:
        raise _fail(path, ev.start_mark, "yaml-too-deep",
                    f"lists and mappings are nested more than {MAX_DEPTH} deep here: the format never needs that")
    if isinstance(ev, AliasEvent):
        raise _fail(path, ev.start_mark, "yaml-anchor",
                    f"alias '*{ev.anchor}' refused: anchors and aliases are not allowed; write the value out")
    if not isinstance(ev, (ScalarEvent, CollectionStartEvent)):
        raise _fail(path, ev.start_mark, "yaml-syntax", f"unexpected YAML event {type(ev).__name__}")
    mark = ev.start_mark
    assert mark is not None  # the parser marks every event
    doc.positions[loc] = (mark.line + 1) << _COLUMN_BITS | (mark.column + 1)
    if ev.anchor is not None or ev.tag is not None:
        _check_node(ev, path)
    if isinstance(ev, ScalarEvent):
        return _scalar(ev, path)
    if type(ev) is SequenceStartEvent:
        items: list[Any] = []
        while type(nxt := get()) is not SequenceEndEvent:
            items.append(_build(get, nxt, (*loc, len(items)), doc, depth + 1))
        return items
    mapping: dict[str, Any] = {}  # a MappingStartEvent: the only other collection
    key_positions = doc.key_positions
    while type(kev := get()) is not MappingEndEvent:
        if not isinstance(kev, ScalarEvent):
            raise _fail(path, kev.start_mark, "yaml-complex-key",
                        "a mapping key must be a plain string")
        if kev.anchor is not None or kev.tag is not None:
            _check_node(kev, path)
        # Keys are names: keep the text as written (`null:` is "null", `on:` is "on", `1:` is "1").
        key = kev.value
        kmark = kev.start_mark
        assert kmark is not None
        child = (*loc, key)  # one tuple for both maps
        if key in mapping:
            first = unpacked(key_positions[child])
            raise _fail(path, kmark, "yaml-duplicate-key",
                        f"duplicate key '{key}' (first at line {first[0]}); YAML would silently "
                        "keep only the last one: remove or rename one")
        key_positions[child] = (kmark.line + 1) << _COLUMN_BITS | (kmark.column + 1)
        mapping[key] = _build(get, get(), child, doc, depth + 1)
    return mapping


def _scalar(ev: ScalarEvent, path: str) -> Any:
    value = ev.value
    if ev.style:  # quoted or block scalars are always text
        return value
    if value and value[0] not in _IMPLICIT:
        return value  # no implicit type starts with this character: plain text, as resolve() would say
    # types-PyYAML leaves Resolver.resolve unannotated; it returns the tag, a str.
    tag: str = _RESOLVER.resolve(ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    if tag == _STR or tag.endswith(":timestamp"):
        return value  # dates stay strings
    if tag.endswith(":bool"):
        if value.lower() not in _BOOL_WORDS:
            raise _fail(path, ev.start_mark, "yaml-ambiguous-bool",
                        f"unquoted '{value}' is read as a boolean by YAML 1.1: write \"{value}\" "
                        "in quotes for text, or true/false")
        return value.lower() == "true"
    if tag.endswith(":null"):
        return None
    if (tag.endswith(":int") or tag.endswith(":float")) and _SURPRISING_NUMBER.match(value):
        raise _fail(path, ev.start_mark, "yaml-ambiguous-number",
                    f"unquoted '{value}' is not read as written by YAML 1.1 (octal, hex, binary or base 60): "
                    f"write \"{value}\" in quotes for text, or the number in plain decimal")
    # types-PyYAML's ScalarNode takes only the pure-Python Mark, though libyaml's events carry its own.
    node = ScalarNode(tag, value, ev.start_mark, ev.end_mark)  # type: ignore[arg-type]
    if tag.endswith(":int"):
        if sum(c.isdigit() for c in value) > MAX_INT_DIGITS:
            raise _fail(path, ev.start_mark, "invalid-number",
                        f"a whole number of {sum(c.isdigit() for c in value)} digits is over the limit of "
                        f"{MAX_INT_DIGITS} digits")
        return _CONSTRUCTOR.construct_yaml_int(node)
    if tag.endswith(":float"):
        return _CONSTRUCTOR.construct_yaml_float(node)
    return value  # merge keys and the like are plain text here

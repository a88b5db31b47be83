"""Writing the files editors then keep by hand: YAML text they can read, written atomically.

Used by the commands that create or change repository files (`new-source`,
`new-sheet`, `rehash`) and by `cite`, which prints YAML to paste.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from functools import cache
from pathlib import Path

import yaml

from generator.model import SLUG_PATTERN
from generator.rules import RULES

_SLUG = re.compile(SLUG_PATTERN)


def schema_comment(path_to_schema_dir: str, name: str) -> str:
    """The line that points YAML language servers (VS Code, JetBrains, Neovim) at a schema."""
    return f"# yaml-language-server: $schema={path_to_schema_dir}/{name}\n"


SHEET_SCHEMA_LINE = schema_comment("../schema", "sheet.schema.json")
SOURCE_SCHEMA_LINE = schema_comment("../../schema", "source.schema.json")
PEOPLE_SCHEMA_LINE = schema_comment("../schema", "people.schema.json")

# YAML 1.1 printable characters, minus its line breaks other than \n (NEL, LS, PS), which a
# double-quoted scalar would fold: everything else is escaped. Compiled on first use: the class
# costs 3 ms to compile, and every command imports this module (`validate` never quotes).
_UNSAFE_CLASS = "[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"


@cache
def _unsafe() -> re.Pattern[str]:
    return re.compile(_UNSAFE_CLASS)


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}


def yaml_quote(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that loads back to exactly ``text``."""
    out = []
    unsafe = _unsafe()
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif unsafe.match(ch):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


class Refused(Exception):
    """A command refuses its input: printed as ``factsheet CMD: message (rule)``, exit 1."""

    def __init__(self, rule: str, message: str) -> None:
        assert rule in RULES, rule
        super().__init__(f"{message} ({rule})")
        self.rule = rule


def report_refusal(command: str, exc: Refused) -> int:
    print(f"factsheet {command}: {exc}", file=sys.stderr)
    return 1


# Conservative plain scalars (and only if they read back as the same string): start with a letter or digit, no `: `, ` #`, flow indicators or trailing space.
_PLAIN = re.compile(r"[A-Za-z0-9][\w .’'()&/-]*[\w.)’']|[A-Za-z]")
_PLAIN_BLOCK = re.compile(r"[A-Za-z0-9][\w .,’'()&/-]*[\w.)’']|[A-Za-z]")


def yaml_scalar(text: str, *, flow: bool = False) -> str:
    """``text`` as a plain YAML scalar when it reads back as the same string, else double-quoted."""
    plain = (_PLAIN if flow else _PLAIN_BLOCK).fullmatch(text)
    if plain and ": " not in text and " #" not in text:
        try:
            if yaml.safe_load(text) == text:
                return text
        except yaml.YAMLError:
            pass
    return yaml_quote(text)


def check_slug(value: str, what: str, option: str) -> None:
    if not _SLUG.match(value):
        raise Refused("invalid-id",
                      f"{option} '{value}' is not a valid {what} id: use lower-case letters, digits and '-' "
                      "(at most 80), starting with a letter or digit")


def check_root(root: Path) -> None:
    """Refuse to scatter files in a folder that is not a factsheet repository."""
    if not (root / "facts").is_dir() and not (root / "content" / "sources").is_dir():
        raise Refused("file-not-found",
                      f"{root.resolve()} holds neither facts/ nor content/sources/: run this in the "
                      "repository, or pass --root")


def _temp_beside(path: Path, data: bytes) -> Path:
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        os.unlink(name)
        raise
    return Path(name)


def write_new(path: Path, data: bytes) -> None:
    """Create ``path`` with ``data`` in one step; FileExistsError if it exists (even if it appears meanwhile)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temp_beside(path, data)
    try:
        os.link(tmp, path)  # atomic, and refuses to replace an existing file
    finally:
        os.unlink(tmp)


def replace_file(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (readers see the old or the new file, never half)."""
    tmp = _temp_beside(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise

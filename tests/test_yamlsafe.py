import pytest

from generator.findings import FactsheetError
from generator.yamlsafe import load_yaml


def error_of(data: bytes | str) -> tuple[str, int, int, str]:
    with pytest.raises(FactsheetError) as info:
        load_yaml(data, "f.yml")
    f = info.value.finding
    return f.rule, f.line, f.column, f.message


def test_values_and_positions():
    doc = load_yaml(b"a: 1\nb:\n  - x\n  - '2023-01-02'\n  - 2023-01-03\nc: null\nd: 2.5\ne: true\n", "f.yml")
    assert doc.value == {"a": 1, "b": ["x", "2023-01-02", "2023-01-03"], "c": None, "d": 2.5, "e": True}
    assert doc.pos(("b", 2)) == (5, 5)
    assert doc.key_pos(("d",)) == (7, 1)
    assert doc.pos(("b", 9, "nothing")) == doc.pos(("b",))  # nearest ancestor


@pytest.mark.parametrize("text, rule, line, col", [
    ("a: 1\nb: &x [1]\nc: *x\n", "yaml-anchor", 2, 4),
    ("a: !!python/object/apply:os.system ['echo hi']\n", "yaml-tag", 1, 4),
    ("a: !custom x\n", "yaml-tag", 1, 4),
    ("ok: fine\nflag: yes\n", "yaml-ambiguous-bool", 2, 7),
    ("flag: Off\n", "yaml-ambiguous-bool", 1, 7),
    ("a: 1\nb: 2\na: 3\n", "yaml-duplicate-key", 3, 1),
    ("", "file-empty", 1, 1),
    ("# only a comment\n", "file-empty", 1, 1),
    ("a: [1, 2\nb: 3\n", "yaml-syntax", 2, 2),
    ("a: 1\n---\nb: 2\n", "yaml-multiple-documents", 2, 1),
    ("? [a, b]\n: 1\n", "yaml-complex-key", 1, 3),
])
def test_refused(text, rule, line, col):
    got = error_of(text.encode())
    assert got[:3] == (rule, line, col), got


def test_alias_bomb_refused_at_once():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20))
    rule, line, _, _ = error_of(bomb)
    assert (rule, line) == ("yaml-anchor", 1)


def test_bad_bytes_have_offsets():
    rule, line, col, msg = error_of(b"title: caf\xe9\n")
    assert (rule, line, col) == ("file-encoding", 1, 11)
    assert "byte offset 10" in msg
    rule, line, col, msg = error_of(b"a: 1\nb: \x00\n")
    assert (rule, line, col) == ("file-binary", 2, 4)


def test_bom_and_crlf_are_fine():
    doc = load_yaml("\ufeffa: x\r\nb: 2\r\n".encode(), "f.yml")
    assert doc.value == {"a": "x", "b": 2}
    assert doc.pos(("b",)) == (2, 4)


@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
@pytest.mark.parametrize("depth", [65, 999, 5000])
def test_nesting_limit_is_ours_whatever_libyaml_does(monkeypatch: pytest.MonkeyPatch, loader: str,
                                                      depth: int) -> None:
    # libyaml 0.2.6+ stops at 1000 levels on its own while scanning; older libyaml and the
    # pure-Python parser (SafeLoader) never stop. The rule and position must not depend on it.
    import yaml

    from generator import yamlsafe
    monkeypatch.setattr(yamlsafe, "_Loader", getattr(yaml, loader))
    rule, line, col, message = error_of("title: x\nnote: " + "[" * depth + "]" * depth + "\n")
    assert (rule, line, col) == ("yaml-too-deep", 2, 7 + yamlsafe.MAX_DEPTH)
    assert str(yamlsafe.MAX_DEPTH) in message

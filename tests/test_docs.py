"""The README documents every rule id and the commands."""

from generator.rules import RULES, markdown_table
from tests.conftest import REPO


def test_readme_rule_table_is_current():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme, "run `python -m generator.rules` to refresh README.md"
    for rule in RULES:
        assert f"`{rule}`" in readme


def test_readme_starts_with_the_two_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    head = readme[:800]
    assert "bash scripts/site" in head and "bash scripts/test" in head
    assert "scripts/test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")

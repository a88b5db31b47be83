"""ARCHITECTURE.md stays the map: every module of the package has a place in it."""

from __future__ import annotations

from tests.conftest import REPO


def test_every_module_and_package_is_on_the_map() -> None:
    text = (REPO / "ARCHITECTURE.md").read_text(encoding="utf-8")
    package = REPO / "generator"
    missing = []
    for path in sorted(package.rglob("*.py")):
        if path.name in {"__init__.py", "__main__.py"}:
            continue
        rel = path.relative_to(package)
        # A module is on the map by its file name; inside a sub-package (`validation/checks/`,
        # `matchers/quotes/`) its folder's name is enough.
        nested = len(rel.parts) > 2 or rel.parts[0] == "commands"  # one module per subcommand
        if path.name not in text and not (nested and f"{rel.parent.name}/" in text):
            missing.append(rel.as_posix())
    assert not missing, f"ARCHITECTURE.md does not mention: {missing}"

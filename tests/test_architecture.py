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
        # A module is on the map by its file name, or through its package's folder (`checks/`).
        if path.name not in text and f"{rel.parent.name}/" not in text:
            missing.append(rel.as_posix())
    assert not missing, f"ARCHITECTURE.md does not mention: {missing}"

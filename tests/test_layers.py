"""Data flows one way: load → validate → render → build. No module reaches back up."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

# Each layer may import only from its own layer and the ones before it.
LAYERS = [
    ["generator.collector", "generator.findings", "generator.rules", "generator.normalize", "generator.yamlsafe", "generator.engines",
     "generator.lexicon", "generator.config", "generator.outdir", "generator.gitdiff"],
    ["generator.matchers"],
    ["generator.model", "generator.schema", "generator.kinds"],
    ["generator.loading.read", "generator.loading.errors", "generator.loading.workspace", "generator.loading",
     "generator.authoring", "generator.published"],
    ["generator.validation"],
    ["generator.reports", "generator.sources"],
    ["generator.render"],
    ["generator.build", "generator.mkdocs_plugin", "generator.search_index"],
    ["generator.commands", "generator.cli", "generator.__main__"],
]


def layer_of(module: str) -> int | None:
    for i, names in enumerate(LAYERS):
        if any(module == n or module.startswith(n + ".") for n in names):
            return i
    return None


def imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
    return {m for m in out if m.startswith("generator.")}


def test_every_module_has_a_layer():
    for path in (REPO / "generator").rglob("*.py"):
        module = ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
        if module == "generator":
            continue
        assert layer_of(module) is not None, f"{module}: add it to LAYERS in {__file__}"


def test_no_module_reaches_back_up():
    wrong = []
    for path in (REPO / "generator").rglob("*.py"):
        module = ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
        own = layer_of(module)
        if own is None:
            continue
        for target in imports(path):
            theirs = layer_of(target)
            if theirs is not None and theirs > own:
                wrong.append(f"{module} imports {target}")
    assert wrong == []


def test_the_core_does_not_import_mkdocs():
    for path in (REPO / "generator").rglob("*.py"):
        if path.name == "mkdocs_plugin.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert not any(n == "mkdocs" or n.startswith("mkdocs.") for n in names), path


def test_the_loading_parts_stand_alone():
    # One job each: confined reading and error translation know nothing of the workspace
    # (nor of each other); only the orchestration puts them together.
    for part in ("read", "errors"):
        own = imports(REPO / "generator" / "loading" / f"{part}.py")
        assert not {m for m in own if m.startswith("generator.loading")}, part

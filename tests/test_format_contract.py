"""FORMAT.md is the contract: its own examples must validate against the example sources."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from tests.conftest import REPO, run_cli

# The repository carries the contract as a page (README links it); where the shared contract it
# copies is present (../shared/FORMAT.md), the two must be identical.
FORMAT = REPO / "docs" / "FORMAT.md"
SHARED = REPO.parent / "shared" / "FORMAT.md"


@pytest.mark.skipif(not SHARED.is_file(), reason="the shared contract is not beside this checkout")
def test_the_repository_carries_the_contract_unchanged():
    assert FORMAT.read_bytes() == SHARED.read_bytes(), f"copy {SHARED} to {FORMAT}"


def test_readme_and_contributing_link_the_format_inside_the_repository():
    for name in ("README.md", "CONTRIBUTING.md"):
        text = (REPO / name).read_text(encoding="utf-8")
        assert "](docs/FORMAT.md)" in text, name
        assert "../shared/" not in text, name


def yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", FORMAT.read_text(encoding="utf-8"), re.S)


def test_format_examples_validate(repo_copy):
    blocks = yaml_blocks()
    people = next(b for b in blocks if b.startswith("xi-jinping:"))
    sheet = next(b for b in blocks if b.startswith("title:") and "facts:" in b)
    shutil.rmtree(repo_copy / "facts")
    (repo_copy / "facts").mkdir()
    (repo_copy / "facts" / "people.yml").write_text(people, encoding="utf-8")
    (repo_copy / "facts" / "xi-zelensky-call.yml").write_text(sheet, encoding="utf-8")
    out = run_cli("validate", "--root", str(repo_copy), "--format", "json")
    doc = json.loads(out.stdout)
    assert out.returncode == 0, out.stdout + out.stderr
    assert [f for f in doc["findings"] if f["severity"] == "error"] == []
    assert {f["id"]: f["verdict"] for f in doc["facts"]} == {
        f"xi-zelensky-call/{fid}": "verified"
        for fid in ("call-date", "children-transferred", "eu-aid", "un-condemnation", "no-winners")
    }


def test_source_sidecar_example_is_the_documented_shape():
    block = next(b for b in yaml_blocks() if b.startswith("title: Xi Jinping and Zelensky"))
    from generator.model import SourceMeta
    from generator.yamlsafe import load_yaml

    value = load_yaml(block.replace("3f5c...", "ab" * 32), "FORMAT.md").value
    meta = SourceMeta.model_validate(value)
    assert meta.published == "2023-04-26" and meta.authors == ["Oliver Thansan"]

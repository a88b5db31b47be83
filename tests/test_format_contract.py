"""FORMAT.md is the contract: its own examples must validate against the example sources."""

from __future__ import annotations

import re

from tests.conftest import REPO

FORMAT = REPO.parent / "shared" / "FORMAT.md"


def yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", FORMAT.read_text(encoding="utf-8"), re.S)


def test_source_sidecar_example_is_the_documented_shape():
    block = next(b for b in yaml_blocks() if b.startswith("title: Xi Jinping and Zelensky"))
    from generator.model import SourceMeta
    from generator.yamlsafe import load_yaml

    value = load_yaml(block.replace("3f5c...", "ab" * 32), "FORMAT.md").value
    meta = SourceMeta.model_validate(value)
    assert meta.published == "2023-04-26" and meta.authors == ["Oliver Thansan"]

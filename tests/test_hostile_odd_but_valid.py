"""What is odd but valid passes: CRLF, a byte order mark, tabs, very long lines, non-Latin scripts."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli, write_source, write_yaml


def verified(root: Path) -> dict[str, str]:
    proc = run_cli("validate", "--root", str(root), "--format", "json")
    assert "Traceback" not in proc.stderr, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["findings"] == [], doc["findings"]
    assert proc.returncode == 0
    return {f["id"]: f["verdict"] for f in doc["facts"]}


def statement(fid: str, source: str, excerpt: str, claim: str = "A claim.") -> str:
    return (f"  - id: {fid}\n    claim: {json.dumps(claim, ensure_ascii=False)}\n    sources:\n"
            f"      - source: {source}\n        excerpt: {json.dumps(excerpt, ensure_ascii=False)}\n")


def test_crlf_line_endings_in_yaml_and_source(workspace: Path) -> None:
    write_source(workspace, "crlf", "First line of the report.\r\nThe bridge opened\r\nin 2021.\r\n")
    meta = workspace / "content/sources/crlf.yml"
    meta.write_bytes(meta.read_bytes().replace(b"\n", b"\r\n"))
    text = "title: CRLF\nfacts:\n" + statement("a", "crlf", "the bridge opened in 2021")
    (workspace / "facts/crlf.yml").write_bytes(text.replace("\n", "\r\n").encode())
    assert verified(workspace) == {"crlf/a": "verified"}


def test_byte_order_mark_in_yaml_and_source(workspace: Path) -> None:
    write_source(workspace, "bom", "\ufeffThe bridge opened in 2021.\n")
    meta = workspace / "content/sources/bom.yml"
    meta.write_bytes(b"\xef\xbb\xbf" + meta.read_bytes())
    (workspace / "facts/people.yml").write_bytes("\ufeffjane-doe:\n  name: Jane Doe\n".encode())
    text = "\ufefftitle: BOM\nfacts:\n" + statement("a", "bom", "The bridge opened in 2021.")
    (workspace / "facts/bom.yml").write_bytes(text.encode())
    assert verified(workspace) == {"bom/a": "verified"}


def test_tabs_in_source_texts(workspace: Path) -> None:
    write_source(workspace, "tabs", "Name\tValue\nThe\tbridge\t\topened in 2021.\n\tIndented line.\n")
    write_yaml(workspace, "facts/tabs.yml", "title: Tabs\nfacts:\n"
               + statement("a", "tabs", "The bridge opened in 2021.")
               + statement("b", "tabs", "Indented line."))
    assert verified(workspace) == {"tabs/a": "verified", "tabs/b": "verified"}


def test_very_long_lines(workspace: Path) -> None:
    filler = "word " * 200_000  # a 1 MB source on one line
    write_source(workspace, "long", filler + "the needle at the end of a long line." + filler)
    summary = "A long summary. " * 20_000
    write_yaml(workspace, "facts/long.yml", f"title: Long\nsummary: {json.dumps(summary)}\nfacts:\n"
               + statement("a", "long", "the needle at the end of a long line", claim="x" * 19_000))
    assert verified(workspace) == {"long/a": "verified"}


def test_non_latin_scripts(workspace: Path) -> None:
    write_source(workspace, "ukr", "Президент України Володимир Зеленський провів розмову з Сі Цзіньпіном.\n",
                 title="Розмова Зеленського і Сі", language="uk")
    write_source(workspace, "zho", "4月26日，国家主席习近平应约同乌克兰总统泽连斯基通电话。\n",
                 title="习近平同泽连斯基通电话", language="zh")
    write_yaml(workspace, "facts/people.yml",
               "volodymyr-zelensky:\n  name: Володимир Зеленський\n  aliases: [泽连斯基, Зеленський]\n")
    write_yaml(workspace, "facts/rozmova.yml", "title: Розмова — 通电话\nsummary: Зеленський і 习近平.\nfacts:\n"
               + statement("ua", "ukr", "ВОЛОДИМИР ЗЕЛЕНСЬКИЙ провів розмову", claim="Зеленський провів розмову.")
               + statement("zh", "zho", "国家主席习近平应约同乌克兰总统泽连斯基通电话", claim="习近平同泽连斯基通电话。"))
    assert verified(workspace) == {"rozmova/ua": "verified", "rozmova/zh": "verified"}


def test_odd_but_harmless_yaml(workspace: Path) -> None:
    """Keys YAML 1.1 would turn into booleans or null stay names; quoted yes/no stay text."""
    write_source(workspace, "alpha", "Yes, the bridge opened in 2021.\n")
    write_yaml(workspace, "facts/odd.yml", """\
        title: "yes"
        summary: 'on'
        tags: ["no", "off", "null", "1:30", "010"]
        facts:
          - id: "1"
            claim: |
              Yes: the bridge opened.
            sources:
              - source: alpha
                excerpt: >-
                  yes, the bridge
                  opened in 2021
        """)
    assert verified(workspace) == {"odd/1": "verified"}

"""The floor: the least work any validator must do, as one process.

Reads every source text and folds it with ``generator.normalize.fold`` (the one
normaliser, offset map included), and parses every YAML file of the workspace
(sidecars, people and sheets) with libyaml. Nothing is checked. Validation is
measured against this.

``--parser csafe`` (default): ``yaml.load(text, Loader=yaml.CSafeLoader)`` —
libyaml builds the nodes in C, the cheapest reasonable parse from Python.
``--parser events``: our own ``generator.yamlsafe.load_yaml`` (libyaml events,
values with positions), i.e. what validation itself uses.

    python bench/floor.py --root WS [--parser csafe|events]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.normalize import fold  # noqa: E402


def run(root: Path, parser: str) -> tuple[int, int, int]:
    if parser == "csafe":
        def parse(data: bytes, path: str) -> object:
            return yaml.load(data.decode("utf-8"), Loader=yaml.CSafeLoader)
    else:
        from generator.yamlsafe import load_yaml as parse  # type: ignore[assignment]
    folded = parsed = undecodable = 0
    sources = root / "content" / "sources"
    for path in sorted(sources.iterdir()):
        if path.suffix == ".txt":
            try:
                text = path.read_bytes().decode("utf-8")
            except UnicodeDecodeError:
                undecodable += 1
                continue
            folded += len(fold(text).text)
        elif path.suffix == ".yml":
            parse(path.read_bytes(), path.name)
            parsed += 1
    for path in sorted((root / "facts").glob("*.yml")):
        parse(path.read_bytes(), path.name)
        parsed += 1
    return folded, parsed, undecodable


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--parser", choices=("csafe", "events"), default="csafe")
    args = parser.parse_args()
    chars, files, bad = run(args.root, args.parser)
    print(f"floor ({args.parser}): folded {chars} characters, parsed {files} YAML files, "
          f"{bad} source(s) not UTF-8")


if __name__ == "__main__":
    main()

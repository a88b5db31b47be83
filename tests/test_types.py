"""generator/ type-checks clean under mypy --strict (config: [tool.mypy] in pyproject.toml)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def _mypy(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(REPO / "pyproject.toml"), *args],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


def test_generator_is_strictly_typed() -> None:
    result = _mypy("generator", cwd=REPO)
    assert result.returncode == 0, f"mypy found type errors:\n{result.stdout}{result.stderr}"
    assert "Success" in result.stdout


def test_the_configuration_is_strict(tmp_path: Path) -> None:
    # The same config must reject an unannotated function and an implicit Any return: proof that the run
    # above is strict, not a lenient default that passes anything.
    probe = tmp_path / "probe.py"
    probe.write_text("import json\n\ndef loose(x):\n    return x\n\n"
                     "def typed(s: str) -> int:\n    return json.loads(s)\n", encoding="utf-8")
    result = _mypy("--cache-dir", str(tmp_path / "cache"), str(probe), cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "[no-untyped-def]" in result.stdout
    assert "[no-any-return]" in result.stdout

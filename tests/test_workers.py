"""A build plans from postings without their bodies and renders in worker processes: readers
still get every body, the main process never holds them, and nothing is left behind."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

import openings.build.pool
import openings.content.content_files
from openings import build_site
from openings.build.bodies import Bodies, slim
from openings.build.gather import Memory, gather
from openings.build.summaries import FirstPass
from openings.build.workers import body_of, start_worker
from openings.content.load import load_content
from openings.content.rules import posting_problems
from openings.errors import OutputError
from openings.packed import Spilled
from tests.conftest import LAYOUTS, make_content, posting

NOW = datetime.fromisoformat("2026-11-29T12:00:00-05:00")
BODY = "You will help people."


def test_a_build_plans_without_bodies_yet_publishes_each_whole(tmp_path: Path) -> None:
    content = make_content(tmp_path, {"analyst.md": posting("Analyst"),
                                      "analyste.md": posting("Analyste", lang="fr")})
    bodies = Bodies.beside(tmp_path / "out" / "site", ".site.staging-")
    first = FirstPass(NOW, bodies)
    loaded, _, _ = gather(content, NOW, False, first=first)
    assert {p.body for p in loaded.postings} == {""}
    assert {p.body_html for p in loaded.postings} == {""}
    assert all(p.body_digest for p in loaded.postings)
    assert sorted(bodies.places) == sorted(p.source for p in loaded.postings)
    bodies.remove()
    out = tmp_path / "site"
    build_site(content, out, LAYOUTS, NOW, search=False, cache=False)
    assert BODY in (out / "jobs/analyst/index.html").read_text()
    assert BODY in (out / "fr/jobs/analyste/index.html").read_text()


def test_the_main_process_holds_no_posting_details_once_they_are_set_aside(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first pass, in workers, sends each posting and its views with their details packed;
    the main process sets the packs aside beside the bodies and holds where they are. Planning
    (the facets of live postings included) leaves them there."""
    monkeypatch.setattr(openings.build.pool, "SMALL", 0)
    content = make_content(tmp_path, {"analyst.md": posting("Analyst"),
                                      "old.md": posting("Old", deadline="2026-11-10")})
    bodies, memory = Bodies.beside(tmp_path / "out" / "site", ".site.staging-"), Memory()
    first = FirstPass(NOW, bodies, memory.views, memory.lines)
    loaded, plan, _ = gather(content, NOW, False, jobs=2, memory=memory, first=first)
    held = [*loaded.postings, *first.views.values()]
    assert len(held) == 6
    assert all(isinstance(record._packed, Spilled) for record in held)
    bodies.remove()
    assert {view.posting.title for view in plan.views} == {"Analyst", "Old"}
    assert {view.posting.salary for view in plan.views} != {None}


def test_two_postings_with_different_bodies_never_share_a_key(tmp_path: Path) -> None:
    content = make_content(tmp_path, {
        "a.md": posting("Analyst"),
        "b.md": posting("Analyst").replace(BODY, "You will help many people."),
    })
    full, _ = load_content(content)
    assert full is not None
    one, two = (slim(p) for p in full.postings)
    assert one.body_digest != two.body_digest


def test_a_page_redone_without_reading_its_file_again_still_has_its_body(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(openings.content.content_files, "SETTLED_NS", 0)
    content = make_content(tmp_path, {"clerk.md": posting("Clerk", deadline="2026-12-01")})
    out = tmp_path / "build" / "site"
    build_site(content, out, LAYOUTS, NOW, search=False)
    later = datetime.fromisoformat("2026-12-02T09:00:00-05:00")
    build_site(content, out, LAYOUTS, later, search=False)
    page = (out / "jobs/clerk/index.html").read_text()
    assert 'data-status="closed"' in page
    assert BODY in page
    clean = tmp_path / "clean" / "site"
    build_site(content, clean, LAYOUTS, later, search=False, cache=False)
    assert page == (clean / "jobs/clerk/index.html").read_text()


def test_a_posting_changed_while_the_site_is_built_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    content = make_content(tmp_path, {"clerk.md": posting("Clerk")})
    bodies = Bodies.beside(tmp_path / "out" / "site", ".site.staging-")
    _, plan, _ = gather(content, NOW, False, first=FirstPass(NOW, bodies))
    bodies.remove()
    start_worker(LAYOUTS, None, None, None, tmp_path / "staging")  # type: ignore[arg-type]
    (content / "clerk.md").write_text(posting("Clerk").replace(BODY, "Different words."))
    with pytest.raises(OutputError, match="changed while the site was being built"):
        body_of(plan.units[0], None)


def test_the_posting_rules_refuse_a_posting_without_its_body(tmp_path: Path) -> None:
    content = make_content(tmp_path, {"clerk.md": posting("Clerk")})
    full, _ = load_content(content)
    assert full is not None
    with pytest.raises(ValueError, match="need the posting's body"):
        posting_problems(slim(full.postings[0]), full.site)


def test_no_store_of_bodies_is_left_beside_the_site(tmp_path: Path) -> None:
    content = make_content(tmp_path, {"clerk.md": posting("Clerk")})
    out = tmp_path / "build" / "site"
    build_site(content, out, LAYOUTS, NOW, search=False)
    broken = tmp_path / "layouts"
    shutil.copytree(LAYOUTS, broken)
    (broken / "posting.html").write_text(
        "{% extends 'base.html' %}{% block main %}{{ missing.name }}{% endblock %}")
    with pytest.raises(Exception, match="missing"):
        build_site(content, out, broken, NOW, search=False)
    assert sorted(p.name for p in out.parent.iterdir()) == [".cache", "site"]

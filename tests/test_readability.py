"""Plain-language hints (warnings only): long sentences, passive voice, jargon, reading grade."""

from __future__ import annotations

from pathlib import Path

from accessibility import check_readability
from openings.content.load import load_content
from openings.errors import WARNING
from tests.conftest import SITE_YML, make_content, posting

LONG = " ".join(["word"] * 30)


def hints(tmp_path: Path, body: str, lang: str = "en", site_yml: str = SITE_YML) -> list[str]:
    """The readability hints for one posting with the given body, as `LINE: message`."""
    folder = make_content(tmp_path, {"job.md": posting(lang=lang).replace(
        "## About the job\n\nYou will help people.\n", body)}, site_yml)
    content, problems = load_content(folder)
    assert content is not None and problems == []
    found = check_readability(content.postings, content.site)
    assert all(p.severity == WARNING for p in found)
    return [f"{p.line}: {p.message}" for p in found]


def test_a_sentence_over_30_words_is_named_at_its_line(tmp_path: Path) -> None:
    [hint] = hints(tmp_path, f"A short one.\n{LONG} more.\n")
    assert hint.startswith("23: the sentence") and "has 31 words" in hint
    assert hints(tmp_path / "ok", f"{' '.join(['word'] * 29)} more.\n") == []


def test_many_passive_sentences_get_a_hint_in_english(tmp_path: Path) -> None:
    body = ("Applications are reviewed by the panel. Candidates are selected in March. "
            "Offers are made in April. You will join a team.\n")
    [hint] = hints(tmp_path, body)
    assert "3 of 4 sentences use the passive voice" in hint and "are reviewed" in hint
    active = "The panel reviews applications. We choose people in March. We call you.\n"
    assert hints(tmp_path / "ok", active) == []


def test_many_passive_sentences_get_a_hint_in_french(tmp_path: Path) -> None:
    body = ("Les candidatures sont examinées par le comité. Les personnes sont choisies en "
            "mars. Les offres sont envoyées en avril.\n")
    [hint] = hints(tmp_path, body, lang="fr")
    assert "3 of 3 sentences use the passive voice" in hint
    active = "Le comité examine les candidatures. Nous choisissons en mars. Nous appelons.\n"
    assert hints(tmp_path / "ok", active, lang="fr") == []


def test_words_on_the_sites_jargon_list_are_named_where_they_appear(tmp_path: Path) -> None:
    settings = SITE_YML + "jargon: [leverage, synergy]\n"
    found = hints(tmp_path, "We leverage data.\n\nNo jargon here.\n\nSynergy!\n", site_yml=settings)
    assert [hint.split(":")[0] for hint in found] == ["22", "26"]
    assert "“leverage” is on this site's jargon list" in found[0]
    assert hints(tmp_path / "ok", "We use data.\n", site_yml=settings) == []


def test_a_posting_written_above_grade_10_gets_an_estimate(tmp_path: Path) -> None:
    dense = ("The incumbent operationalizes interdepartmental accountability frameworks, "
             "institutionalizing evidence-informed organizational transformation across "
             "multidisciplinary governmental jurisdictions. ") * 5
    [hint] = hints(tmp_path, dense + "\n")
    assert hint.startswith("22: the posting reads at grade 18 or above")
    plain = "You will help people. We work as a team. You will learn a lot. " * 8
    assert hints(tmp_path / "ok", plain + "\n") == []


def test_a_big_site_gets_every_hint_on_two_processes(tmp_path: Path) -> None:
    long = f"{LONG} more.\n"
    files = {f"job-{n:03}.md": posting(f"Analyst {n}").replace(
        "## About the job\n\nYou will help people.\n", long if n % 5 == 0 else "We call you.\n")
        for n in range(210)}  # more than the pool's SMALL: the postings go to workers
    content, problems = load_content(make_content(tmp_path, files))
    assert content is not None and problems == []
    found = check_readability(content.postings, content.site, jobs=2)
    assert found == check_readability(content.postings, content.site, jobs=1)
    assert [Path(p.path).name for p in found] == [f"job-{n:03}.md" for n in range(0, 210, 5)]

"""Properties that hold for every input, checked on generated ones (Hypothesis, derandomized
so every run tries the same examples; a bounded number of each)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import html5lib
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openings import check_site, render_site
from openings.build.publish import inside
from openings.content.config import load_site
from openings.content.load import load_posting
from openings.content.markdown import render
from openings.content.places import slugify
from openings.errors import ERROR
from openings.model import TERM_TYPES, Site, Status
from openings.pages.views import mailto
from openings.time.timeline import END_OF_DAY, parse_moment, status
from tests.conftest import LAYOUTS, NOW, SITE_YML

SETTINGS = settings(derandomize=True, deadline=None, database=None, max_examples=150,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])
SLUG = re.compile(r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$")
ZONES = ["America/Toronto", "America/St_Johns", "America/Vancouver", "America/Regina",
         "Europe/London", "Australia/Lord_Howe", "Pacific/Chatham", "UTC"]
ORDER = {Status.OPEN: 0, Status.CLOSING_SOON: 1, Status.CLOSED: 2}


@cache
def site() -> Site:
    """The test site's settings, loaded once."""
    loaded, problems = load_site("site.yml", SITE_YML.encode())
    assert loaded is not None, problems
    return loaded


file_names = st.text(st.characters(exclude_characters="/\x00"), min_size=1, max_size=40)


@SETTINGS
@given(file_names)
def test_any_file_name_gives_a_safe_stable_slug_inside_the_output(name: str) -> None:
    slug = slugify(name)
    assert SLUG.match(slug), slug
    assert slugify(slug) == slug and slugify(name) == slug
    if slug:
        root = Path("/out")
        assert inside(root, f"jobs/{slug}/index.html").parent.parent == root / "jobs"


@SETTINGS
@given(file_names)
def test_any_file_name_loads_or_says_to_rename_it(name: str) -> None:
    text = Path(__file__).with_name("hostile").joinpath("word-paste.md").read_bytes()
    posting, problems = load_posting(Path(f"{name}.md"), text, site())
    if posting is None:
        assert [p.line for p in problems] == [1] and "rename the file" in problems[0].message
    else:
        assert posting.slug == slugify(name) and SLUG.match(posting.slug)


deadline_texts = st.one_of(
    st.dates(min_value=datetime(1990, 1, 1).date(), max_value=datetime(2100, 1, 1).date())
    .map(lambda d: d.isoformat()),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1))
    .map(lambda d: d.replace(microsecond=0).isoformat(sep=" ")),
)


@SETTINGS
@given(deadline_texts, st.sampled_from(ZONES), st.integers(0, 30),
       st.lists(st.integers(-400 * 86400, 400 * 86400), min_size=2, max_size=8))
def test_status_never_goes_back_once_closed_and_closes_exactly_at_the_deadline(
        text: str, zone_name: str, days: int, offsets: list[int]) -> None:
    zone = ZoneInfo(zone_name)
    moment = parse_moment(text, zone, END_OF_DAY)
    if isinstance(moment, str):
        assert "does not exist" in moment
        return
    deadline = moment.at
    statuses = [status(deadline, deadline + timedelta(seconds=s), days, zone)
                for s in sorted(offsets)]
    assert [ORDER[s] for s in statuses] == sorted(ORDER[s] for s in statuses)
    second = timedelta(seconds=1)
    assert status(deadline, deadline - second, days, zone) is not Status.CLOSED
    assert status(deadline, deadline, days, zone) is Status.CLOSED
    assert status(deadline, deadline + second, days, zone) is Status.CLOSED


@SETTINGS
@given(st.binary(max_size=3000))
def test_random_bytes_never_crash_the_loader(data: bytes) -> None:
    posting, problems = load_posting(Path("random.md"), data, site())
    assert posting is not None or problems
    assert all(p.path == "random.md" and p.line >= 1 and p.message for p in problems)


yamlish = st.text(st.sampled_from(list("abc :-'\"[]{}&*!|>#%@`,?\t\n\r\\~0123456789é\u200b\ufeff")),
                  max_size=300)


@SETTINGS
@given(yamlish, yamlish)
def test_random_front_matter_never_crashes_the_loader(head: str, body: str) -> None:
    data = f"---\ntitle: x\n{head}\n---\n{body}".encode()
    posting, problems = load_posting(Path("random.md"), data, site())
    assert posting is not None or problems
    assert all(p.path == "random.md" and p.line >= 1 and p.message for p in problems)


words = st.text(st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="\u2028\u2029"),
                min_size=1, max_size=50).filter(lambda s: s.strip() != "")
fields = st.fixed_dictionaries({
    "title": words, "organization": words,
    "location": st.sampled_from(["Toronto, Ontario", "Sudbury (Ontario)", "Remote", "Ottawa"]),
    "term": st.fixed_dictionaries({"type": st.sampled_from(TERM_TYPES)}),
    "hours": st.fixed_dictionaries({"per_week": st.integers(1, 60)}),
    "salary": st.integers(20_000, 150_000).flatmap(lambda low: st.fixed_dictionaries({
        "min": st.just(low), "max": st.integers(low, low + 20_000), "per": st.just("year")})),
    "posted": st.dates(datetime(2026, 1, 1).date(), datetime(2026, 11, 28).date()),
    "deadline": st.dates(datetime(2026, 12, 1).date(), datetime(2027, 6, 1).date()),
    "contact": st.fixed_dictionaries({"email": st.just("jobs@example.ca")}),
    "existing_vacancy": st.booleans(), "ai_screening": st.booleans(),
})


@settings(SETTINGS, max_examples=20)
@given(fields, st.text(max_size=400))
def test_random_well_typed_postings_always_build(
        tmp_path_factory: pytest.TempPathFactory, values: dict[str, object], body: str) -> None:
    folder = tmp_path_factory.mktemp("typed")
    content = folder / "content"
    content.mkdir()
    (content / "site.yml").write_text(SITE_YML, encoding="utf-8")
    (content / "job.md").write_text("---\n" + yaml.safe_dump(values, allow_unicode=True)
                                    + "---\n" + body, encoding="utf-8")
    errors = [p for p in check_site(content, NOW) if p.severity == ERROR]
    assert errors == []
    built = dict(render_site(content, LAYOUTS, NOW))
    page = built["jobs/job/index.html"].decode("utf-8")
    html5lib.HTMLParser(strict=True).parse(page)
    assert "<h1>" in page and page.count("<h1") == 1


FRAGMENTS = ["# ", "## ", "###### ", "\n", "\n\n", "- ", "1. ", "> ", "```", "    ",
             "|a|b|\n|-|-:|\n",
             "*", "_", "`", "[", "](", ")", "<", ">", "&", "<script>", "</script>", "<img src=x "
             "onerror=alert(1)>", "javascript:alert(1)", "[x](javascript:alert(1))",
             "[x](JaVaScRiPt:alert(1))", "[x](java\nscript:x)", "<javascript:x>",
             "[x](data:text/html,<b>)", "![i](https://tracker.example/p.gif)", "<https://a.ca>",
             "http://b.ca", "&#106;avascript:", "&lt;", "Title\n===\n", "---\n", "\\", "<!-- -->",
             "<a href=\"javascript:x\">", "[ref]: javascript:x\n[ref]", "é", "\u200b", "\ufeff"]
markdown_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)),
                         max_size=40).map("".join)
ALLOWED_TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "em", "strong", "code",
                "pre", "blockquote", "hr", "br", "div", "table", "thead", "tbody", "tr", "th",
                "td", "img"}
OTHER_SITE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)")


def assert_safe_html(html: str) -> None:
    """Only the tags of prose, no event handler, no h1, safe link targets, no outside image."""
    fragment = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parseFragment(html)
    for element in fragment.iter():
        if not isinstance(element.tag, str) or element is fragment:
            continue
        assert element.tag in ALLOWED_TAGS, (element.tag, html)
        assert not [name for name in element.attrib if name.lower().startswith("on")], html
        href = "".join(element.get("href", "").split()).lower()
        assert not OTHER_SITE.match(href) or href.startswith(
            ("http:", "https:", "mailto:", "//")), (href, html)
        assert not OTHER_SITE.match("".join(element.get("src", "").split()).lower()), html


@SETTINGS
@given(markdown_text)
def test_random_markdown_never_yields_an_h1_a_raw_tag_or_an_unsafe_link(text: str) -> None:
    assert_safe_html(render(text)[0])


@SETTINGS
@given(st.text(max_size=80), st.sampled_from(["jobs@example.ca", "o'brien+hr@example.ca"]))
def test_a_mailto_subject_is_encoded_so_nothing_breaks_out_of_the_link(
        subject: str, email: str) -> None:
    link = mailto(email, subject)
    assert re.fullmatch(r"mailto:[A-Za-z0-9@%._~-]+(\?subject=[A-Za-z0-9%._~-]+)?", link), link
    address, _, query = link.removeprefix("mailto:").partition("?")
    assert unquote(address) == email
    assert unquote(query.removeprefix("subject=")) == subject

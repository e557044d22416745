"""What a reader does with the built site in a real browser, and notices when it breaks.

Filters and sorting on the home page (and the address that keeps them), the sentence that names
the order, "closing soon only", the empty result and "Clear all filters", the whole journey by
keyboard, search in English and French (results as cards that show the facts and turn over with
the clock, standing in for the list), the status turning over at the closing-soon threshold and
at the deadline (Playwright's clock), the countdown, the site without JavaScript, the closed-job
finder, the print / copy-link buttons, axe-core on the states only script produces, a
600-posting site, and two screenshots of the filters for docs/.

The golden site, server, Chromium and opener are the shared ones of tests/browser.py; the axe
and focus helpers those of tests/test_browser.py. With the golden content at tests.golden.NOW
(2026-11-30T09:00-05:00) the English home lists two jobs, soonest deadline first:

    Web Developer  closing soon  remote, Golden Digital Service, permanent, $110,000 a year top,
                   posted 2026-11-20, deadline 2026-12-02 23:59, closing soon from 2026-11-29 23:59
    Data Analyst   open          Toronto + hybrid, Golden Public Service, temporary, $45.10 an
                   hour (85,013 a year), posted 2026-11-02, deadline 2026-12-15 17:00, closing
                   soon from 2026-12-12 17:00

and the French home Analyste des données (the French version of Data Analyst) and Web Developer
(through its French stand-in). The two orders a sort can make of the two English cards coincide,
so sorting is tested on the 600-posting site built by bench/generate.py (a module fixture),
which the scale, finder and search-count tests share.

Run time, measured in the whole suite on two workers: the module's tests take about 200 s of
test time, 2-4 s a test while the other worker runs browsers too (about 1 s alone: a new page
in the shared context, or a context of its own wherever a test moves the clock), plus about
9 s once to generate and build the 600 postings.

Screenshots: test_screenshot_home_with_a_filter takes its pictures in a temporary folder;
`make screenshots` writes the committed ones in docs/screenshots/.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from html.parser import HTMLParser
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import pytest

from openings import build_site
from tests.browser import (
    AXE,
    CHROMIUM,
    LOCAL_HOST,
    ROOT,
    STATUS_WORDS,
    Opener,
    Visit,
    _QuietHandler,
    inject_axe,
    wait_until,
)
from tests.golden import LAYOUTS

if not CHROMIUM.exists() or not AXE.exists():
    pytest.skip(f"browser tests need {CHROMIUM} and {AXE} (CI installs both)",
                allow_module_level=True)

from tests.test_browser import AXE_OPTIONS, RUN_AXE, focused, tab_until

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

SCALE_NOW = datetime.fromisoformat("2026-11-29T12:00:00-05:00")
SCALE_POSTINGS = 600

LIVE = '[data-listing="live"] > [data-deadline]'
WD, DA, FR_DA = "Web Developer", "Data Analyst", "Analyste des données"
HOME_ORDER = [WD, DA]            # soonest deadline first
TOTAL = len(HOME_ORDER)

# What each filter select offers on the English home and the cards each choice leaves.
FILTERS: dict[str, dict[str, list[str]]] = {
    "locations": {"toronto": [DA]},
    "arrangements": {"hybrid": [DA], "remote": [WD]},
    "organizations": {"golden-digital-service": [WD], "golden-public-service": [DA]},
    "terms": {"permanent": [WD], "temporary": [DA]},
    "salary": {"40000": [WD, DA], "60000": [WD, DA], "80000": [WD, DA],
               "100000": [WD], "120000": []},
}
# The facet pages each language's home links to, and the postings each lists.
FACETS: dict[str, dict[str, list[str]]] = {
    "": {"arrangements/hybrid/": [DA], "arrangements/remote/": [WD], "locations/toronto/": [DA],
         "organizations/golden-digital-service/": [WD],
         "organizations/golden-public-service/": [DA],
         "terms/permanent/": [WD], "terms/temporary/": [DA]},
    "fr/": {"fr/arrangements/hybrid/": [FR_DA], "fr/arrangements/remote/": [WD],
            "fr/locations/toronto/": [FR_DA],
            "fr/organizations/golden-digital-service/": [WD],
            "fr/organizations/golden-public-service/": [FR_DA],
            "fr/terms/permanent/": [WD], "fr/terms/temporary/": [FR_DA]},
}

# The golden postings' moments (America/Toronto is UTC-5 in December).
WD_DEADLINE = datetime.fromisoformat("2026-12-02T23:59:00-05:00")
DA_DEADLINE = datetime.fromisoformat("2026-12-15T17:00:00-05:00")
DA_SOON = datetime.fromisoformat("2026-12-12T17:00:00-05:00")
SECOND = timedelta(seconds=1)
NO_MATCH = "No jobs match these filters."
TICK = 30_000   # status.js re-reads the clock every 30 s

SHOWN_TITLES = """(selector) => [...document.querySelectorAll(selector)]
  .filter(item => !item.hidden && item.checkVisibility())
  .map(item => item.querySelector("h2").textContent.trim())"""


# --- helpers ----------------------------------------------------------------------------------


Reader = Callable[..., Visit]


@pytest.fixture
def reader(open_page: Opener, site_url: str) -> Reader:
    """Open any address of the site (or of `base`) in a new page (see `browser.opening`).

    `reader(path, at=None, ticking=False, base=None, width=1280, height=720, own=False)` ->
    Visit. The opener pins the page clock to the golden build's moment; `at` moves it before
    the page loads: frozen there (timers run in real time), or, with `ticking=True`, paused there
    under Playwright's fake timers so the test moves time on with `page.clock.run_for` /
    `pause_at` and status.js's 30-second update fires when the test says.
    """
    def go(path: str, *, at: datetime | None = None, ticking: bool = False,
           base: str | None = None, width: int = 1280, height: int = 720,
           own: bool = False) -> Visit:
        return open_page(address=(base or site_url) + path, at=at, ticking=ticking,
                         width=width, height=height, own=own)

    return go


@pytest.fixture
def own_context(chromium: Browser) -> Iterator[Callable[..., tuple[BrowserContext, list[str]]]]:
    """A context the shared opener cannot make (script off, another time zone), other hosts
    aborted as there. Returns (context, requests to other hosts)."""
    contexts: list[BrowserContext] = []

    def make(**options: Any) -> tuple[BrowserContext, list[str]]:
        settings = {"viewport": {"width": 1280, "height": 720},
                    "timezone_id": "America/Toronto", "locale": "en-CA", **options}
        context = chromium.new_context(**settings)
        contexts.append(context)
        context.set_default_timeout(15_000)
        offsite: list[str] = []

        def route(route: Any) -> None:
            if urlsplit(route.request.url).hostname not in (LOCAL_HOST, None):
                offsite.append(route.request.url)
                route.abort("blockedbyclient")
            else:
                route.continue_()

        context.route("**/*", route)
        return context, offsite

    try:
        yield make
    finally:
        for context in contexts:
            context.close()


def shown(page: Page, selector: str = LIVE) -> list[str]:
    """Titles of the cards a reader can see, top to bottom."""
    titles: list[str] = page.evaluate(SHOWN_TITLES, selector)
    return titles


def count_text(page: Page) -> str:
    return " ".join((page.locator("[data-filter-count]").text_content() or "").split())


def showing(shown_count: int, total: int) -> str:
    return f"Showing {shown_count} of {total} jobs."


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def search(page: Page, words: str) -> str:
    """Type words into the search box, submit with Enter, wait for the announced result."""
    status = page.locator("[data-search-status]")
    page.evaluate("document.querySelector('[data-search-status]').textContent = ''")
    page.fill("#search-words", words)
    page.press("#search-words", "Enter")
    wait_until(page, "document.querySelector('[data-search-status]').textContent !== ''")
    return " ".join((status.text_content() or "").split())


def some(page: Page, count: int, words: str) -> str:
    """The search status for `count` results, from the page's own template (one or many)."""
    attribute = "data-one" if count == 1 else "data-some"
    template = page.locator("[data-search-status]").get_attribute(attribute) or ""
    return " ".join(template.replace("{count}", str(count)).replace("{words}", words).split())


def result_links(page: Page) -> list[tuple[str, str]]:
    links = page.locator("[data-search-results] a")
    return [(" ".join((a.text_content() or "").split()), a.evaluate("a => a.href"))
            for a in links.all()]


def status_words(page: Page, within: str = "article") -> str:
    return " ".join((page.locator(f"{within} [data-status]").first.text_content() or "").split())


def assert_no_axe_violations(page: Page, what: str) -> None:
    inject_axe(page)
    violations = page.evaluate(RUN_AXE, AXE_OPTIONS)
    if violations:
        lines = [f"{v['id']} ({v['impact']}): {v['help']}\n" + "\n".join(
            f"    {' '.join(map(str, n['target']))}: {' '.join(n['summary'].split())}"
            for n in v["nodes"]) for v in violations]
        pytest.fail(f"{what}: axe-core found {len(violations)} violation(s):\n"
                    + "\n".join(lines), pytrace=False)


def live_postings(site: Path, lang: str) -> list[dict[str, Any]]:
    """The open and closing-soon postings of one language, from the built jobs.json."""
    data = json.loads((site / "jobs.json").read_text(encoding="utf-8"))
    return [p for p in data["postings"] if p["lang"] == lang and p["status"] != "closed"]


def home_postings(site: Path, lang: str) -> list[dict[str, Any]]:
    """What a language's home lists (SPEC §5): its live postings, and every other live posting
    with no version in that language (through its stand-in)."""
    data = json.loads((site / "jobs.json").read_text(encoding="utf-8"))
    live = [p for p in data["postings"] if p["status"] != "closed"]
    own = {p["job_id"] for p in live if p["lang"] == lang and p["job_id"]}
    others = {p["job_id"] or p["url"]: p for p in live
              if p["lang"] != lang and (not p["job_id"] or p["job_id"] not in own)}
    return [p for p in live if p["lang"] == lang] + list(others.values())


class _Cards(HTMLParser):
    """The cards of a built listing page, in page order: their data attributes (without
    "data-"), "title", "href" and the "status" the build wrote."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[dict[str, str]] = []
        self._title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "li" and "data-deadline" in values:
            self.cards.append({k.removeprefix("data-"): v for k, v in values.items()
                               if k.startswith("data-")} | {"title": ""})
        elif tag == "h2" and self.cards and "job-card__title" in values.get("class", ""):
            self._title = True
        elif tag == "a" and self._title:
            self.cards[-1]["href"] = values.get("href", "")
        elif "data-status" in values and self.cards and "status" not in self.cards[-1]:
            self.cards[-1]["status"] = values["data-status"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2":
            self._title = False

    def handle_data(self, data: str) -> None:
        if self._title:
            self.cards[-1]["title"] += data.strip()


def built_cards(page_file: Path) -> list[dict[str, str]]:
    parser = _Cards()
    parser.feed(page_file.read_text(encoding="utf-8"))
    return parser.cards


# --- the 600-posting site -----------------------------------------------------------------


@pytest.fixture(scope="session")
def scale_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """bench/generate.py's 600 postings, built (with search) at SCALE_NOW, once per worker:
    its tests are one group (`xdist_group`), but the worker may run other modules' tests
    between them, which would end a module's fixture."""
    spec = importlib.util.spec_from_file_location("bench_generate",
                                                  ROOT / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    folder = tmp_path_factory.mktemp("scale")
    generate.generate(SCALE_POSTINGS, folder / "content")
    build_site(folder / "content", folder / "site", LAYOUTS, SCALE_NOW)
    return folder / "site"


@pytest.fixture(scope="session")
def scale_url(scale_site: Path) -> Iterator[str]:
    """The 600-posting site served on 127.0.0.1 like the golden one."""
    handler = functools.partial(_QuietHandler, directory=str(scale_site))
    server = ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# --- 10. screenshots ------------------------------------------------------------------------


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (320, 640)])
def test_screenshot_home_with_a_filter(reader: Reader, width: int, height: int,
                                       tmp_path: Path) -> None:
    """The home page filtered to Toronto, photographed as `make screenshots` does. Not
    compared."""
    page = reader("?locations=toronto", width=width, height=height).page
    page.evaluate("document.fonts.ready")
    shot = tmp_path / f"home-filters-{width}.png"
    page.screenshot(path=shot, full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shown(page) == [DA], "the screenshot does not show the filtered list"


# --- 1. filters -----------------------------------------------------------------------------


def test_home_starts_unfiltered(reader: Reader) -> None:
    page = reader("").page
    assert page.locator("[data-filters]").is_visible(), "filters.js did not show the filters"
    assert shown(page) == HOME_ORDER
    assert count_text(page) == showing(TOTAL, TOTAL)
    assert page.locator("[data-filter-count]").get_attribute("role") == "status"


@pytest.mark.parametrize("field", list(FILTERS))
def test_each_filter_choice_narrows_the_list(reader: Reader, field: str) -> None:
    page = reader("").page
    select = page.locator(f'[data-filters] select[name="{field}"]')
    offered = [v for v in select.locator("option").evaluate_all("o => o.map(x => x.value)") if v]
    assert offered == list(FILTERS[field]), f"{field}: the select offers {offered}"
    for value, expected in FILTERS[field].items():
        select.select_option(value)
        assert shown(page) == expected, f"{field}={value}: shows {shown(page)}"
        assert count_text(page) == (showing(len(expected), TOTAL) if expected
                                    else NO_MATCH), f"{field}={value}"
        assert query(page) == {field: [value]}, f"{field}={value}: address {page.url}"
    select.select_option("")
    assert shown(page) == HOME_ORDER
    assert count_text(page) == showing(TOTAL, TOTAL)
    assert urlsplit(page.url).query == "", f"back to Any, the address still says {page.url}"


def test_filters_combine(reader: Reader) -> None:
    page = reader("").page
    page.select_option("#filter-locations", "toronto")
    page.select_option("#filter-salary", "80000")
    assert shown(page) == [DA]
    page.select_option("#filter-organizations", "golden-digital-service")
    assert shown(page) == []
    assert count_text(page) == NO_MATCH
    assert query(page) == {"locations": ["toronto"], "organizations": ["golden-digital-service"],
                           "salary": ["80000"]}


def test_no_match_says_so_and_clear_all_filters_brings_every_job_back(reader: Reader) -> None:
    page = reader("?terms=permanent&sort=salary").page
    clear = page.locator("[data-filter-clear]")
    page.select_option("#filter-locations", "toronto")
    assert shown(page) == []
    assert count_text(page) == NO_MATCH
    assert page.locator("[data-filter-count]").get_attribute("role") == "status"
    assert clear.is_visible() and clear.text_content() == "Clear all filters"
    assert_no_axe_violations(page, "the home page when no job matches the filters")
    clear.click()
    assert shown(page) == HOME_ORDER
    assert count_text(page) == showing(TOTAL, TOTAL)
    assert urlsplit(page.url).query == "", f"the address still holds a choice: {page.url}"
    for field in ("locations", "arrangements", "organizations", "terms", "salary"):
        assert page.locator(f"#filter-{field}").input_value() == "", field
    assert page.locator("#filter-sort").input_value() == "deadline"
    assert not page.locator("#filter-soon").is_checked()
    assert clear.is_hidden(), "nothing is left to clear, yet the button stays"
    assert _active_id(page) == "filter-locations", "the focus was lost with the button"


def test_the_sentence_under_the_title_follows_the_sort(reader: Reader) -> None:
    page = reader("?sort=newest").page
    sentence = page.locator("[data-sort-sentence]")
    assert sentence.text_content() == "Jobs you can apply for now, newest first."
    page.select_option("#filter-sort", "salary")
    assert sentence.text_content() == "Jobs you can apply for now, highest pay first."
    page.select_option("#filter-sort", "deadline")
    assert sentence.text_content() == "Jobs you can apply for now, soonest deadline first."
    page.go_back()
    wait_until(page, "document.querySelector('#filter-sort').value === 'salary'")
    assert sentence.text_content() == "Jobs you can apply for now, highest pay first."


def test_the_pay_filter_keeps_a_job_whose_range_reaches_the_amount(reader: Reader) -> None:
    # Data Analyst pays $38.50 to $45.10 an hour at 36.25 hours a week: $72,572 to $85,013 a
    # year. Its pay can reach $80,000, so it stays; $100,000 it cannot.
    page = reader("").page
    label = page.locator('label[for="filter-salary"]').text_content() or ""
    assert label == "Pay can reach at least (a year)"
    page.select_option("#filter-salary", "80000")
    assert DA in shown(page)
    page.select_option("#filter-salary", "100000")
    assert DA not in shown(page)


def test_back_button_restores_the_previous_filter(reader: Reader) -> None:
    page = reader("").page
    page.select_option("#filter-terms", "permanent")
    page.select_option("#filter-terms", "temporary")
    assert shown(page) == [DA]

    page.go_back()
    wait_until(page, "document.querySelector('#filter-terms').value === 'permanent'")
    assert query(page) == {"terms": ["permanent"]}
    assert shown(page) == [WD]
    assert count_text(page) == showing(1, TOTAL)

    page.go_back()
    wait_until(page, "document.querySelector('#filter-terms').value === ''")
    assert urlsplit(page.url).query == ""
    assert shown(page) == HOME_ORDER
    assert count_text(page) == showing(TOTAL, TOTAL)

    page.go_forward()
    wait_until(page, "document.querySelector('#filter-terms').value === 'permanent'")
    assert shown(page) == [WD]


def test_an_address_with_a_query_applies_it(reader: Reader) -> None:
    page = reader("?terms=temporary").page
    assert page.locator("#filter-terms").input_value() == "temporary"
    assert shown(page) == [DA]
    assert count_text(page) == showing(1, TOTAL)


def test_a_shared_address_with_every_field_is_restored(reader: Reader) -> None:
    page = reader("?arrangements=remote&salary=100000&soon=1&sort=newest").page
    assert page.locator("#filter-arrangements").input_value() == "remote"
    assert page.locator("#filter-salary").input_value() == "100000"
    assert page.locator("#filter-soon").is_checked()
    assert page.locator("#filter-sort").input_value() == "newest"
    assert shown(page) == [WD]
    assert count_text(page) == showing(1, TOTAL)


# --- 2. sorting (on the 600-posting site: the golden cards sort the same every way) -------


def _card_facts(page: Page) -> list[dict[str, Any]]:
    facts: list[dict[str, Any]] = page.evaluate("""(selector) =>
        [...document.querySelectorAll(selector)].filter(item => item.checkVisibility())
          .map(item => ({title: item.querySelector("h2").textContent.trim(),
                         posted: Date.parse(item.dataset.posted),
                         deadline: Date.parse(item.dataset.deadline),
                         salary: Number(item.dataset.salary)}))""", LIVE)
    return facts


@pytest.mark.xdist_group("scale_site")
@pytest.mark.parametrize(("sort", "key", "descending"),
                         [("newest", "posted", True), ("salary", "salary", True)],
                         ids=["newest", "salary"])
def test_sorting_reorders_the_cards(reader: Reader, scale_site: Path, scale_url: str,
                                    sort: str, key: str, descending: bool) -> None:
    page = reader("", at=SCALE_NOW, base=scale_url).page
    before = _card_facts(page)
    assert [c["deadline"] for c in before] == sorted(c["deadline"] for c in before), \
        "the home does not start soonest deadline first"
    page.select_option("#filter-sort", sort)
    after = _card_facts(page)
    assert sorted(c["title"] for c in after) == sorted(c["title"] for c in before), \
        "sorting changed which cards are shown"
    values = [c[key] for c in after]
    assert values == sorted(values, reverse=descending), \
        f"sort={sort}: the cards are not by {key}, highest first: {values[:10]} ..."
    assert values != [c[key] for c in before], f"sort={sort} did not reorder anything"
    assert query(page) == {"sort": [sort]}
    # The built page agrees: the first card is the newest / best-paid live posting.
    cards = built_cards(scale_site / "index.html")
    best = max(cards, key=lambda c: (datetime.fromisoformat(c["posted"]).timestamp()
                                     if key == "posted" else float(c["salary"])))
    assert after[0][key] == (datetime.fromisoformat(best["posted"]).timestamp() * 1000
                             if key == "posted" else float(best["salary"]))

    page.select_option("#filter-sort", "deadline")
    again = [c["deadline"] for c in _card_facts(page)]
    assert again == sorted(again), "back to closing date, the cards are not soonest first"
    assert urlsplit(page.url).query == ""


def test_sorting_the_golden_home(reader: Reader) -> None:
    page = reader("").page
    for sort in ("newest", "salary", "deadline"):
        page.select_option("#filter-sort", sort)
        assert shown(page) == [WD, DA], f"sort={sort}"   # WD is newer, better paid, sooner
    page.select_option("#filter-locations", "toronto")
    page.select_option("#filter-sort", "salary")
    assert shown(page) == [DA]


# --- 3. closing soon only -------------------------------------------------------------------


def test_closing_soon_only(reader: Reader) -> None:
    page = reader("").page
    page.check("#filter-soon")
    assert shown(page) == [WD]
    assert count_text(page) == showing(1, TOTAL)
    assert query(page) == {"soon": ["1"]}
    for item in page.locator(LIVE).all():
        if item.is_visible():
            assert item.locator("[data-status]").get_attribute("data-status") == "closing-soon"
    page.uncheck("#filter-soon")
    assert shown(page) == HOME_ORDER


def test_closing_soon_only_follows_the_readers_clock(reader: Reader) -> None:
    # The build wrote Data Analyst "open"; a second after its closing-soon threshold status.js
    # makes it closing soon (and has dropped Web Developer, closed on 2 December): it counts.
    page = reader("?soon=1", at=DA_SOON + SECOND).page
    assert shown(page) == [DA]
    assert count_text(page) == showing(1, 1)


# --- 4. keyboard only -----------------------------------------------------------------------


def _active_id(page: Page) -> str:
    value: str = page.evaluate("document.activeElement.id")
    return value


def test_filters_and_search_by_keyboard_alone(reader: Reader, site_url: str) -> None:
    page = reader("").page
    presses, path = tab_until(page, lambda f: f["tag"] == "select", 15)
    assert presses is not None, f"15 Tabs did not reach a filter select; went {path}"
    assert any(step.startswith("input") for step in path), \
        f"Tab from the top did not pass the search box; went {path}"
    assert _active_id(page) == "filter-locations", f"the first select reached is {path[-1]}"

    page.keyboard.press("ArrowDown")          # All locations -> Toronto
    assert _active_id(page) == "filter-locations", "focus left the select after a change"
    assert page.locator("#filter-locations").input_value() == "toronto"
    assert shown(page) == [DA] and count_text(page) == showing(1, TOTAL)
    page.keyboard.press("Tab")
    assert _active_id(page) == "filter-arrangements"
    page.keyboard.type("r")                   # type-ahead -> Remote: nothing left
    assert _active_id(page) == "filter-arrangements", "focus left the select after typing"
    assert shown(page) == [] and count_text(page) == NO_MATCH
    presses, path = tab_until(page, lambda f: f["text"] == "Clear all filters", 10)
    assert presses is not None, f"Tab did not reach “Clear all filters”; went {path}"
    page.keyboard.press("Enter")
    assert shown(page) == HOME_ORDER and urlsplit(page.url).query == ""
    assert _active_id(page) == "filter-locations", "clearing the filters lost the focus"

    # The search box sits before the filters: Shift+Tab back to it.
    for _ in range(4):
        if _active_id(page) == "search-words":
            break
        page.keyboard.press("Shift+Tab")
    assert _active_id(page) == "search-words", "Shift+Tab from the filters did not reach search"
    page.keyboard.type("plain")
    page.keyboard.press("Enter")
    wait_until(page, "document.querySelector('[data-search-status]').textContent !== ''")
    assert result_links(page) == [(DA, site_url + "jobs/data-analyst/")]
    assert _active_id(page) == "search-words", "submitting the search moved focus"

    presses, path = tab_until(page, lambda f: f["tag"] == "a"
                              and f["href"].endswith("jobs/data-analyst/"), 3)
    assert presses is not None, f"Tab from the search box did not reach the result; went {path}"
    assert focused(page)["text"] == DA
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "jobs/data-analyst/")
    assert page.locator("h1").text_content() == DA


# --- 5. search ------------------------------------------------------------------------------


@pytest.mark.parametrize(("home", "words", "expected", "none"), [
    ("fr/", "transformons", [(FR_DA, "fr/jobs/analyste-des-donnees/")], ""),
    ("", "transformons", [], "No open jobs match “transformons”."),
    ("", "plain", [(DA, "jobs/data-analyst/")], ""),
    ("fr/", "plain", [], "Aucun emploi ouvert ne correspond à « plain »."),
    ("", "Ottawa", [], "No open jobs match “Ottawa”."),       # only the closed posting says it
], ids=["fr-word-on-fr", "fr-word-on-en", "en-word-on-en", "en-word-on-fr", "closed-word"])
def test_search_finds_in_the_pages_language(reader: Reader, site_url: str, home: str,
                                            words: str, expected: list[tuple[str, str]],
                                            none: str) -> None:
    page = reader(home).page
    assert page.locator("[data-search]").is_visible(), "search.js did not show the search form"
    assert search(page, words) == (none or some(page, len(expected), words))
    assert page.locator("[data-search-status]").get_attribute("role") == "status"
    assert result_links(page) == [(title, site_url + path) for title, path in expected]


@pytest.mark.parametrize(("home", "words"), [("", "accessible"), ("", "data"),
                                             ("fr/", "données")], ids=["en-1", "en-2", "fr"])
def test_search_results_lead_to_their_postings(reader: Reader, home: str, words: str) -> None:
    page = reader(home).page
    search(page, words)
    links = result_links(page)
    assert links, f"{words!r} found nothing on /{home}"
    for title, href in links:
        response = page.request.get(href)
        assert response.ok, f"the result {title!r} links to {href}: HTTP {response.status}"
    title, href = links[0]
    page.locator("[data-search-results] a").first.click()
    page.wait_for_url(href)
    assert " ".join((page.locator("h1").text_content() or "").split()) == title


def result_facts(page: Page) -> list[dict[str, str]]:
    """What each search result says, as a reader sees it: its title, status in words, the
    words and the <time> of its deadline, and its facts by label."""
    facts: list[dict[str, str]] = page.evaluate("""() =>
      [...document.querySelectorAll("[data-search-results] > li")].map(item => {
        const words = el => el ? el.textContent.replace(/\\s+/g, " ").trim() : "";
        const time = item.querySelector("time");
        const found = {title: words(item.querySelector("h2")),
                       status: words(item.querySelector("[data-status]")),
                       state: item.querySelector("[data-status]").getAttribute("data-status"),
                       datetime: time ? time.getAttribute("datetime") : ""};
        item.querySelectorAll("dl > div").forEach(row => {
          found[words(row.querySelector("dt"))] = words(row.querySelector("dd"));
        });
        return found;
      })""")
    return facts


def test_search_results_show_the_cards_facts_instead_of_the_list(reader: Reader) -> None:
    page = reader("").page
    assert search(page, "plain") == "1 open job matches “plain”."
    [found] = result_facts(page)
    assert found == {"title": DA, "status": "Open", "state": "open",
                     "datetime": "2026-12-15T17:00:00-05:00",
                     "Organization": "Golden Public Service",
                     "Location": "Toronto, Ontario (two days a week in the office)",
                     "Salary": "$38.50 to $45.10 an hour",
                     "Apply by": found["Apply by"]}
    assert "December 15, 2026" in found["Apply by"]
    # The results stand in for the list: no list, filters or count about other jobs beside them.
    assert shown(page) == []
    assert page.locator("[data-filters]").is_hidden()
    assert page.locator("[data-filter-count]").is_hidden()
    page.locator("[data-search-clear]").click()
    assert shown(page) == HOME_ORDER and count_text(page) == showing(TOTAL, TOTAL)
    assert page.locator("[data-search-results] > li").count() == 0
    assert _active_id(page) == "search-words"


def test_a_search_result_is_closing_soon_when_the_readers_clock_says_so(reader: Reader) -> None:
    # The index was built when Data Analyst was open; its result tells the reader's moment.
    page = reader("", at=DA_SOON + SECOND).page
    search(page, "plain")
    assert [(r["title"], r["state"], r["status"]) for r in result_facts(page)] == [
        (DA, "closing-soon", "Closing soon")]


def test_a_search_result_turns_closed_at_its_deadline(reader: Reader) -> None:
    page = reader("", at=WD_DEADLINE - timedelta(minutes=1), ticking=True).page
    page.clock.run_for(1000)
    status = search(page, "developer")
    assert status == "1 open job matches “developer”."
    assert [(r["title"], r["state"]) for r in result_facts(page)] == [(WD, "closing-soon")]
    result = page.locator("[data-search-results] > li")
    assert result.locator("[data-countdown]").text_content() == "Closes today at 11:59 p.m."
    page.clock.pause_at(WD_DEADLINE + SECOND)
    page.clock.run_for(TICK)
    [found] = result_facts(page)
    assert (found["state"], found["status"]) == ("closed", "Closed")
    assert "Closed on" in found, f"the result still says when to apply by: {found}"
    assert result.locator("[data-countdown]").count() == 0


def test_search_leaves_out_a_posting_closed_since_the_build(reader: Reader) -> None:
    # On 2026-12-05 Web Developer has closed: status.js drops its card; the search index,
    # built on 2026-11-30, still has it. A reader should not be offered it as an open job.
    page = reader("", at=WD_DEADLINE + timedelta(days=3)).page
    assert shown(page) == [DA]
    search(page, "accessible")              # "Build accessible web services."
    titles = [title for title, _ in result_links(page)]
    assert WD not in titles, \
        f"search offers {WD!r}, closed on 2026-12-02, among open jobs: {titles}; status " \
        f"{page.locator('[data-search-status]').text_content()!r}"


# --- 6. the status turns over with the reader's clock ---------------------------------------


@pytest.mark.parametrize(("path", "lang", "today", "tomorrow"), [
    ("jobs/data-analyst/", "en", "Closes today at 5:00 p.m.", "Closes tomorrow at 5:00 p.m."),
    ("fr/jobs/analyste-des-donnees/", "fr", "Ferme aujourd’hui à 17 h 00",
     "Ferme demain à 17 h 00"),
], ids=["en", "fr"])
def test_posting_closes_at_its_deadline(reader: Reader, path: str, lang: str, today: str,
                                        tomorrow: str) -> None:
    words = STATUS_WORDS[lang]
    countdown = "[data-countdown]"
    # The day before, a second before midnight (Toronto), then midnight and 09:00 that day.
    page = reader(path, at=DA_DEADLINE - timedelta(hours=17, seconds=1), ticking=True).page
    assert page.locator(countdown).text_content() == tomorrow
    for moment in (DA_DEADLINE - timedelta(hours=17), DA_DEADLINE - timedelta(hours=8)):
        page.clock.pause_at(moment)
        page.reload()
        assert page.locator(countdown).text_content() == today, f"at {moment}"

    page.clock.pause_at(DA_DEADLINE - SECOND)
    page.reload()
    assert status_words(page) == words["closing-soon"]
    assert page.locator("[data-apply]").last.is_visible(), "the apply section went a second early"
    assert page.locator("[data-closed-notice]").is_hidden()
    assert page.locator(countdown).text_content() == today

    page.clock.pause_at(DA_DEADLINE + SECOND)
    page.clock.run_for(TICK)                # the next update
    assert status_words(page) == words["closed"], "not closed after the deadline"
    assert page.locator("[data-apply]").count() == 0, "the apply section is still there"
    assert page.locator("[data-closed-notice]").is_visible()
    assert page.locator(countdown).count() == 0
    label = page.locator(".status-box__deadline [data-closed-text]")
    assert label.text_content() == label.get_attribute("data-closed-text"), \
        "the deadline still says 'Apply by'"

    # Loaded a second after the deadline, the page is closed at once.
    page = reader(path, at=DA_DEADLINE + SECOND, ticking=True).page
    assert status_words(page) == words["closed"]
    assert page.locator("[data-apply]").count() == 0
    assert page.locator("[data-closed-notice]").is_visible()


def test_posting_turns_closing_soon_at_the_threshold(reader: Reader) -> None:
    page = reader("jobs/data-analyst/", at=DA_SOON - SECOND, ticking=True).page
    assert status_words(page) == "Open"
    assert page.locator("[data-countdown]").text_content() == "Closes in 3 days"
    page.clock.pause_at(DA_SOON + SECOND)
    page.clock.run_for(TICK)
    assert status_words(page) == "Closing soon"
    assert page.locator("[data-apply]").last.is_visible()
    page.reload()
    assert status_words(page) == "Closing soon"


def test_home_card_turns_closing_soon_at_the_threshold(reader: Reader) -> None:
    page = reader("", at=DA_SOON - SECOND, ticking=True).page
    card = page.locator(LIVE).filter(has_text=DA)
    assert card.locator("[data-status]").get_attribute("data-status") == "open"
    assert card.locator("[data-countdown]").text_content() == "Closes in 3 days"
    page.clock.pause_at(DA_SOON + SECOND)
    page.clock.run_for(TICK)
    assert card.locator("[data-status]").get_attribute("data-status") == "closing-soon"
    assert " ".join((card.locator("[data-status]").text_content() or "").split()) == \
        "Closing soon"


def test_home_drops_cards_at_their_deadlines(reader: Reader) -> None:
    page = reader("?terms=permanent", at=WD_DEADLINE - SECOND, ticking=True).page
    assert shown(page) == [WD]
    assert count_text(page) == showing(1, 2)
    assert page.locator(LIVE).filter(has_text=WD).locator("[data-countdown]").text_content() \
        == "Closes today at 11:59 p.m."

    page.clock.pause_at(WD_DEADLINE + SECOND)
    page.clock.run_for(TICK)
    assert page.locator(LIVE).count() == 1, "the closed card is still in the live listing"
    assert page.locator(LIVE).filter(has_text=WD).count() == 0
    assert count_text(page) == NO_MATCH, "the filter count did not follow"
    assert page.locator("[data-empty]").is_hidden()

    page.select_option("#filter-terms", "")
    assert shown(page) == [DA]
    page.clock.pause_at(DA_DEADLINE + SECOND)
    page.clock.run_for(TICK)
    assert page.locator(LIVE).count() == 0
    assert page.locator("[data-empty]").is_visible(), "the last card went and no message says so"
    assert page.locator("[data-filters]").is_hidden(), "filters are offered over nothing"
    assert "There are no open jobs right now" in (page.locator("[data-empty]").text_content()
                                                  or "")

    page = reader("", at=DA_DEADLINE + SECOND).page       # loaded after both deadlines
    assert shown(page) == []
    assert page.locator("[data-empty]").is_visible()


def test_countdown_is_in_the_sites_time_zone(own_context: Any, site_url: str) -> None:
    # A reader in Vancouver at 22:00 on 14 December: in Toronto it is already the 15th, 01:00.
    context, offsite = own_context(timezone_id="America/Vancouver")
    context.clock.set_fixed_time(datetime.fromisoformat("2026-12-14T22:00:00-08:00"))
    page = context.new_page()
    page.goto(site_url + "jobs/data-analyst/")
    assert page.locator("[data-countdown]").text_content() == "Closes today at 5:00 p.m."
    assert offsite == []


# --- 7. without JavaScript ------------------------------------------------------------------


@pytest.mark.parametrize("home", ["", "fr/"], ids=["en", "fr"])
def test_without_javascript(own_context: Any, site_url: str, built_site: Path,
                            home: str) -> None:
    context, offsite = own_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + home)
    lang = "fr" if home else "en"
    expected = sorted(p["title"] for p in home_postings(built_site, lang))
    titles = sorted(page.locator('[data-listing="live"] > li h2').all_inner_texts())
    assert titles == expected, f"/{home} without script lists {titles}, not {expected}"
    assert page.locator("[data-search]").is_hidden(), "the search form shows without script"
    assert page.locator("[data-filters]").is_hidden(), "the filters show without script"
    assert page.locator(".no-script").is_visible(), "the no-script note is not shown"

    browse = page.locator("section.browse a")
    hrefs = sorted(urlsplit(a.evaluate("a => a.href")).path.lstrip("/") for a in browse.all())
    assert hrefs == sorted(FACETS[home]), f"/{home} browses {hrefs}"
    first = True
    for facet, postings in FACETS[home].items():
        if first:               # follow one link as a reader would; the others by address
            page.locator(f'section.browse a[href$="{facet.removeprefix(home)}"]').click()
            page.wait_for_url(site_url + facet)
            first = False
        else:
            page.goto(site_url + facet)
        listed = [" ".join(t.split()) for t in page.locator(".job-list h2").all_inner_texts()]
        assert listed == postings, f"{facet} lists {listed}, not {postings}"
        feed = page.request.get(site_url + facet + "feed.xml")
        assert feed.ok, f"{facet}feed.xml: HTTP {feed.status}"
        assert re.findall(r"<entry>\s*<title>([^<]*)</title>", feed.text()) == postings
    page.goto(site_url + ("fr/jobs/analyste-des-donnees/" if home else "jobs/data-analyst/"))
    assert page.locator("[data-actions]").is_hidden(), "print/copy buttons show without script"
    assert page.locator("[data-apply] a").first.is_visible()
    assert offsite == []


# --- the closed-job finder and the posting's buttons ----------------------------------------


@pytest.mark.parametrize(("closed", "posting"), [
    ("closed/", "jobs/data-analyst/"), ("fr/closed/", "fr/jobs/analyste-des-donnees/")],
    ids=["en", "fr"])
def test_finder_goes_to_the_posting_in_the_pages_language(reader: Reader, site_url: str,
                                                          closed: str, posting: str) -> None:
    page = reader(closed).page
    assert page.locator("[data-finder]").is_visible(), "finder.js did not show the finder"
    page.fill("#finder-id", " gold-1 ")
    page.press("#finder-id", "Enter")
    page.wait_for_url(site_url + posting)


def test_finder_says_when_no_job_has_the_id(reader: Reader) -> None:
    page = reader("closed/").page
    page.fill("#finder-id", "NOPE-9")
    page.press("#finder-id", "Enter")
    status = page.locator("[data-finder-status]")
    wait_until(page, "document.querySelector('[data-finder-status]').textContent !== ''")
    assert status.text_content() == "No job with the ID “NOPE-9” is on this site."
    assert status.get_attribute("role") == "status"


@pytest.mark.xdist_group("scale_site")
def test_finder_finds_a_closed_job_deep_in_the_archive(reader: Reader, scale_site: Path,
                                                       scale_url: str) -> None:
    data = json.loads((scale_site / "jobs.json").read_text(encoding="utf-8"))
    closed = [p for p in data["postings"] if p["lang"] == "en" and p["status"] == "closed"]
    oldest = min(closed, key=lambda p: p["deadline"])      # on the archive's last page
    page = reader("closed/", at=SCALE_NOW, base=scale_url).page
    assert page.locator(".job-list h2").filter(has_text=oldest["title"]).count() == 0
    page.fill("#finder-id", oldest["job_id"].lower())
    page.press("#finder-id", "Enter")
    page.wait_for_url(scale_url + f"jobs/{oldest['slug']}/")
    assert page.locator("h1").text_content() == oldest["title"]
    assert status_words(page) == "Closed"


def test_print_and_copy_link_buttons(reader: Reader, site_url: str) -> None:
    visit = reader("jobs/data-analyst/", own=True)   # its context is granted the clipboard
    page = visit.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url[:-1])
    actions = page.locator("[data-actions]")
    assert actions.is_visible(), "actions.js did not show the print and copy buttons"
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    page.locator("[data-print]").click()
    assert page.evaluate("window.printed") == 1, "the print button did not print"
    page.locator("[data-copy]").click()
    wait_until(page, "document.querySelector('[data-action-status]').textContent !== ''")
    assert page.locator("[data-action-status]").text_content() == "Link copied."
    assert page.evaluate("navigator.clipboard.readText()") == site_url + "jobs/data-analyst/"


# --- 8. axe-core on what script shows -------------------------------------------------------


def test_axe_facet_page(reader: Reader) -> None:
    page = reader("locations/toronto/").page
    assert shown(page, ".job-list > li") == [DA]
    assert_no_axe_violations(page, "the Toronto facet page")


def test_axe_home_filtered_with_search_results(reader: Reader) -> None:
    page = reader("?locations=toronto&sort=salary").page
    search(page, "data")
    assert result_links(page), "no search results to check"
    assert shown(page) == [], "the list shows beside the search results"
    assert_no_axe_violations(page, "the home page with a filter and search results")


def test_axe_closed_archive_with_the_finder(reader: Reader) -> None:
    page = reader("closed/").page
    page.fill("#finder-id", "NOPE-9")
    page.press("#finder-id", "Enter")
    wait_until(page, "document.querySelector('[data-finder-status]').textContent !== ''")
    assert_no_axe_violations(page, "the closed archive with the finder and its message")


def test_axe_posting_after_it_closed(reader: Reader) -> None:
    page = reader("jobs/data-analyst/", at=DA_DEADLINE + SECOND).page
    assert status_words(page) == "Closed" and page.locator("[data-closed-notice]").is_visible()
    assert_no_axe_violations(page, "a posting closed by status.js")


# --- 9. a 600-posting site ----------------------------------------------------------------


@pytest.mark.xdist_group("scale_site")
def test_scale_filters_and_search(reader: Reader, scale_site: Path, scale_url: str) -> None:
    cards = built_cards(scale_site / "index.html")
    live = home_postings(scale_site, "en")
    assert len(cards) == len(live) > 100, "the generated site has too few live postings"
    page = reader("", at=SCALE_NOW, base=scale_url).page
    assert count_text(page) == showing(len(live), len(live))

    location, pay = "sudbury", 80_000
    expected = [c["title"] for c in cards
                if location in c["locations"].split() and int(c["salary"]) >= pay]
    assert 0 < len(expected) < len(cards)
    page.select_option("#filter-locations", location)
    page.select_option("#filter-salary", str(pay))
    assert shown(page) == expected
    assert count_text(page) == showing(len(expected), len(live))
    assert query(page) == {"locations": [location], "salary": [str(pay)]}

    page.check("#filter-soon")
    soon = [c["title"] for c in cards if c["status"] == "closing-soon"]
    assert shown(page) == [t for t in expected if t in soon]
    assert count_text(page) == showing(len([t for t in expected if t in soon]), len(live))
    page.uncheck("#filter-soon")

    # A whole generated title ("Clear research officer 713"): the posting is among the results.
    target = cards[len(cards) // 2]
    status = search(page, target["title"])
    links = result_links(page)
    assert target["title"] in [title for title, _ in links], \
        f"searching {target['title']!r} did not find it: {links}"
    assert status == some(page, len(links), target["title"])
    page.locator("[data-search-results] a").filter(has_text=re.compile(
        rf"^{re.escape(target['title'])}$")).click()
    page.wait_for_url(scale_url + target["href"])
    assert page.locator("h1").text_content() == target["title"]


@pytest.mark.xdist_group("scale_site")
def test_scale_search_count_counts_every_match(reader: Reader, scale_site: Path,
                                              scale_url: str) -> None:
    # Search finds English postings and the English stand-ins of French-only ones.
    matching = [p for p in home_postings(scale_site, "en") if "officer" in p["title"].lower()]
    assert len(matching) > 20
    page = reader("", at=SCALE_NOW, base=scale_url).page
    status = search(page, "officer")
    assert status == some(page, len(matching), "officer"), \
        f"{len(matching)} open postings say 'officer'; the search says {status!r} " \
        f"and lists {len(result_links(page))}"

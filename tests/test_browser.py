"""The built site in a real browser: axe-core, reflow, keyboard, focus, text spacing, status words.

Every page type of the golden sample site (home, open / closing-soon / closed posting, the closed
archive, 404, the French home, a French posting and a French stand-in for an English-only
posting), built once per session and served from
127.0.0.1; Chromium is the system one (/usr/bin/chromium), and any request to another host is
aborted and reported. The page clock is pinned to the build's clock.

The checks that only look at a page (axe-core, status words, what it loads, reflow, text
spacing, zoom) share one load of each page type at each width (`looked_at`), and run on one
worker a page type (`by_page`); what they change (a reader's text-spacing styles, a smaller
window, the scroll) they put back, and only axe-core stays loaded. What the page fetched,
and what its policy refused, is recorded from its load on, whichever check caused it. The
keyboard checks open their own page, since a Tab moves focus.
On this project's 2-core machine a fresh context and page load cost about 0.9 s of processor
time, a new page in the shared context about 0.5 s, a navigation in an open page 0.35 s.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser import (
    APPLYING,
    AXE,
    CHROMIUM,
    PAGES,
    POSTINGS,
    STATUS_WORDS,
    Opener,
    Shared,
    Visit,
    inject_axe,
    new_context,
    opening,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser

if not CHROMIUM.exists() or not AXE.exists():
    pytest.skip(f"browser tests need {CHROMIUM} and {AXE} (CI installs both)",
                allow_module_level=True)

ALL = list(PAGES)
NARROW = 320


def by_page(names: list[str]) -> list[Any]:
    """Page names as parameters, each page type's tests on one worker, so that `looked_at`
    loads it once there."""
    return [pytest.param(name, marks=pytest.mark.xdist_group(f"page-{name}")) for name in names]


LookedAt = Callable[..., Visit]


@pytest.fixture(scope="module")
def looked_at(chromium: Browser, site_url: str) -> Iterator[LookedAt]:
    """One load of a page type at a width, shared by the checks that only look at it, loaded
    until the network is idle: `looked_at(name, width=1280, height=720)` -> Visit. Its pages
    stay open across tests, so they are kept apart from the shared context, where whatever a
    test does to the context (a clock fixed at another moment) would reach them."""
    visits: dict[tuple[str, int, int], Visit] = {}

    def look(name: str, width: int = 1280, height: int = 720) -> Visit:
        if (name, width, height) not in visits:
            visits[name, width, height] = opener(name, width, height, wait_until="networkidle")
        return visits[name, width, height]

    context = new_context(chromium)
    try:
        with opening(Shared(chromium, context), site_url) as opener:
            yield look
    finally:
        context.close()


AXE_OPTIONS = {"runOnly": {"type": "tag",
                           "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}

RUN_AXE = """async (options) => {
  const result = await axe.run(document, options);
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary || ""})),
  }));
}"""

# How wide the page is, and (for the failure message) the innermost elements sticking out.
MEASURE_OVERFLOW = """async () => {
  await document.fonts.ready;
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if ((box.width || box.height) && box.right > width + 0.5) { wide.push(el); }
  }
  const innermost = wide.filter(el => !wide.some(other => other !== el && el.contains(other)));
  return {
    scrollWidth: document.documentElement.scrollWidth,
    culprits: innermost.slice(0, 8).map(el => {
      const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
        (el.classList.length ? "." + [...el.classList].join(".") : "");
      const text = (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40);
      return `${name} (right edge ${Math.round(el.getBoundingClientRect().right)} px)` +
        (text ? ` "${text}"` : "");
    }),
  };
}"""

# What has focus, where it is, and whether it is inside main / the apply section.
FOCUSED = """() => {
  const el = document.activeElement;
  const main = document.querySelector("main");
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const href = el.getAttribute("href") || "";
  const target = href.startsWith("#") ? document.getElementById(href.slice(1)) : null;
  return {
    tag: el.tagName.toLowerCase(),
    href: href,
    text: (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 60),
    targetsMain: main !== null && target === main,
    isMain: el === main,
    inMain: main !== null && main.contains(el),
    inApply: el.closest("[data-apply]") !== null,
    box: {x: box.x, y: box.y, width: box.width, height: box.height},
    viewport: {width: window.innerWidth, height: window.innerHeight},
    visibility: style.visibility,
    opacity: style.opacity,
    outlineStyle: style.outlineStyle,
    outlineWidth: style.outlineWidth,
    boxShadow: style.boxShadow,
  };
}"""

# Let CSS transitions and finite animations (a skip link sliding in, a focus ring growing)
# finish, at most 2 s, so what is measured is what a person sees once the page is still.
SETTLE = """async () => {
  const finite = document.getAnimations().filter(a => a.effect &&
    Number.isFinite(a.effect.getComputedTiming().endTime));
  await Promise.race([
    Promise.all(finite.map(a => a.finished.catch(() => null))),
    new Promise(resolve => setTimeout(resolve, 2000)),
  ]);
}"""

USER_STYLES = """(css) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""  # a reader's own styles, as an extension adds them (the page's policy refuses inline CSS)
NO_USER_STYLES = "() => { document.adoptedStyleSheets = document.adoptedStyleSheets.slice(0, -1); }"
TEXT_SPACING = ("* { line-height: 1.5 !important; letter-spacing: 0.12em !important; "
                "word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }")


def focused(visit_page: Any) -> dict[str, Any]:
    """The focused element's facts (see FOCUSED), once transitions have finished."""
    visit_page.evaluate(SETTLE)
    facts: dict[str, Any] = visit_page.evaluate(FOCUSED)
    return facts


def is_apply_link(facts: dict[str, Any]) -> bool:
    """An `a` inside [data-apply] whose href is an email or web address."""
    href = facts["href"].lower()
    return bool(facts["tag"] == "a" and facts["inApply"]
                and (href.startswith("mailto:") or href.startswith("http")))


def tab_until(visit_page: Any, wanted: Any, limit: int) -> tuple[int | None, list[str]]:
    """Press Tab up to `limit` times until `wanted(facts)`; the press count and the path taken."""
    path: list[str] = []
    for press in range(1, limit + 1):
        visit_page.keyboard.press("Tab")
        facts = focused(visit_page)
        path.append(f"{facts['tag']} {facts['href'] or ''} {facts['text']!r}".strip())
        if wanted(facts):
            return press, path
    return None, path


def focus_indicator(facts: dict[str, Any]) -> bool:
    """An outline that draws, or a box-shadow."""
    outline = facts["outlineStyle"] != "none" and facts["outlineWidth"] not in ("0px", "0")
    return outline or facts["boxShadow"] not in ("none", "")


def overflow_message(name: str, measured: dict[str, Any], width: int, what: str) -> str:
    return (f"{name}: {what}: the page is {measured['scrollWidth']} px wide at a {width} px "
            f"viewport; sticking out: {measured['culprits']}")


# --- the sample covers every page type ------------------------------------------------------


def test_the_sample_site_has_every_page_type(built_site: Path) -> None:
    for name, kind in PAGES.items():
        html = (built_site / kind.file).read_text(encoding="utf-8")
        assert re.search(rf'<html[^>]*\slang="{kind.lang}"', html), \
            f"{name}: {kind.file} is not in {kind.lang}"
        if kind.status:
            assert f'data-status="{kind.status}"' in html, f"{name}: not {kind.status}"
        if kind.applies:
            assert "data-apply" in html, f"{name}: no apply section"


# --- 1. axe-core ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", by_page(ALL))
def test_axe_finds_no_wcag_violation(looked_at: LookedAt, name: str) -> None:
    page = looked_at(name).page
    inject_axe(page)
    violations = page.evaluate(RUN_AXE, AXE_OPTIONS)
    lines = [f"{v['id']} ({v['impact']}): {v['help']}\n" + "\n".join(
        f"    {' '.join(map(str, n['target']))}: {' '.join(n['summary'].split())}"
        for n in v["nodes"]) for v in violations]
    if violations:
        pytest.fail(f"{name}: axe-core found {len(violations)} violation(s):\n"
                    + "\n".join(lines), pytrace=False)


# --- 2. reflow at 320 CSS px ----------------------------------------------------------------


@pytest.mark.parametrize("name", by_page(ALL))
def test_reflows_at_320_px(looked_at: LookedAt, name: str) -> None:
    page = looked_at(name, width=NARROW, height=640).page
    measured = page.evaluate(MEASURE_OVERFLOW)
    assert measured["scrollWidth"] <= NARROW, overflow_message(name, measured, NARROW, "reflow")


# --- 3. keyboard ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL)
def test_first_tab_is_a_visible_skip_link_into_main(open_page: Opener, name: str) -> None:
    page = open_page(name).page
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["tag"] == "a" and skip["targetsMain"], \
        f"{name}: the first Tab focused {skip['tag']} href={skip['href']!r} " \
        f"{skip['text']!r}, not a skip link to the main element"
    box, view = skip["box"], skip["viewport"]
    inside = (box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= view["width"]
              and box["y"] + box["height"] <= view["height"])
    # More than 1 px each way: a 1x1 clipped box is the visually-hidden pattern, not visible.
    assert inside and box["width"] > 1 and box["height"] > 1, \
        f"{name}: the focused skip link is not visible in the viewport: box {box}, viewport {view}"
    assert skip["visibility"] == "visible" and float(skip["opacity"]) > 0, \
        f"{name}: the focused skip link is hidden: visibility {skip['visibility']}, " \
        f"opacity {skip['opacity']}"

    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    after = focused(page)
    assert after["inMain"] and not after["isMain"], \
        f"{name}: Enter on the skip link then Tab focused {after['tag']} " \
        f"href={after['href']!r} {after['text']!r}, which is not inside main"


@pytest.mark.parametrize("name", APPLYING)
def test_apply_link_is_reached_within_15_tabs(open_page: Opener, name: str) -> None:
    page = open_page(name).page
    links = page.locator('[data-apply] a[href^="mailto:"], [data-apply] a[href^="http"]')
    assert links.count() >= 1, f"{name}: no apply link (mailto: or http) inside [data-apply]"
    presses, path = tab_until(page, is_apply_link, 15)
    assert presses is not None, f"{name}: 15 Tabs did not reach the apply link; went {path}"


# --- 4. visible focus -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL)
def test_skip_link_shows_focus(open_page: Opener, name: str) -> None:
    page = open_page(name).page
    page.keyboard.press("Tab")
    facts = focused(page)
    assert focus_indicator(facts), \
        f"{name}: the focused skip link {facts['text']!r} has no focus indicator: outline " \
        f"{facts['outlineStyle']} {facts['outlineWidth']}, box-shadow {facts['boxShadow']}"


@pytest.mark.parametrize("name", APPLYING)
def test_apply_link_shows_focus(open_page: Opener, name: str) -> None:
    page = open_page(name).page
    presses, path = tab_until(page, is_apply_link, 15)
    assert presses is not None, f"{name}: 15 Tabs did not reach the apply link; went {path}"
    facts = focused(page)
    assert focus_indicator(facts), \
        f"{name}: the focused apply link {facts['text']!r} has no focus indicator: outline " \
        f"{facts['outlineStyle']} {facts['outlineWidth']}, box-shadow {facts['boxShadow']}"


# --- 5. text spacing (WCAG 1.4.12) and 6. 400 % zoom -----------------------------------------


@pytest.mark.parametrize("name", by_page(ALL))
def test_text_spacing_does_not_overflow_at_320_px(looked_at: LookedAt, name: str) -> None:
    page = looked_at(name, width=NARROW, height=640).page
    page.evaluate(USER_STYLES, TEXT_SPACING)
    try:
        measured = page.evaluate(MEASURE_OVERFLOW)
    finally:
        page.evaluate(NO_USER_STYLES)
    assert measured["scrollWidth"] <= NARROW, \
        overflow_message(name, measured, NARROW, "with WCAG 1.4.12 text spacing")


@pytest.mark.parametrize("name", by_page(ALL))
def test_reflows_at_400_percent_zoom(looked_at: LookedAt, name: str) -> None:
    # 1280x1024 at 400 % is a 320x256 CSS px viewport, as a reader zooms in on a loaded page.
    page = looked_at(name, width=NARROW, height=640).page
    page.set_viewport_size({"width": NARROW, "height": 256})
    try:
        measured = page.evaluate(MEASURE_OVERFLOW)
    finally:
        page.set_viewport_size({"width": NARROW, "height": 640})
    assert measured["scrollWidth"] <= NARROW, \
        overflow_message(name, measured, NARROW, "at 400 % zoom (320x256)")


# --- 7. status in words, not colour alone ---------------------------------------------------


@pytest.mark.parametrize("name", by_page(POSTINGS))
def test_status_is_said_in_words(looked_at: LookedAt, name: str) -> None:
    kind = PAGES[name]
    assert kind.status is not None
    page = looked_at(name).page
    marked = page.locator("[data-status]")
    assert marked.count() == 1, f"{name}: {marked.count()} elements with data-status, not one"
    words = " ".join((marked.text_content() or "").split())
    expected = STATUS_WORDS[kind.lang][kind.status]
    assert words in STATUS_WORDS[kind.lang].values(), \
        f"{name}: the status element says {words!r}, not one of " \
        f"{list(STATUS_WORDS[kind.lang].values())}"
    assert (marked.get_attribute("data-status"), words) == (kind.status, expected), \
        f"{name}: status {marked.get_attribute('data-status')!r} {words!r}, " \
        f"expected {kind.status!r} {expected!r}"
    assert marked.is_visible(), f"{name}: the status words {words!r} are not visible"


# --- 8. nothing from another host, nothing the policy refuses ---------------------------


@pytest.mark.parametrize("name", by_page(ALL))
def test_loads_nothing_from_another_host_and_nothing_its_policy_refuses(
        looked_at: LookedAt, name: str) -> None:
    visit = looked_at(name)
    visit.page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    try:
        visit.page.wait_for_load_state("networkidle")
    finally:
        visit.page.evaluate("window.scrollTo(0, 0)")
    assert visit.offsite == [], f"{name}: requests to other hosts (aborted): {visit.offsite}"
    assert visit.failed == [], f"{name}: local requests that failed: {visit.failed}"
    policy = visit.page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert policy is not None and "script-src 'self'" in policy and "'unsafe-inline'" not in (
        policy), f"{name}: policy {policy!r}"
    assert visit.page.get_attribute('meta[name="referrer"]', "content") == (
        "strict-origin-when-cross-origin")
    assert visit.refused == [], f"{name}: refused by the policy: {visit.refused}"


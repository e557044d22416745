"""The frame and the stand-ins in a real browser: a stand-in page turns closed at its deadline
like a posting page, the favicon loads (and nothing asks for /favicon.ico), and the footer sits
at the foot of the window on a short page.

The golden sample site, served and opened by the shared fixtures of tests/browser.py; its
French stand-in for the English-only "Web Developer" closes on 2026-12-02 at 23:59, Toronto.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from openings.messages import translator
from tests.browser import CHROMIUM, STATUS_WORDS, Opener

if not CHROMIUM.exists():
    pytest.skip(f"browser tests need {CHROMIUM} (CI installs it)", allow_module_level=True)

DEADLINE = datetime.fromisoformat("2026-12-02T23:59:00-05:00")
SECOND = timedelta(seconds=1)
TICK = 30_000   # status.js reads the clock again every 30 s
FRENCH = STATUS_WORDS["fr"]


def test_a_stand_in_page_closes_at_its_deadline_with_the_readers_clock(open_page: Opener) -> None:
    page = open_page("fr-fallback", own=True).page   # its clock is moved below
    status = page.locator("main [data-status]")
    assert status.get_attribute("data-status") == "closing-soon"
    assert " ".join((status.text_content() or "").split()) == FRENCH["closing-soon"]

    page.clock.install(time=DEADLINE - timedelta(minutes=1))
    page.clock.pause_at(DEADLINE - SECOND)
    page.reload()
    assert status.get_attribute("data-status") == "closing-soon"
    assert page.locator("[data-closed-notice]").is_hidden()
    today = translator("fr")("Closes today at {time}").format(time="23 h 59")
    assert page.locator("[data-countdown]").text_content() == today

    page.clock.pause_at(DEADLINE + SECOND)
    page.clock.run_for(TICK)
    assert status.get_attribute("data-status") == "closed"
    assert " ".join((status.text_content() or "").split()) == FRENCH["closed"]
    assert page.locator("[data-closed-notice]").is_visible()
    assert page.locator("[data-countdown]").count() == 0
    label = page.locator(".status-box__deadline [data-closed-text]")
    assert label.text_content() == label.get_attribute("data-closed-text")


@pytest.mark.parametrize("name", ["fr-home", "fr-fallback"])
def test_the_favicon_loads_and_nothing_asks_for_favicon_ico(open_page: Opener,
                                                            name: str) -> None:
    page = open_page(name).page
    answers: dict[str, int] = {}
    page.on("response", lambda r: answers.__setitem__(r.url, r.status))
    page.reload(wait_until="networkidle")
    icons = {url: code for url, code in answers.items() if "favicon" in url}
    assert icons and all(url.endswith(".svg") and code == 200 for url, code in icons.items()), \
        icons


def test_the_footer_sits_at_the_foot_of_the_window_on_a_short_page(open_page: Opener) -> None:
    page = open_page("404", width=1280, height=1400).page
    bottom = page.evaluate("document.querySelector('footer').getBoundingClientRect().bottom")
    assert bottom == pytest.approx(1400, abs=1), f"the footer ends at {bottom}px of 1400"

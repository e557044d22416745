"""The interface's words: gettext catalogues, complete for every language the site ships."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from openings.messages import LOCALES, catalogue, language_name, translator

ROOT = Path(__file__).resolve().parent.parent
METHODS = [("openings/**.py", "python"), ("layouts/**.html", "jinja2"),
           ("layouts/**.xml", "jinja2")]
KEYWORDS = {"_": None, "N_": None, "t": None}


def extracted() -> set[str]:
    """Every message the code and layouts show, found as `make messages` finds them."""
    return {message for _, _, message, *_ in extract_from_dir(
        str(ROOT), METHODS, keywords=KEYWORDS)}


def test_every_message_shown_has_a_french_translation() -> None:
    messages = extracted()
    assert "Applications for this role are now closed." in messages
    assert "{hours} hours a week" in messages and "Closing soon" in messages
    missing = sorted(messages - set(catalogue("fr")))
    assert missing == [], f"translate these in layouts/locales/fr (make messages): {missing}"


def test_the_template_catalogue_is_up_to_date_with_the_code() -> None:
    with (LOCALES / "messages.pot").open("rb") as handle:
        template = {str(m.id) for m in read_po(handle) if m.id}
    assert template == extracted(), "run `make messages` and translate what is new"


def test_french_words_come_from_the_catalogue_and_english_is_the_message_itself() -> None:
    assert translator("fr")("Closing soon") == "Ferme bientôt"
    assert translator("en")("Closing soon") == "Closing soon"
    assert translator("de")("Closing soon") == "Closing soon"


def test_each_language_is_named_in_itself() -> None:
    assert (language_name("en"), language_name("fr")) == ("English", "Français")

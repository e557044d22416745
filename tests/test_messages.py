"""The interface's words: gettext catalogues, complete for every language the site ships."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from openings.messages import LOCALES, catalogue, language_name, translator

ROOT = Path(__file__).resolve().parent.parent
METHODS = [("openings/**.py", "python"), ("layouts/**.html", "jinja2"),
           ("layouts/**.xml", "jinja2")]
KEYWORDS = {"_": None, "N_": None, "t": None}


def searched(path: str) -> bool:
    """Only the code and the layouts hold messages: a built site or a benchmark's corpus
    beside them is not walked."""
    relative = Path(path).relative_to(ROOT).parts
    return relative[0] in ("openings", "layouts") and not relative[-1].startswith((".", "_"))


@cache
def extracted() -> frozenset[str]:
    """Every message the code and layouts show, found as `make messages` finds them."""
    return frozenset(message for _, _, message, *_ in extract_from_dir(
        str(ROOT), METHODS, keywords=KEYWORDS, directory_filter=searched))


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


# --- Typography of the generator's own words (issue 15) --------------------------------------
#
# English messages quote with “ ”; French ones with « » held to their words by no-break spaces,
# and write apostrophes ’. Editors' text is theirs and is never changed.

NO_BREAK = "\u00a0\u202f"


def french_entries() -> list[tuple[str, str]]:
    """Every (msgid, msgstr) of the French catalogue as written, translated or not."""
    with (LOCALES / "fr" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return [(str(m.id), str(m.string)) for m in read_po(handle, locale="fr") if m.id]


def test_english_messages_use_typographic_quotes() -> None:
    straight = sorted(m for m in extracted() if any(c in m for c in "\"'`"))
    assert straight == [], f"write “ ” and ’ in these messages: {straight}"


def test_french_messages_use_guillemets_and_typographic_apostrophes() -> None:
    straight = [text for _, text in french_entries() if any(c in text for c in "\"'`“”")]
    assert straight == [], f"write « » and ’ in these translations: {straight}"


def test_french_punctuation_is_held_to_its_word_by_a_no_break_space() -> None:
    loose = [text for _, text in french_entries()
             if re.search(r" [:;!?»]|« ", text)
             or re.search(rf"«[^{NO_BREAK}]|[^{NO_BREAK}]»", text)]
    assert loose == [], f"use U+00A0 or U+202F before : ; ! ? » and after «: {loose}"


def test_no_french_entry_is_left_untranslated_or_fuzzy() -> None:
    with (LOCALES / "fr" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        entries = [m for m in read_po(handle, locale="fr") if m.id]
    assert [str(m.id) for m in entries if not m.string or m.fuzzy] == []


def test_each_french_message_keeps_the_placeholders_of_its_english() -> None:
    def fields(text: str) -> list[str]:
        return sorted(re.findall(r"\{\w+\}", text))

    changed = [english for english, french in french_entries()
               if fields(english) != fields(french)]
    assert changed == [], f"these translations lose or add a {{placeholder}}: {changed}"

"""content/site.yml -> Site: the site's settings, checked like postings are."""

from __future__ import annotations

import difflib
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale, UnknownLocaleError
from babel.numbers import list_currencies
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import Problem
from ..model import RULE_LEVELS, SCHEME, Accommodation, Site, SiteLink, Text
from ..time.zones import known_zone
from .fields import EMAIL, Fields, is_empty
from .placeholders import ADVICE
from .rules import RULE_NAMES
from .source import read_settings

SITE_KEYS = ("title", "organization", "organization_url", "logo", "base_url", "timezone",
             "default_lang", "languages", "currency", "country", "region", "closing_soon_days",
             "accommodation", "rules", "minimum_open_days", "jargon",
             "closed_retention_years", "statement", "links")
ACCOMMODATION_KEYS = ("email", "phone", "url")
SITE_ADVICE = {name: advice for name, advice in ADVICE.items()
               if name.partition(".")[0] == "accommodation"}
LINK_KEYS = ("text", "url")
URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)
MAILTO = re.compile(r"^mailto:[^\s@]+@[^\s@]+$", re.IGNORECASE)
UNSAFE_PATH = re.compile(r"[\s\x00-\x1f\x7f\\]|^//")


def known_language(code: str) -> bool:
    """A language Babel has CLDR data for."""
    try:
        Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return False
    return True


def read_zone(fields: Fields) -> ZoneInfo | None:
    """The site's IANA time zone."""
    name = fields.text("timezone", required=True)
    if name is None:
        return None
    try:
        if known_zone(name):
            return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        pass
    fields.error(fields.node_of("timezone"), f"`{name}` is not an IANA time zone; write "
                 "one like America/Toronto")
    return None


def read_languages(fields: Fields) -> tuple[str, tuple[str, ...]] | None:
    """The default language first, then the others, all known to CLDR."""
    default = fields.text("default_lang", required=True)
    languages = fields.texts("languages") or ((default,) if default else ())
    for code in languages:
        if not known_language(code):
            fields.error(fields.node_of("languages"), f"`{code}` is not a language code; "
                         "write one like en or fr")
            return None
    if default is None or default not in languages:
        fields.error(fields.node_of("default_lang"), "`default_lang` must be one of "
                     "`languages`")
        return None
    return default, (default, *sorted(set(languages) - {default}))


def read_base_url(fields: Fields) -> str | None:
    """The public address, always ending with one slash."""
    url = fields.text("base_url", required=True)
    if url is not None and not URL.match(url):
        fields.error(fields.node_of("base_url"), "`base_url` must be an http(s) address like "
                     "https://careers.example.ca/")
        return None
    return url.rstrip("/") + "/" if url else None


def read_currency(fields: Fields) -> str | None:
    """The default ISO 4217 currency."""
    code = fields.text("currency") or "CAD"
    if code not in list_currencies():
        fields.error(fields.node_of("currency"), f"`{code}` is not an ISO 4217 currency code "
                     "like CAD")
        return None
    return code


def read_accommodation(fields: Fields) -> Accommodation | None:
    """Where applicants ask for an accommodation: the site's (site.yml) or one posting's own.
    A malformed address, a blank line or a group naming no way to ask is an error."""
    group = fields.group("accommodation", ACCOMMODATION_KEYS, empty_ok=False)
    if group is None:
        return None
    before = len(group.problems)
    email, phone, url = (group.text(name, empty_ok=False) for name in ACCOMMODATION_KEYS)
    if email and not EMAIL.match(email):
        group.error(group.node_of("email"), f"`{email}` is not an e-mail address; write one "
                    "like accessibility@example.ca")
    if url and not URL.match(url):
        group.error(group.node_of("url"), "`accommodation.url` must be a web address starting "
                    f"with https:// or http://, like https://example.ca/accessibility, not `{url}`")
    if not (email or phone or url) and len(group.problems) == before:
        group.error(None, "`accommodation` needs an `email`, a `phone` or a `url`: add "
                    "`email: accessibility@example.ca` under it, or delete it")
    return Accommodation(email, phone, url) if len(group.problems) == before else None


def read_rules(fields: Fields) -> tuple[tuple[str, str], ...]:
    """Rule levels an organization chose (`name: error|warning|off`)."""
    node = fields.node_of("rules")
    if not isinstance(node, MappingNode):
        if node is not None:
            fields.error(node, "`rules` must hold indented `rule-name: error|warning|off` lines")
        return ()
    levels: list[tuple[str, str]] = []
    for key, value in node.value:
        level, name = str(value.value), str(key.value)
        if name not in RULE_NAMES:
            close = difflib.get_close_matches(name, RULE_NAMES, n=1)
            fields.error(key, f"there is no rule `{name}`; " + (
                f"did you mean `{close[0]}`?" if close else "see docs/posting-rules.md"))
        if level not in RULE_LEVELS:
            fields.error(value, f"rule `{name}` must be one of: " + ", ".join(RULE_LEVELS))
        levels.append((name, level))
    return tuple(sorted(levels))


def read_link(fields: Fields, name: str, base_url: str | None) -> str | None:
    """An optional address: absolute http(s), or a path inside the site made absolute."""
    value = fields.text(name)
    if value is None or URL.match(value):
        return value
    if "://" in value or value.startswith(("//", "javascript:", "data:")):
        fields.error(fields.node_of(name), f"`{name}` must be an https:// address or a path "
                     "inside the site, like assets/logo.png")
        return None
    return (base_url or "") + value.lstrip("/")


def read_text(fields: Fields, name: str, languages: tuple[str, ...], hint: str,
              required: bool = False) -> Text | None:
    """A text setting: one text for every language, or a mapping by language that gives the
    default language's text (the first of `languages`)."""
    node = fields.node_of(name)
    if node is None or is_empty(node):
        if required:
            fields.error(node, f"`{fields.prefix}{name}` is required: {hint}")
        return None
    if isinstance(node, ScalarNode):
        return Text(str(node.value).strip())
    if not isinstance(node, MappingNode) or not languages:
        fields.error(node, f"`{fields.prefix}{name}` must be one text, or one line a language "
                     f"like `{(languages or ('en',))[0]}: ...`: {hint}")
        return None
    return text_by_language(fields, name, node, languages)


def text_by_language(fields: Fields, name: str, node: MappingNode,
                     languages: tuple[str, ...]) -> Text | None:
    """`{en: Privacy, fr: Confidentialité}`: each a site language, the default one given."""
    group = Fields(fields.path, node, languages, fields.problems, offset=fields.offset,
                   where=fields.key_line(name), prefix=f"{fields.prefix}{name}.")
    words = {lang: group.text(lang, required=True) for lang in languages if lang in group.items}
    default = words.get(languages[0])
    if languages[0] not in group.items:
        group.error(None, f"`{fields.prefix}{name}` needs the default language's text: add a "
                    f"line `{languages[0]}: ...` under it")
    if default is None or None in words.values():
        return None
    return Text(default, tuple((lang, text) for lang, text in words.items()
                               if lang != languages[0] and text is not None))


def url_problem(url: str) -> str | None:
    """Why an address may not be a link in every page, or None when it may."""
    if URL.match(url) or MAILTO.match(url):
        return None
    if SCHEME.match(url) or UNSAFE_PATH.search(url):
        return (f"`{url}` is not a safe link: write an address that starts with https://, "
                "http:// or mailto:, or a path inside the site like about/")
    return None


def check_urls(group: Fields, name: str) -> None:
    """Report each unsafe address of a link (one, or one a language) at its line."""
    node = group.node_of(name)
    values = [value for _, value in node.value] if isinstance(node, MappingNode) else [node]
    for value in values:
        problem = url_problem(str(value.value).strip()) if isinstance(value, ScalarNode) else None
        if problem:
            group.error(value, problem)


def site_path(url: Text) -> Text:
    """Paths inside the site kept without a leading slash (pages link to them relatively)."""
    def path(text: str) -> str:
        return text if SCHEME.match(text) else text.lstrip("/")
    return Text(path(url.default), tuple((lang, path(text)) for lang, text in url.translations))


def read_site_link(fields: Fields, item: Node, languages: tuple[str, ...]) -> SiteLink | None:
    """One footer link: its words and address, each one text or one a language."""
    if not isinstance(item, MappingNode):
        fields.error(item, "each footer link needs a `text:` line and a `url:` line, like "
                     "`- text: Privacy` then `  url: https://www.ontario.ca/page/privacy-statement`")
        return None
    before = len(fields.problems)
    group = Fields(fields.path, item, LINK_KEYS, fields.problems, offset=fields.offset,
                   where=fields.line(item), prefix="links.")
    text = read_text(group, "text", languages, "give the words readers see, like "
                     "`text: Privacy`", required=True)
    url = read_text(group, "url", languages, "give the address, like "
                    "`url: https://www.ontario.ca/page/privacy-statement`", required=True)
    check_urls(group, "url")
    if len(fields.problems) > before or text is None or url is None:
        return None
    return SiteLink(text, site_path(url))


def read_links(fields: Fields, languages: tuple[str, ...]) -> tuple[SiteLink, ...]:
    """The footer's links (privacy, accessibility, contact, terms of use), in their order."""
    node = fields.node_of("links")
    if node is None or is_empty(node):
        return ()
    if not isinstance(node, SequenceNode):
        fields.error(node, "`links` must be a list: one `- text: ...` line and one "
                     "`  url: ...` line a link")
        return ()
    links = (read_site_link(fields, item, languages) for item in node.value)
    return tuple(link for link in links if link is not None)


def logo_path(logo: str | None, base_url: str | None) -> str | None:
    """The logo's path inside the site, which pages show; a logo on another site is only
    named to search engines (pages load nothing from other sites)."""
    if logo is None or base_url is None or not logo.startswith(base_url):
        return None
    return logo.removeprefix(base_url)


def read_days(fields: Fields) -> int:
    """How many calendar days before the deadline a posting is "closing soon"."""
    days = fields.whole("closing_soon_days")
    return 3 if days is None else days


def load_site(path: str, data: bytes) -> tuple[Site | None, list[Problem]]:
    """Bytes of site.yml -> Site, or every problem found in it."""
    node, problems = read_settings(path, data)
    if node is None:
        return None, problems
    fields = Fields(path, node, SITE_KEYS, problems, offset=1, where=1, advice=SITE_ADVICE)
    languages = read_languages(fields)
    codes = languages[1] if languages else ()
    title = read_text(fields, "title", codes, "name the site, like `title: Careers`", True)
    organization = read_text(fields, "organization", codes, "name the employer, like "
                             "`organization: Ontario Public Service`", True)
    statement = read_text(fields, "statement", codes, "write the words shown on every posting")
    links = read_links(fields, codes)
    zone, base_url = read_zone(fields), read_base_url(fields)
    currency, accommodation = read_currency(fields), read_accommodation(fields)
    country = fields.text("country") or "CA"
    region = fields.text("region") or ""
    days, rules = read_days(fields), read_rules(fields)
    organization_url, logo = read_link(fields, "organization_url", base_url), read_link(
        fields, "logo", base_url)
    minimum = fields.whole("minimum_open_days")
    retention = fields.whole("closed_retention_years")
    jargon = tuple(word.lower() for word in fields.texts("jargon"))
    if problems or not (title and organization and zone and languages and base_url and currency):
        return None, problems
    return Site(title, organization, base_url, zone, languages[0], languages[1], currency,
                country, region, days, accommodation, rules, organization_url, logo,
                10 if minimum is None else minimum, jargon,
                3 if retention is None else retention, statement, links,
                logo_path(logo, base_url)), []

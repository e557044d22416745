"""SPEC §1: the body is CommonMark plus tables, with no raw HTML, safe links only, headings
shifted under the page's one h1, and template syntax kept as text."""

from __future__ import annotations

import re
import textwrap

import html5lib
import pytest

from openings.content.markdown import is_safe_link, render

XHTML = "{http://www.w3.org/1999/xhtml}"


def to_html(body: str, table_label: str = "Table") -> str:
    """A body as readers get it."""
    return render(body, table_label)[0]


def tree(html: str):
    """Parse as browsers do; strict, so that any parse error fails the test."""
    return html5lib.HTMLParser(strict=True).parseFragment(html)


def tags(html: str) -> list[str]:
    return [el.tag.removeprefix(XHTML) for el in tree(html).iter() if isinstance(el.tag, str)]


def elements(html: str, name: str) -> list:
    return [el for el in tree(html).iter() if el.tag == XHTML + name]


def headings(html: str) -> list[str]:
    return re.findall(r"<(h[1-9])\b", html)


# --- Raw HTML is text -----------------------------------------------------------------------


@pytest.mark.parametrize(("body", "tag"), [
    ("<script>alert(1)</script>", "script"),
    ("Hello <img src=x onerror=alert(1)> there", "img"),
    ("<div onclick=\"alert(1)\">Click</div>", "div"),
    ("<h1>A second title</h1>", "h1"),
    ("Text with <b>bold</b> tags", "b"),
])
def test_raw_html_in_the_body_is_shown_escaped_never_as_a_tag(body, tag):
    html = to_html(body)
    assert tag not in tags(html)
    assert f"&lt;{tag}" in html


def test_an_html_comment_is_shown_as_text_not_hidden():
    html = to_html("Before <!-- hidden note --> after")
    assert "<!--" not in html
    assert "&lt;!-- hidden note --&gt;" in html


def test_an_event_handler_never_reaches_an_attribute():
    html = to_html("<img src=x onerror=alert(1)>")
    assert not any("onerror" in el.attrib for el in tree(html).iter() if isinstance(el.tag, str))


# --- Links and images -----------------------------------------------------------------------

UNSAFE = [
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    " javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "file:///etc/passwd",
]


@pytest.mark.parametrize("url", UNSAFE)
def test_is_safe_link_refuses_other_schemes(url):
    assert not is_safe_link(url)


@pytest.mark.parametrize("url", [
    "http://www.ontario.ca/", "https://www.ontario.ca/page/jobs", "HTTPS://WWW.ONTARIO.CA/",
    "mailto:jobs@ontario.ca", "../policy-analyst/", "/jobs/", "#how-to-apply",
    "benefits.html?lang=en", "jobs/?q=a:b",
])
def test_is_safe_link_allows_http_https_mailto_and_relative(url):
    assert is_safe_link(url)


@pytest.mark.parametrize("body", [
    "[Apply](javascript:alert(1))",
    "[Apply](JAVASCRIPT:alert(1))",
    "[Apply](<java\tscript:alert(1)>)",
    "[Apply](javascript&#58;alert(1))",
    "[Apply](vbscript:msgbox(1))",
    "[Apply](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[Apply][x]\n\n[x]: javascript:alert(1)",
    "<javascript:alert(1)>",
])
def test_an_unsafe_link_is_not_linked(body):
    html = to_html(body)
    assert elements(html, "a") == []
    assert "href" not in html


@pytest.mark.parametrize("body", [
    "![Logo](javascript:alert(1))",
    "![Logo](JAVASCRIPT:alert(1))",
    "![Logo](vbscript:msgbox(1))",
    "![Logo](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
])
def test_an_unsafe_image_is_not_shown(body):
    html = to_html(body)
    assert elements(html, "img") == []
    assert "src=" not in html


@pytest.mark.parametrize("url", [
    "http://www.ontario.ca/", "https://www.ontario.ca/page/jobs", "mailto:jobs@ontario.ca",
    "../policy-analyst/", "/jobs/", "#how-to-apply",
])
def test_a_safe_link_is_linked(url):
    links = elements(to_html(f"[Read more]({url})"), "a")
    assert [a.get("href") for a in links] == [url]
    assert links[0].text == "Read more"


def test_an_image_of_the_site_itself_is_shown():
    images = elements(to_html("![Ontario logo](images/logo.png)"), "img")
    assert [(img.get("src"), img.get("alt")) for img in images] == [("images/logo.png",
                                                                     "Ontario logo")]


@pytest.mark.parametrize("url", ["https://www.ontario.ca/logo.png", "//cdn.example/logo.png"])
def test_an_image_on_another_site_becomes_a_link_so_it_never_loads(url):
    html = to_html(f"![Ontario *logo*]({url})")
    assert elements(html, "img") == []
    links = elements(html, "a")
    assert [(a.get("href"), a.get("rel"), a.text) for a in links] == [
        (url, "noopener", "Ontario logo")]


# --- Headings -------------------------------------------------------------------------------


def test_a_body_level_one_heading_becomes_h2_and_level_two_becomes_h3():
    html = to_html("# About the job\n\nText.\n\n## What you will do\n\nMore.")
    assert headings(html) == ["h2", "h3"]
    assert "<h2>About the job</h2>" in html
    assert "<h3>What you will do</h3>" in html


def test_a_body_that_starts_at_level_three_is_lifted_to_h2():
    html = to_html("### About the job\n\n#### Duties\n\n### How to apply")
    assert headings(html) == ["h2", "h3", "h2"]


def test_a_body_whose_top_level_is_two_keeps_h2():
    html = to_html("## About the job\n\n### Duties")
    assert headings(html) == ["h2", "h3"]


def test_setext_headings_are_shifted_too():
    html = to_html("About the job\n=============\n\nDuties\n------")
    assert headings(html) == ["h2", "h3"]


def test_no_heading_goes_deeper_than_h6():
    body = "\n\n".join("#" * level + f" Level {level}" for level in range(1, 7))
    found = headings(to_html(body))
    assert found[0] == "h2"
    assert len(found) == 6
    assert all(2 <= int(h[1]) <= 6 for h in found)


@pytest.mark.parametrize("body", [
    "# Title again",
    "Title again\n===",
    "# A\n\n## B\n\n### C",
    "<h1>Title again</h1>",
    "> # Quoted heading",
    "- # Heading in a list",
])
def test_the_body_never_holds_an_h1(body):
    html = to_html(body)
    assert "<h1" not in html
    assert "h1" not in tags(html)


# --- Template syntax is text ----------------------------------------------------------------


def test_template_expressions_stay_literal_text():
    html = to_html("Salary: {{ 7*7 }} dollars")
    assert "{{ 7*7 }}" in html
    assert "49" not in html


def test_template_statements_stay_literal_text():
    html = to_html("{% if true %}shown{% endif %}")
    assert "{% if true %}shown{% endif %}" in html


# --- Tables ---------------------------------------------------------------------------------

TABLE = textwrap.dedent("""\
    | Step | When |
    | --- | --- |
    | Apply | By December 4 |
    | Interview | January |
""")


def test_a_table_renders_with_header_cells():
    html = to_html(TABLE)
    assert [th.text for th in elements(html, "th")] == ["Step", "When"]
    assert len(elements(html, "td")) == 4


def test_a_table_scrolls_inside_a_focusable_region():
    html = to_html(TABLE)
    assert '<div class="table-scroll" role="region" tabindex="0"' in html
    regions = [div for div in elements(html, "div") if div.get("class") == "table-scroll"]
    assert len(regions) == 1
    assert [child.tag for child in regions[0]] == [XHTML + "table"]
    assert regions[0].get("aria-label")  # a region needs an accessible name


# --- Well-formed output ---------------------------------------------------------------------

BODY = textwrap.dedent("""\
    # About the job

    The Ontario Digital Service helps build services that are **simple** to use.
    See [our site](https://www.ontario.ca/) or [write to us](mailto:jobs@ontario.ca).

    ## What you will do

    - build training on new digital tools
    - help teams with *data*
      1. nested step
      2. another

    ### Pay

    | Step | Rate |
    | --- | ---: |
    | 1 | $669.57 |
    | 2 | $892.75 |

    > Fewer than 10 applications <were> received & counted.

    `code <b>` and a [relative link](../policy-analyst/).
""")


def test_a_full_body_parses_as_well_formed_html():
    html = to_html(BODY)
    tree(html)  # raises on any parse error
    found = set(tags(html))
    assert {"h2", "h3", "h4", "ul", "ol", "li", "a", "table", "th", "td", "blockquote"} <= found
    assert "b" not in found


def test_tables_are_numbered_per_body_not_across_the_whole_build() -> None:
    table = "| a | b |\n|---|---|\n| 1 | 2 |\n"
    to_html(table + "\n" + table)
    again = to_html(table, "Tableau")
    assert 'aria-label="Tableau 1"' in again
    assert "Table 2" not in again and "Tableau 2" not in again


def test_table_cells_say_their_alignment_by_class_never_by_attribute() -> None:
    html = to_html("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n")
    assert [td.get("class") for td in elements(html, "td")] == [
        "cell--left", "cell--center", "cell--right", None]
    assert "align=" not in html and "style=" not in html


# --- What readers get where a link is refused -----------------------------------------------


def test_a_refused_link_keeps_its_words() -> None:
    html = to_html("Apply [on our site](javascript:alert(1)) or [by fax](tel:5551234).")
    assert elements(html, "a") == []
    assert "on our site" in html and "by fax" in html


def test_a_link_with_no_target_is_words_but_the_rules_still_hear_of_it() -> None:
    html, links = render("Read [the guide]().")
    assert elements(html, "a") == []
    assert "the guide" in html
    assert links == ((0, ""),)


def test_an_image_on_another_site_inside_a_link_is_its_words_never_a_link_in_a_link() -> None:
    html = to_html("[![Our logo](https://cdn.example/logo.png)](https://www.ontario.ca/)")
    assert [(a.get("href"), a.text) for a in elements(html, "a")] == [
        ("https://www.ontario.ca/", "Our logo")]


# --- Links for the posting rules, with their lines ------------------------------------------


def test_each_link_comes_with_the_body_line_it_is_on() -> None:
    body = textwrap.dedent("""\
        Intro with <b
        class="x">a tag</b> and [one](http://one.example/)
        and [two][ref] on the third line.

        | Step | Where |
        | --- | --- |
        | 1 | [three](https://three.example/) |

        > [four](mailto:jobs@ontario.ca)

        [ref]: https://two.example/
        """)
    assert render(body)[1] == ((1, "http://one.example/"), (2, "https://two.example/"),
                               (6, "https://three.example/"), (8, "mailto:jobs@ontario.ca"))


def test_a_refused_link_is_not_among_the_links() -> None:
    assert render("[x](javascript:alert(1)) [y](/jobs/)")[1] == ((0, "/jobs/"),)


def test_a_pasted_page_of_html_is_text_line_for_line_however_long() -> None:
    html, _ = render("<div>\n" * 800)
    assert "<div" not in html and html.count("&lt;div&gt;") == 800


def test_a_link_to_another_site_without_a_scheme_cannot_reach_back() -> None:
    html, _ = render("[x](//jobs.example.org/a)")
    assert 'rel="noopener"' in html

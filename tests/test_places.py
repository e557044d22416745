"""SPEC §1: slugs from file names, and places from the location readers see."""

from __future__ import annotations

import re

import pytest

from openings.content.places import parse_location, slugify

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


# --- Slugs ----------------------------------------------------------------------------------


def test_the_spec_example_slug():
    assert slugify("accented-ÉTÉ_étudiant") == "accented-ete-etudiant"


@pytest.mark.parametrize(("name", "slug"), [
    ("Policy Analyst", "policy-analyst"),
    ("Senior   Data -- Engineer!!", "senior-data-engineer"),
    ("a--b__c", "a-b-c"),
    ("odsp_caseworker (2026)", "odsp-caseworker-2026"),
])
def test_every_run_of_other_characters_becomes_one_hyphen(name, slug):
    assert slugify(name) == slug


@pytest.mark.parametrize(("name", "slug"), [
    ("--policy-analyst--", "policy-analyst"),
    ("  Policy Analyst  ", "policy-analyst"),
    ("(Draft) Policy analyst!", "draft-policy-analyst"),
])
def test_a_slug_is_trimmed_of_hyphens(name, slug):
    assert slugify(name) == slug


@pytest.mark.parametrize(("name", "slug"), [
    ("Île-du-Prince-Édouard", "ile-du-prince-edouard"),
    ("Greffier judiciaire à Montréal", "greffier-judiciaire-a-montreal"),
    ("façade ÇÀÈÙÂÊÎÔÛËÏÜ", "facade-caeuaeioueiu"),
])
def test_accents_are_transliterated(name, slug):
    assert slugify(name) == slug


def test_a_french_ligature_is_spelled_out_not_dropped():
    # "Main-d'œuvre" is everyday French in job titles; transliterated, œ is "oe"
    # (the typographic apostrophe U+2019 is what French editors type).
    assert slugify("Conseiller en main-d\u2019œuvre") == "conseiller-en-main-d-oeuvre"
    assert slugify("Cœur de l'Œuvre") == "coeur-de-l-oeuvre"


def test_a_path_in_the_name_cannot_escape_the_jobs_folder():
    slug = slugify("../../etc/passwd")
    assert slug == "etc-passwd"
    assert SLUG.fullmatch(slug)


@pytest.mark.parametrize("name", ["!!!", "---", "...", "_", "?¿¡!", "  "])
def test_a_name_of_punctuation_only_gives_an_empty_slug(name):
    assert slugify(name) == ""


@pytest.mark.parametrize("name", [
    "accented-ÉTÉ_étudiant", "../../etc/passwd", "Policy Analyst", "C:\\jobs\\x", "a/b?c=d#e",
    "Ça & là", "tab\there", "new\nline", "%2e%2e%2f",
])
def test_a_slug_holds_only_lower_case_letters_digits_and_single_hyphens(name):
    assert SLUG.fullmatch(slugify(name))


# --- Locations ------------------------------------------------------------------------------


def test_city_comma_province_gives_city_and_province_code():
    place = parse_location("Toronto, Ontario", "ON", "CA")
    assert (place.locality, place.region, place.country) == ("Toronto", "ON", "CA")


def test_city_with_province_in_parentheses_gives_city_and_province_code():
    place = parse_location("Ottawa (Ontario)", "ON", "CA")
    assert (place.locality, place.region, place.country) == ("Ottawa", "ON", "CA")


def test_a_french_province_name_with_accents_is_recognized():
    place = parse_location("Montréal, Québec", "ON", "CA")
    assert (place.locality, place.region, place.country) == ("Montréal", "QC", "CA")


def test_the_province_is_taken_from_the_text_not_the_site():
    place = parse_location("Gatineau (Québec)", "ON", "CA")
    assert (place.locality, place.region) == ("Gatineau", "QC")


def test_a_place_that_is_not_city_and_province_keeps_the_sites_region_and_country():
    place = parse_location("Anywhere in Ontario", "ON", "CA")
    assert (place.locality, place.region, place.country) == (None, "ON", "CA")


def test_the_sites_region_and_country_are_the_ones_passed_in():
    place = parse_location("Across the province", "NS", "CA")
    assert (place.locality, place.region, place.country) == (None, "NS", "CA")


def test_a_city_with_something_other_than_a_province_is_not_taken_as_a_city():
    place = parse_location("Paris, France", "ON", "CA")
    assert (place.locality, place.region, place.country) == (None, "ON", "CA")


@pytest.mark.parametrize("text", ["Toronto, Ontario", "Ottawa (Ontario)", "Montréal, Québec",
                                  "Anywhere in Ontario"])
def test_the_location_text_is_kept_as_readers_see_it(text):
    assert parse_location(text, "ON", "CA").text == text

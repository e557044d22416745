"""Schema.org JobPosting structured data, safe to place inside a <script> element."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from ..model import Location, Posting, Site
from .views import PostingView, iso

EMPLOYMENT_TYPES = {
    "permanent": "FULL_TIME", "temporary": "TEMPORARY", "contract": "CONTRACTOR",
    "co-op": "INTERN", "student": "INTERN", "casual": "PER_DIEM", "seasonal": "TEMPORARY",
}
FULL_TIME_HOURS = Decimal(30)
REGION_NAMES = {
    "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "ON": "Ontario",
    "PE": "Prince Edward Island", "QC": "Quebec", "SK": "Saskatchewan",
    "NT": "Northwest Territories", "NU": "Nunavut", "YT": "Yukon",
}
SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                  "\u2028": "\\u2028", "\u2029": "\\u2029"}


def plain(value: Decimal) -> int | float:
    """A JSON number for a Decimal, without a spurious `.0`."""
    return int(value) if value == value.to_integral_value() else float(value)


def employment_types(posting: Posting) -> list[str]:
    """The term's kind, with full or part time when the weekly hours say which."""
    kind = EMPLOYMENT_TYPES[posting.term.type]
    if posting.hours is None:
        return [kind]
    schedule = "FULL_TIME" if posting.hours.per_week >= FULL_TIME_HOURS else "PART_TIME"
    return [schedule] if kind == "FULL_TIME" else [kind, schedule]


def place(location: Location) -> dict[str, Any]:
    """A Place with its postal address."""
    address: dict[str, Any] = {"@type": "PostalAddress"}
    if location.locality:
        address["addressLocality"] = location.locality
    address |= {"addressRegion": location.region, "addressCountry": location.country}
    return {"@type": "Place", "address": address}


def base_salary(posting: Posting) -> dict[str, Any]:
    """baseSalary as a MonetaryAmount, when the posting states its pay (never invented)."""
    if posting.salary is None:
        return {}
    pay = posting.salary
    value: dict[str, Any] = {"@type": "QuantitativeValue", "minValue": plain(pay.min)}
    if pay.max is not None:
        value["maxValue"] = plain(pay.max)
    value["unitText"] = pay.per.upper()
    return {"baseSalary": {"@type": "MonetaryAmount", "currency": pay.currency, "value": value}}


def where(posting: Posting, site: Site) -> dict[str, Any]:
    """jobLocation, or TELECOMMUTE with the area applicants must live in."""
    if posting.work_arrangement != "remote":
        return {"jobLocation": [place(loc) for loc in posting.locations]}
    areas = sorted({REGION_NAMES.get(loc.region, loc.country) for loc in posting.locations})
    return {"jobLocationType": "TELECOMMUTE", "applicantLocationRequirements": [
        {"@type": "AdministrativeArea", "name": name} for name in areas]}


def organization(posting: Posting, site: Site) -> dict[str, Any]:
    """The hiring organization, with the site's address and logo when it has them."""
    data = {"@type": "Organization", "name": posting.organization,
            "sameAs": site.organization_url or site.base_url}
    if site.logo:
        data["logo"] = site.logo
    return data


def job_posting(view: PostingView, site: Site) -> dict[str, Any]:
    """The JobPosting object for a live (open or closing-soon) posting."""
    posting = view.posting
    data: dict[str, Any] = {
        "@context": "https://schema.org/", "@type": "JobPosting",
        "title": posting.title, "description": posting.body_html,
        "datePosted": iso(posting.posted.at, site), "validThrough": view.deadline_iso,
        "employmentType": employment_types(posting),
        "hiringOrganization": organization(posting, site),
        **where(posting, site), **base_salary(posting),
        "url": site.url_for(view.path), "inLanguage": posting.lang,
        "directApply": posting.contact.email is not None,
    }
    if posting.job_id:
        data["identifier"] = {"@type": "PropertyValue", "name": posting.organization,
                              "value": posting.job_id}
    if posting.positions:
        data["totalJobOpenings"] = posting.positions
    if posting.division:
        data["employmentUnit"] = {"@type": "Organization", "name": posting.division}
    return data


def script_json(data: dict[str, Any]) -> Markup:
    """JSON that cannot end its <script> element or open a comment, whatever the strings hold."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return Markup(text)

"""schema.org JSON-LD for every public page: one @graph per page, nodes linked by @id.

The small shared graph helpers: the site's own nodes, breadcrumbs, people and web pages, and the script
tag. Each app builds its own pages' nodes from these (articles/structured_data.py,
conditions/structured_data.py). Builders take plain objects and an `absolute` function (path -> absolute
URL) and return dicts; they query nothing, so the views stay at a fixed number of queries. Property names
follow schema.org release 30.0.
"""

import json
from collections.abc import Callable, Iterable

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from domain.translations import current_language

from .crisis_text import fill

Absolute = Callable[[str], str]

# <, > and & can't close the script element or start a comment when written as JSON escapes.
_SCRIPT_ESCAPES = {">": "\\u003E", "<": "\\u003C", "&": "\\u0026"}


def clinic_id(absolute: Absolute) -> str:
    return absolute("/") + "#clinic"


def website_id(absolute: Absolute) -> str:
    return absolute("/") + "#website"


def site_nodes(profile, absolute: Absolute) -> list[dict]:
    """Return the MedicalClinic and WebSite nodes that every page carries."""
    clinic = {
        "@type": "MedicalClinic",
        "@id": clinic_id(absolute),
        "name": profile.name,
        "url": absolute("/"),
        "medicalSpecialty": "Psychiatric",
        "logo": absolute("/static/img/favicon.svg"),
    }
    if profile.tagline:
        clinic["description"] = fill(profile.tagline, profile)
    if profile.phone:
        clinic["telephone"] = profile.phone
    if profile.email:
        clinic["email"] = profile.email
    if profile.opening_hours:
        clinic["openingHours"] = profile.opening_hours
    if profile.street_address:
        clinic["address"] = {
            "@type": "PostalAddress",
            "streetAddress": profile.street_address,
            "addressLocality": profile.locality,
            "addressRegion": profile.region,
            "postalCode": profile.postal_code,
            "addressCountry": profile.country,
        }
    if profile.crisis_line:
        clinic["contactPoint"] = {
            "@type": "ContactPoint",
            "contactType": f"{profile.crisis_line_name} (call or text)",
            "telephone": profile.crisis_line,
        }
    website = {
        "@type": "WebSite",
        "@id": website_id(absolute),
        "name": profile.name,
        "url": absolute("/"),
        "inLanguage": language_tag(),
        "publisher": {"@id": clinic_id(absolute)},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute("/search/") + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }
    return [clinic, website]


def breadcrumb_list(crumbs: Iterable[tuple[str, str]], absolute: Absolute) -> dict:
    """Return a BreadcrumbList for [(name, path), …], home first."""
    return {
        "@type": "BreadcrumbList",
        "@id": absolute(list(crumbs)[-1][1]) + "#breadcrumb" if crumbs else None,
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": absolute(path)}
            for position, (name, path) in enumerate(crumbs, start=1)
        ],
    }


def named_person(person):
    """Return a Person node with no page of its own (a clinical reviewer who writes nothing), or None."""
    if person is None:
        return None
    return {"@type": "Person", "name": person.name_with_credentials}


def person(author, absolute: Absolute) -> dict:
    node = {
        "@type": "Person",
        "@id": absolute(author.get_absolute_url()) + "#person",
        "name": author.display_name,
        "url": absolute(author.get_absolute_url()),
        "worksFor": {"@id": clinic_id(absolute)},
    }
    if author.credentials:
        node["honorificSuffix"] = author.credentials
    if author.role:
        node["jobTitle"] = author.role
    if author.bio:
        node["description"] = author.bio
    return node


LANGUAGE_TAGS = {"en": "en-US", "es": "es-US"}


def language_tag() -> str:
    """The page's language as structured data names it (BCP 47): en-US, es-US."""
    return LANGUAGE_TAGS.get(current_language(), current_language())


def web_page(page_type: str, path: str, name: str, description: str, absolute: Absolute, **extra) -> dict:
    return {
        "@type": page_type,
        "@id": absolute(path) + "#webpage",
        "url": absolute(path),
        "name": name,
        "description": description,
        "isPartOf": {"@id": website_id(absolute)},
        "inLanguage": language_tag(),
        **{key: value for key, value in extra.items() if value not in (None, "", [], {})},
    }


def medical_web_page(
    path: str, name: str, description: str, entity_id: str, absolute: Absolute, **extra
) -> dict:
    """Return a MedicalWebPage for patients about entity_id, with its breadcrumb and review date."""
    reviewed = extra.pop("last_reviewed", None)
    return web_page(
        "MedicalWebPage",
        path,
        name,
        description,
        absolute,
        mainEntity={"@id": entity_id},
        audience={"@type": "Patient"},
        lastReviewed=reviewed.isoformat() if reviewed else None,
        breadcrumb={"@id": absolute(path) + "#breadcrumb"},
        **extra,
    )


def json_ld_script(nodes: Iterable[dict]) -> SafeString:
    """Return one <script type="application/ld+json"> holding every node in a single @graph."""
    graph = {"@context": "https://schema.org", "@graph": [node for node in nodes if node]}
    payload = json.dumps(graph, ensure_ascii=False, separators=(",", ":"))
    # str.replace, not str.translate: translate looks every character up in Python, ~0.5 ms a page.
    for character, escaped in _SCRIPT_ESCAPES.items():
        payload = payload.replace(character, escaped)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))

"""schema.org JSON-LD for every public page: one @graph per page, nodes linked by @id.

Builders take plain objects and an `absolute` function (path -> absolute URL) and return dicts; they query
nothing, so the views stay at a fixed number of queries. Property names follow schema.org release 30.0.
"""

import json
from collections.abc import Callable, Iterable

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from clinic.core.richtext import html_to_text

Absolute = Callable[[str], str]

# <, > and & can't close the script element or start a comment when written as JSON escapes.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
ROUTE_NAMES = {
    "iv": "intravenous",
    "intranasal": "intranasal",
    "sublingual": "sublingual",
    "intramuscular": "intramuscular",
}


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
        clinic["description"] = profile.tagline
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
            "contactType": "Suicide & Crisis Lifeline (call or text)",
            "telephone": profile.crisis_line,
        }
    website = {
        "@type": "WebSite",
        "@id": website_id(absolute),
        "name": profile.name,
        "url": absolute("/"),
        "inLanguage": "en-US",
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


def web_page(page_type: str, path: str, name: str, description: str, absolute: Absolute, **extra) -> dict:
    return {
        "@type": page_type,
        "@id": absolute(path) + "#webpage",
        "url": absolute(path),
        "name": name,
        "description": description,
        "isPartOf": {"@id": website_id(absolute)},
        "inLanguage": "en-US",
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


def article_nodes(article, absolute: Absolute, image_url: str = "") -> list[dict]:
    """Return the MedicalWebPage whose mainEntity is the article's BlogPosting, plus the people involved."""
    url = article.get_absolute_url()
    author = person(article.author, absolute)
    reviewer = person(article.reviewer, absolute) if article.reviewer_id else None
    posting = {
        "@type": "BlogPosting",
        "@id": absolute(url) + "#article",
        "headline": article.title,
        "description": article.summary,
        "author": {"@id": author["@id"]},
        "publisher": {"@id": clinic_id(absolute)},
        "mainEntityOfPage": {"@id": absolute(url) + "#webpage"},
        "wordCount": len(html_to_text(article.body).split()),
        "timeRequired": f"PT{article.reading_time}M",
        "inLanguage": "en-US",
        "citation": [
            {
                "@type": "CreativeWork",
                "name": reference.text,
                **({"url": reference.link} if reference.link else {}),
            }
            for reference in article.references.all()
        ],
        "keywords": [tag.name for tag in article.tags.all()],
        "about": [
            {
                "@type": "MedicalCondition",
                "name": condition.name,
                "url": absolute(condition.get_absolute_url()),
            }
            for condition in article.related_conditions.all()
            if condition.is_listed
        ],
    }
    if article.dek:
        posting["alternativeHeadline"] = article.dek
    if article.published_at:
        posting["datePublished"] = article.published_at.isoformat()
    posting["dateModified"] = article.updated_at.isoformat()
    if article.category_id:
        posting["articleSection"] = article.category.name
    if image_url:
        posting["image"] = absolute(image_url)
    if article.original_publication_name:
        posting["isBasedOn"] = {
            "@type": "CreativeWork",
            "name": article.original_publication_name,
            **({"url": article.original_publication_url} if article.original_publication_url else {}),
        }
    page = medical_web_page(
        url,
        article.seo_title or article.title,
        article.seo_description or article.summary,
        posting["@id"],
        absolute,
        last_reviewed=article.last_reviewed,
        specialty="Psychiatric",
        reviewedBy={"@id": reviewer["@id"]} if reviewer else None,
        primaryImageOfPage=absolute(image_url) if image_url else None,
    )
    people = [author] + ([reviewer] if reviewer and reviewer["@id"] != author["@id"] else [])
    return [page, {key: value for key, value in posting.items() if value not in ([], "")}, *people]


def therapy_reference(route, absolute: Absolute) -> dict:
    return {
        "@type": "MedicalTherapy",
        "@id": absolute(route.get_absolute_url()) + "#therapy",
        "name": route.name,
    }


def condition_nodes(condition, routes, absolute: Absolute) -> list[dict]:
    """Return the condition's MedicalWebPage and MedicalCondition (with possibleTreatment)."""
    url = condition.get_absolute_url()
    node = {
        "@type": "MedicalCondition",
        "@id": absolute(url) + "#condition",
        "name": condition.name,
        "url": absolute(url),
        "description": condition.summary,
        "possibleTreatment": [therapy_reference(route, absolute) for route in routes],
    }
    page = medical_web_page(
        url,
        condition.name,
        condition.summary,
        node["@id"],
        absolute,
        last_reviewed=condition.last_reviewed,
        about={"@id": node["@id"]},
        specialty="Psychiatric",
        reviewedBy={"@type": "Person", "name": condition.reviewed_by} if condition.reviewed_by else None,
    )
    return [page, node]


def _administration_route(route) -> str:
    slug = route.slug
    return next((name for key, name in ROUTE_NAMES.items() if slug.startswith(key)), route.short_name)


def route_nodes(route, contraindications, absolute: Absolute) -> list[dict]:
    """Return the route's MedicalWebPage and MedicalTherapy: drug, dose, contraindications, followup."""
    url = route.get_absolute_url()
    dose = {"@type": "DoseSchedule", "doseUnit": route.dose_unit, "frequency": route.schedule_induction}
    try:
        dose["doseValue"] = float(route.typical_dose)
    except ValueError:  # e.g. "56 or 84": kept as text
        dose["doseValue"] = route.typical_dose
    therapy = {
        **therapy_reference(route, absolute),
        "url": absolute(url),
        "description": route.summary,
        "drug": {
            "@type": "Drug",
            "name": route.medication,
            "administrationRoute": _administration_route(route),
            "prescriptionStatus": "https://schema.org/PrescriptionOnly",
            "legalStatus": route.get_regulatory_status_display(),
            "doseSchedule": dose,
        },
        "howPerformed": f"{route.session_length}. {route.setting}. Monitoring: {route.monitoring}.",
        "followup": route.observation_period,
        "contraindication": [
            {
                "@type": "MedicalContraindication",
                "name": contraindication.name,
                "description": contraindication.explanation,
                "additionalType": contraindication.get_kind_display(),
            }
            for contraindication in contraindications
        ],
    }
    page = medical_web_page(
        url,
        route.name,
        route.summary,
        therapy["@id"],
        absolute,
        last_reviewed=route.last_reviewed,
        about={"@id": therapy["@id"]},
    )
    return [page, therapy]


def json_ld_script(nodes: Iterable[dict]) -> SafeString:
    """Return one <script type="application/ld+json"> holding every node in a single @graph."""
    graph = {"@context": "https://schema.org", "@graph": [node for node in nodes if node]}
    payload = json.dumps(graph, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308

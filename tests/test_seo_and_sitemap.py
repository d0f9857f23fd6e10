"""What search engines and sharing see: the sitemap, robots.txt, structured data (JSON-LD), titles,
descriptions and canonical addresses; and that public pages run no script and load nothing from other
hosts."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from domain.models import SiteProfile
from tests.factories import (
    AdministrationRouteFactory,
    ArticleFactory,
    CategoryFactory,
    ConditionFactory,
    ConditionRouteFactory,
    ContraindicationFactory,
    TagFactory,
)
from tests.helpers import SITEMAP_NS, sitemap_entries

pytestmark = pytest.mark.django_db

# articles counted (index or not), sections 3, then each list read once (×3: every page in each language it
# exists in, with whether it is translated read in the same query), archives 3 × 2, profile
SITEMAP_QUERIES = 14


def json_ld_graph(response):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert len(blocks) == 1, "one @graph per page"
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def nodes_of_type(graph, type_name):
    return [node for node in graph if node.get("@type") == type_name]


def test_sitemap_lists_every_public_page_with_lastmod_and_nothing_unpublished(client):
    category, tag = CategoryFactory(), TagFactory()
    public = ArticleFactory(published=True, category=category, tags=[tag])
    draft, scheduled = ArticleFactory(), ArticleFactory(scheduled=True)
    archived = ArticleFactory(archived=True)
    listed, hidden = ConditionFactory(), ConditionFactory(hidden=True)
    route, hidden_route = AdministrationRouteFactory(), AdministrationRouteFactory(is_listed=False)
    empty_category = CategoryFactory()

    entries = sitemap_entries(client)
    paths = {re.sub(r"^https?://[^/]+", "", loc) for loc in entries}
    expected = {
        "/", "/articles/", "/conditions/", "/treatments/", "/safety/",
        public.get_absolute_url(), listed.get_absolute_url(), route.get_absolute_url(),
        category.get_absolute_url(), tag.get_absolute_url(), public.author.get_absolute_url(),
    }  # fmt: skip
    assert expected <= paths
    for absent in (draft, scheduled, archived, hidden, hidden_route, empty_category):
        assert absent.get_absolute_url() not in paths
    assert all(entries.values()), "every entry has a lastmod"


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_every_page_carries_the_clinic_and_website_with_search_action(client):
    profile = SiteProfile.objects.get_current()
    profile.name, profile.phone, profile.street_address = "Harbor Light Clinic", "(555) 010-0199", "1 Main St"
    profile.save()
    graph = json_ld_graph(client.get(reverse("conditions:list")))
    clinic = nodes_of_type(graph, "MedicalClinic")[0]
    assert clinic["name"] == "Harbor Light Clinic" and clinic["telephone"] == "(555) 010-0199"
    assert clinic["address"]["streetAddress"] == "1 Main St"
    website = nodes_of_type(graph, "WebSite")[0]
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "http://testserver/search/?q={search_term_string}"
    assert website["publisher"] == {"@id": clinic["@id"]}


def test_condition_page_is_a_medical_condition_with_possible_treatments_and_breadcrumbs(client):
    link = ConditionRouteFactory()
    hidden_route = AdministrationRouteFactory(is_listed=False)
    ConditionRouteFactory(condition=link.condition, route=hidden_route)
    graph = json_ld_graph(client.get(link.condition.get_absolute_url()))
    condition = nodes_of_type(graph, "MedicalCondition")[0]
    assert condition["name"] == link.condition.name
    assert [therapy["name"] for therapy in condition["possibleTreatment"]] == [link.route.name]
    page = nodes_of_type(graph, "MedicalWebPage")[0]
    assert page["mainEntity"] == {"@id": condition["@id"]} and page["audience"] == {"@type": "Patient"}
    crumbs = nodes_of_type(graph, "BreadcrumbList")[0]["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == ["Home", "Conditions", link.condition.name]
    assert page["breadcrumb"]["@id"] == nodes_of_type(graph, "BreadcrumbList")[0]["@id"]


def test_route_page_is_a_medical_therapy_with_drug_dose_contraindications_and_followup(client):
    route = AdministrationRouteFactory(observation_period="About 1 hour")
    applies = ContraindicationFactory(name="Uncontrolled high blood pressure", routes=[route])
    elsewhere = ContraindicationFactory(name="Only for another route", routes=[AdministrationRouteFactory()])
    therapy = nodes_of_type(json_ld_graph(client.get(route.get_absolute_url())), "MedicalTherapy")[0]
    assert therapy["drug"]["@type"] == "Drug"
    assert therapy["drug"]["doseSchedule"] == {
        "@type": "DoseSchedule", "doseUnit": "mg/kg", "doseValue": 0.5, "frequency": route.schedule_induction,
    }  # fmt: skip
    names = [item["name"] for item in therapy["contraindication"]]
    assert applies.name in names and elsewhere.name not in names
    assert therapy["followup"] == "About 1 hour"


def test_route_administration_route_comes_from_its_field_not_its_slug(client):
    named = AdministrationRouteFactory(slug="iv-but-really-nasal", route_of_administration="intranasal")
    unnamed = AdministrationRouteFactory(slug="iv-unset", short_name="Drip")
    for route, expected in ((named, "intranasal"), (unnamed, "Drip")):
        therapy = nodes_of_type(json_ld_graph(client.get(route.get_absolute_url())), "MedicalTherapy")[0]
        assert therapy["drug"]["administrationRoute"] == expected


def test_route_of_administration_migration_keeps_what_the_slug_gave():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("conditions.migrations.0004_route_of_administration")
    routes = {
        slug: AdministrationRouteFactory(slug=slug)
        for slug in (
            "iv-ketamine-infusion",
            "intranasal-esketamine",
            "sublingual-oral",
            "intramuscular-x",
            "oral",
        )
    }
    migration.from_slug(apps, None)
    assert {slug: route.__class__.objects.get(pk=route.pk).route_of_administration
            for slug, route in routes.items()} == {
        "iv-ketamine-infusion": "intravenous", "intranasal-esketamine": "intranasal",
        "sublingual-oral": "sublingual", "intramuscular-x": "intramuscular", "oral": "",
    }  # fmt: skip


def test_pages_have_unique_titles_descriptions_and_canonical_urls(client):
    condition, route = ConditionFactory(), AdministrationRouteFactory()
    paths = [
        "/",
        "/conditions/",
        condition.get_absolute_url(),
        "/treatments/",
        route.get_absolute_url(),
        "/safety/",
    ]
    seen_titles, seen_descriptions = set(), set()
    for path in paths:
        html = client.get(path).content.decode()
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
        description = re.search(r'<meta name="description" content="(.*?)">', html).group(1)
        assert title not in seen_titles and description not in seen_descriptions, path
        seen_titles.add(title)
        seen_descriptions.add(description)
        assert f'<link rel="canonical" href="http://testserver{path}">' in html
        assert f'<meta property="og:url" content="http://testserver{path}">' in html
        assert '<meta name="twitter:card" content="summary_large_image">' in html
        assert re.search(
            r'<meta property="og:image" content="http://testserver/static/img/og-default\.png">', html
        )


def test_canonical_url_drops_tracking_parameters_but_keeps_the_page_number(client):
    ArticleFactory.create_batch(11, published=True)
    html = client.get("/articles/?page=2&utm_source=newsletter").content.decode()
    assert '<link rel="canonical" href="http://testserver/articles/?page=2">' in html


def test_json_ld_cannot_be_broken_out_of_by_stored_text(client):
    condition = ConditionFactory(name="</script><script>alert(1)</script>", summary="a & b < c")
    response = client.get(condition.get_absolute_url())
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    assert "<script>" not in script.group(1)
    assert nodes_of_type(json_ld_graph(response), "MedicalCondition")[0]["name"] == condition.name


def public_pages():
    link = ConditionRouteFactory()
    ContraindicationFactory(routes=[link.route])
    category, tag = CategoryFactory(), TagFactory()
    article = ArticleFactory(
        published=True, category=category, tags=[tag], related_conditions=[link.condition]
    )
    return [
        "/", "/articles/", article.get_absolute_url(), category.get_absolute_url(), tag.get_absolute_url(),
        article.author.get_absolute_url(), "/conditions/", link.condition.get_absolute_url(), "/treatments/",
        link.route.get_absolute_url(), "/safety/", "/safety/check/", "/search/?q=article", "/no-such-page/",
    ]  # fmt: skip


# Whatever the browser fetches by itself: images, styles, icons, frames, media, preloads.
FETCHED_URL = re.compile(
    r'<(?:img|link|iframe|source|video|audio|embed|object)\b[^>]*?\b(?:src|href)="([^"]+)"'
)


def test_public_pages_run_no_script_and_load_nothing_from_other_hosts(client):
    for path in public_pages():
        html = client.get(path).content.decode()
        scripts = re.findall(r"<script\b[^>]*>", html)
        assert set(scripts) <= {'<script type="application/ld+json">'}, path
        assert not re.search(r"<[^>]+\son[a-z]+=", html), f"{path} has an inline event handler"
        for url in FETCHED_URL.findall(html):
            if url.startswith("http://testserver/"):
                continue
            assert url.startswith("/") and not url.startswith("//"), f"{path} loads {url}"


def test_sitemap_query_count_does_not_grow_with_content(client, django_assert_num_queries):
    SiteProfile.objects.get_current()  # exists, as on any running site
    for _ in range(2):
        public_pages()
        cache.clear()  # the sitemap view is cached for 15 minutes
        with django_assert_num_queries(SITEMAP_QUERIES):
            assert client.get("/sitemap.xml").status_code == 200


@pytest.mark.django_db
def test_pages_without_a_model_are_titled_the_same_way_as_the_rest(client):
    site = SiteProfile.objects.get_current()
    pages = {
        "/no-such-page/": "Page not found",
        reverse("search") + "?q=sleep": "Search: sleep",
        reverse("conditions:check"): "Pre-screen: is ketamine treatment right for me?",
    }
    for url, title in pages.items():
        html = client.get(url).content.decode()
        assert f"<title>{title} · {site.name}</title>" in html, url
    forged = Client(enforce_csrf_checks=True).post(reverse("conditions:check"), {})
    assert forged.status_code == 403
    assert f"<title>Please send the form again · {site.name}</title>" in forged.content.decode()


def test_a_large_sitemap_becomes_an_index_of_its_sections(client, settings):
    settings.SITEMAP_INDEX_FROM = 2
    articles = ArticleFactory.create_batch(2, published=True)
    root = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [element.text for element in root.findall(".//sm:loc", SITEMAP_NS)]
    assert root.tag.endswith("sitemapindex")
    assert (
        "http://testserver/sitemap-articles.xml" in sections
        and "http://testserver/sitemap-conditions.xml" in sections
    )
    listed = client.get("/sitemap-articles.xml").content.decode()
    assert all(article.get_absolute_url() in listed for article in articles)
    assert client.get("/sitemap-nonsense.xml").status_code == 404

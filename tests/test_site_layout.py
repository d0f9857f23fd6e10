"""What every page shares: the base template's landmarks and clinic details, the styled error pages, the
headers that switch off what the site never uses, and the site profile read from the cache."""

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.views.defaults import server_error

from domain.models import SiteProfile


@pytest.mark.django_db
def test_unknown_page_gets_the_styled_404_with_site_navigation(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We can't find that page" in html
    assert '<nav class="site-nav" aria-label="Main">' in html
    assert "988" in html


@pytest.mark.django_db
def test_500_page_renders_without_touching_the_database(django_assert_num_queries):
    request = RequestFactory().get("/broken/")
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html and "988" in html


@pytest.mark.django_db
def test_base_template_has_landmarks_skip_link_and_clinic_details(client):
    profile = SiteProfile.objects.get_current()
    profile.name = "Harbor Light Clinic"
    profile.phone = "(555) 010-0199"
    profile.save()
    html = client.get(reverse("home")).content.decode()
    assert '<html lang="en">' in html
    assert html.index('class="skip-link" href="#main"') < html.index("<header")
    assert html.count('<main id="main"') == 1
    assert '<nav class="site-nav" aria-label="Main">' in html
    assert 'role="search"' in html and 'for="site-search-q"' in html
    footer = html[html.index("<footer") :]
    assert "Harbor Light Clinic" in footer and 'href="tel:5550100199"' in footer
    assert "988" in footer and "Medical disclaimer" in footer


@pytest.mark.django_db
def test_pages_load_nothing_from_other_hosts(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    html = response.content.decode()
    # The page is styled by the site's own stylesheets, and the browser is told to load from nowhere else.
    assert '<link rel="stylesheet" href="/static/css/site.css">' in html
    assert "default-src 'self'" in response["Content-Security-Policy"]
    for attribute in ('src="http', "src='http", 'href="//', 'src="//'):
        assert attribute not in html
    assert 'rel="stylesheet" href="http' not in html


@pytest.mark.django_db
def test_admin_is_titled_with_the_clinic_name(client):
    profile = SiteProfile.objects.get_current()
    profile.name = "Harbor Light Clinic"
    profile.save()
    html = client.get("/admin/login/").content.decode()
    assert "Harbor Light Clinic admin" in html  # title and branding


@pytest.mark.django_db
def test_site_profile_is_cached_so_pages_do_not_query_it_each_time(client):
    client.get("/no-such-page/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/no-such-page/").status_code == 404
    assert not [query for query in queries if "clinic_siteprofile" in query["sql"]]
    profile = SiteProfile.objects.get_current()
    profile.name = "Renamed Clinic"
    profile.save()  # saving drops the cached copy, so the change shows at once
    assert "Renamed Clinic" in client.get("/no-such-page/").content.decode()


@pytest.mark.django_db
def test_an_expired_form_gets_a_clear_page_that_keeps_the_site_and_crisis_help():
    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post("/safety/check/", {"q1": "yes"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Please send the form again" in html and "Nothing you entered was saved" in html
    assert '<nav class="site-nav" aria-label="Main">' in html and "988" in html
    assert "CSRF verification failed" not in html


@pytest.mark.django_db
def test_browser_features_the_site_never_uses_are_switched_off(client):
    for url in ("/", reverse("admin:login")):
        policy = client.get(url)["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
            assert feature in policy, (url, feature)

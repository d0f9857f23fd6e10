"""No address or query string answers 500, however odd (issue 19, part 5).

The addresses are generated from the URL resolver: every public URL pattern, and every admin URL pattern
opened by the roles that may open it. Each path parameter is filled in turn with odd values (NUL and
other control characters, bytes that are not UTF-8, words where ids go, numbers no column holds, very
long strings) while the others keep a real value, and the real address is sent with odd query strings.
A URL pattern added later is covered without a new test; one whose parameter this file has no real
value for fails until it has one. Runs on SQLite and, with DATABASE_URL set, on PostgreSQL, which
refuses NUL in text where SQLite stores it.
"""

import inspect
import re
from contextlib import contextmanager
from itertools import cycle
from urllib.parse import urlsplit

import pytest
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils.regex_helper import normalize

from clinic.site.sitemaps import SITEMAPS
from domain.models import SiteProfile
from tests.factories import (
    AdministrationRouteFactory,
    ArticleFactory,
    CategoryFactory,
    ConditionFactory,
    TagFactory,
    member_of,
)
from tests.helpers import (
    ANONYMOUS,
    NO_GROUP,
    ROLES,
    allowed_on_any,
    model_label,
    objects_to_try,
    users_by_role,
)

pytestmark = pytest.mark.django_db

# As they travel in a URL: percent-encoded, as a browser or a script would send them.
ODD_PATH_VALUES = {
    "NUL": "%00",
    "control characters and a line break": "a%01%1B%7F%C2%85%0D%0Ab",
    "bytes that are not UTF-8": "%FF%FE",
    "a word where an id goes": "abc",
    "a number no column holds": "9" * 40,
    "a very long string": "a" * 4000,
    "dots and backslashes": "..%5C..%2Fsettings.py",
}
# In every query parameter at once, or (the last) a different wrong kind of value in each in turn.
ODD_QUERY_VALUES = {
    "NUL": ["%00"],
    "control characters and a line break": ["%01%1B%7F%C2%85%0D%0A"],
    "values of the wrong kind": ["a" * 2000, "abc", "9" * 40, "-1", "%FF%FE"],
}
# The query parameters the site's views and Django's admin read: search and pages; the admin's lists,
# forms, version comparison, autocomplete and sign-in steps; and one that nothing reads.
QUERY_NAMES = [
    "q", "page", "p", "o", "all", "e", "_popup", "_changelist_filters", "stage", "a", "b", "next",
    "term", "app_label", "model_name", "field_name", "utm_source",
]  # fmt: skip
# An admin list takes any other parameter as a filter and sends an unknown one back with ?e=1 (what
# filters accept is tested in tests/test_admin_permission_matrix.py), so lists get only their own.
CHANGELIST_QUERY_NAMES = ["q", "p", "o", "all", "_popup"]


def _patterns(patterns=None, prefix="", namespaces=()):
    """Yield (regex of the whole path, view name, URL pattern) for every URL pattern the site resolves."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        regex = prefix + pattern.pattern.regex.pattern.removeprefix("^")
        if isinstance(pattern, URLResolver):
            inner = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
            yield from _patterns(pattern.url_patterns, regex, inner)
        else:
            yield regex, ":".join((*namespaces, pattern.name or "")), pattern


def _addresses(regex, view_name, real):
    """Yield (what is odd, address) for one URL pattern: the real address first."""
    (template, params), *_ = normalize(regex)
    missing = [param for param in params if param not in real]
    assert not missing, f"{regex}: give {missing} a real value in tests/test_malformed_requests.py"
    plain = "/" + template % {param: real[param] for param in params}
    yield "the real address", plain
    for param in params:
        for odd_name, odd in ODD_PATH_VALUES.items():
            yield f"{param}: {odd_name}", "/" + template % {**real, param: odd}
    names = CHANGELIST_QUERY_NAMES if view_name.endswith("_changelist") else QUERY_NAMES
    for odd_name, odds in ODD_QUERY_VALUES.items():
        query = "&".join(f"{name}={odd}" for name, odd in zip(names, cycle(odds)))
        yield f"query: {odd_name}", f"{plain}?{query}"


def _problem(client, what, url):
    """Return what is wrong with the answer to url, or None: no 500, no redirect off the site."""
    # A savepoint per request: on PostgreSQL a failed statement would poison the rest of the test.
    with transaction.atomic():
        response = client.get(url)
        transaction.set_rollback(True)
    status, location = response.status_code, response.get("Location", "")
    where = f"{url[:150]} ({what})"
    if status >= 500:
        return f"{status} for {where}"
    if 300 <= status < 400 and urlsplit(location).netloc not in ("", "testserver"):
        return f"{status} off the site, to {location[:100]}, for {where}"
    return None


def _model_admin(pattern):
    """Return the ModelAdmin whose view the pattern calls, or None for the admin site's own views."""

    def is_model_admin_method(view):
        return isinstance(getattr(view, "__self__", None), admin.ModelAdmin)

    view = inspect.unwrap(pattern.callback, stop=is_model_admin_method)
    found = getattr(pattern.callback, "model_admin", None) or getattr(view, "__self__", None)
    return found if isinstance(found, admin.ModelAdmin) else None


@pytest.fixture
def public_values():
    condition = ConditionFactory()
    article = ArticleFactory(
        published=True, category=CategoryFactory(), tags=[TagFactory()], related_conditions=[condition]
    )
    upload = default_storage.save("odd-input/real.txt", ContentFile(b"a file readers may fetch"))
    return {
        "sitemap_section": {"section": next(iter(SITEMAPS))},
        "media": {"path": upload},
        "articles:count_view": {"pk": article.pk},
        "articles:category": {"slug": article.category.slug},
        "articles:tag": {"slug": article.tags.get().slug},
        "articles:author": {"slug": article.author.slug},
        "articles:condition": {"slug": condition.slug},
        "articles:detail": {"slug": article.slug},
        "conditions:detail": {"slug": condition.slug},
        "conditions:route_detail": {"slug": AdministrationRouteFactory().slug},
    }


def test_no_public_address_answers_500_to_odd_input(public_values):
    client = Client(raise_request_exception=False)
    problems, tried = [], set()
    for regex, view_name, _ in _patterns():
        if regex.startswith("admin/"):
            continue
        tried.add(view_name)
        for what, url in _addresses(regex, view_name, public_values.get(view_name, {})):
            if what == "the real address":
                # The odd addresses are judged against a page that works.
                assert client.get(url).status_code == 200, url
            else:
                problems.append(_problem(client, what, url))
    assert {"search", "articles:detail", "conditions:route_detail", "media"} <= tried
    assert not any(problems), "\n".join(filter(None, problems))


def test_no_admin_address_answers_500_to_odd_input_as_any_role_that_may_open_it():
    """The roles that may open a pattern take turns sending its addresses: each role sends at least one
    address of every pattern it may open, each address is sent at least once, and the run stays short."""
    users = users_by_role()
    clients = {}
    for role in ROLES:
        clients[role] = Client(raise_request_exception=False)
        if users[role] is not None:
            clients[role].force_login(users[role])
    category = CategoryFactory()
    site_wide = {  # the admin site's own parameters: an app's page, a catch-all, "view on site"
        "app_label": "articles",
        "url": "nothing-here/",
        "content_type_id": ContentType.objects.get_for_model(category).pk,
        "object_id": category.pk,
    }
    objects, problems, opened = {}, [], set()
    for regex, view_name, pattern in _patterns():
        if not regex.startswith("admin/"):
            continue
        model_admin = _model_admin(pattern)
        real = dict(site_wide)
        if model_admin is None:
            roles = ROLES
        else:
            label = model_label(model_admin.model)
            roles = [
                role
                for role in ROLES
                if role not in (ANONYMOUS, NO_GROUP) and allowed_on_any(label, role, "v")
            ]
            if label not in objects:
                objects[label] = next(iter(objects_to_try(label, users).values()))
            obj = objects[label]
            real |= {"object_id": obj.pk, "_0": obj.pk, "id": obj.pk, "pk": obj.pk}
            if hasattr(obj, "history"):
                if not obj.history.exists():
                    obj.save()  # one saved version to point at
                real["_1"] = obj.history.latest("history_date").history_id
        addresses = list(_addresses(regex, view_name, real))
        for turn in range(max(len(addresses), len(roles))):
            role, (what, url) = roles[turn % len(roles)], addresses[turn % len(addresses)]
            opened.add(role)
            problem = _problem(clients[role], what, url)
            problems.append(problem and f"{role}: {problem}")
    assert opened == set(ROLES)
    assert not any(problems), "\n".join(filter(None, problems))


# The findings, one by one

CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")


@contextmanager
def _control_characters_sent_to_the_database():
    """Collect the parameters of every SQL statement run inside that hold a control character."""
    found = []

    def record(execute, sql, params, many, context):
        rows = params if many else [params]
        found.extend(
            value
            for row in rows
            for value in row or ()
            if isinstance(value, str) and CONTROL_CHARACTER.search(value)
        )
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        yield found


@pytest.mark.parametrize("address", ["/x%00", "/articles/%00/", "/search/%00", "/articles/a%0D%0Ab/"])
def test_an_address_with_a_control_character_is_not_found_and_never_looked_up(client, address):
    with _control_characters_sent_to_the_database() as sent:
        response = client.get(address)
    assert response.status_code == 404 and "We can't find that page" in response.content.decode()
    # PostgreSQL refuses NUL in a statement: the redirect lookup after the 404 used to send it there (a 500).
    assert sent == []


def test_nul_in_a_query_string_is_dropped_before_any_view_reads_it(client, editor):
    TagFactory(name="Sleep")
    client.force_login(editor)
    autocomplete = reverse("admin:autocomplete") + "?app_label=articles&model_name=article&field_name=tags"
    with _control_characters_sent_to_the_database() as sent:
        response = client.get(autocomplete + "&term=sle%00ep")
    assert [result["text"] for result in response.json()["results"]] == ["Sleep"]
    assert sent == []


def test_a_tab_pasted_into_the_search_is_still_a_search(client):
    ArticleFactory(published=True, title="Ketamine infusion day")
    response = client.get("/search/?q=infusion%09day")
    assert response.status_code == 200 and "Ketamine infusion day" in response.content.decode()


def test_a_version_id_that_is_not_a_number_answers_404(client, editor):
    article = ArticleFactory(published=True)
    client.force_login(editor)
    version = article.history.latest("history_date").history_id
    history = "admin:articles_article_simple_history"
    assert client.get(reverse(history, args=[article.pk, version])).status_code == 200
    assert client.get(reverse(history, args=[article.pk, "abc"])).status_code == 404


def test_comparing_site_profile_versions_answers_404_as_it_has_no_comparison_page(client):
    client.force_login(member_of("Clinic staff", username="desk"))
    profile = SiteProfile.objects.get_current()
    profile.save()  # a saved version
    assert client.get(reverse("admin:clinic_siteprofile_history", args=[profile.pk])).status_code == 200
    assert client.get(f"/admin/clinic/siteprofile/{profile.pk}/history/compare/").status_code == 404


def test_comparing_versions_with_bad_parameters_shows_the_latest_two(client, editor):
    article = ArticleFactory(published=True, title="First title")
    article.title = "Second title"
    article.save()
    client.force_login(editor)
    compare = reverse("admin:articles_article_compare", args=[article.pk])
    response = client.get(compare + "?a=abc&b=" + "9" * 40)
    assert response.status_code == 200
    assert (
        response.context["older"].title == "First title" and response.context["newer"].title == "Second title"
    )


def test_a_media_name_longer_than_the_disk_holds_answers_404(client):
    upload = default_storage.save("images/room.txt", ContentFile(b"an upload"))
    assert client.get(f"/media/{upload}").status_code == 200
    assert client.get("/media/images/" + "a" * 4000).status_code == 404


def test_a_failed_login_with_nul_in_its_headers_is_counted_not_a_server_error(client):
    # The lockout stores the User-Agent; PostgreSQL refuses NUL in text, which made this a 500 there.
    response = client.post(
        reverse("admin:login"),
        {"username": "nobody", "password": "wrong"},
        HTTP_USER_AGENT="Mozilla\x00/5.0",
        HTTP_ACCEPT="text/html\x00",
    )

    assert response.status_code == 200
    assert "Please enter the correct" in response.content.decode()
    assert [attempt.user_agent for attempt in AccessAttempt.objects.all()] == ["Mozilla/5.0"]

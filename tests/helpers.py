"""Helpers the test modules share. Factories are in tests/factories.py, fixtures in tests/conftest.py.

- Django run in a fresh interpreter on the project's settings, with only the environment given.
- Admin forms as a browser would post them back, unchanged or with changes.
- Media in the object store, test images, and the sitemap's entries.
- Query counts pinned for pages that more than one module opens.
- The admin roles, and the one table of what each may do to each registered model.
- The database's rows, and the changes between two readings of them (the demo content, loaded once per run).
"""

import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management.color import no_style
from django.db import connection, models
from django.db.models.fields.files import FieldFile
from django.forms import ModelMultipleChoiceField
from django.urls import reverse
from django.utils.functional import empty
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image
from sorl.thumbnail import default as thumbnail_default

from articles.models import Author, MostReadArticle
from conditions.models import Evidence
from domain.models import Citation, KeyFact, Redirect, SiteProfile, SynonymSet, cite
from tests.factories import (
    AdministrationRouteFactory,
    ArticleFactory,
    AuthorFactory,
    CandidateProfileFactory,
    CategoryFactory,
    ConditionFactory,
    ConditionGroupFactory,
    ContraindicationFactory,
    InteractionFactory,
    PersonFactory,
    SourceFactory,
    TagFactory,
    UserFactory,
    open_library_proposal,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent


# Django in a fresh process


def run_django(code: str, **env: str) -> subprocess.CompletedProcess:
    """Run code in a fresh interpreter with Django set up on the project's settings and only the given env."""
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    clean_env.update(env, DJANGO_SETTINGS_MODULE="clinic.settings")
    script = f"import django; django.setup()\n{code}"
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_DIR,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def settings_value(expression: str, **env: str):
    result = run_django(
        f"import json; from django.conf import settings; print(json.dumps({expression}))", **env
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# Admin forms


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def inline_management(response):
    """Return the management fields of the admin form's inlines, as a browser sends them with the form."""
    data = {}
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        for key, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{key}"] = value
    return data


def form_data(response, **changes):
    """Return the POST data of the admin form in response, as a browser would send it unchanged."""
    data = {}
    form = response.context["adminform"].form
    for name in form.fields:
        value = form[name].value()
        widget = form.fields[name].widget
        if hasattr(widget, "widgets"):  # split date and time
            parts = value if isinstance(value, list) else widget.decompress(value)
            for index, part in enumerate(parts):
                data[f"{name}_{index}"] = "" if part is None else part
        elif isinstance(value, FieldFile) or value is False:
            continue
        elif value is None and isinstance(form.fields[name], ModelMultipleChoiceField):
            data[name] = []
        else:
            data[name] = "" if value is None else value
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        for key, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{key}"] = value
        for subform in formset.initial_forms:
            for name in subform.fields:
                value = subform[name].value()
                if value not in (None, False):
                    data[subform.add_prefix(name)] = value
        data[f"{formset.prefix}-TOTAL_FORMS"] = len(formset.initial_forms)
    data.update(changes)
    return data


# The generic inline of an item's numbered sources (editorial.admin.CitationInline).
CITATIONS = "clinic-citation-content_type-object_id"


def condition_form_data(condition=None, **overrides):
    """Return what the condition change form posts, with no inline rows unless given."""
    group = condition.group if condition else ConditionGroupFactory()
    data = {
        "name": condition.name if condition else "Complex PTSD",
        "slug": condition.slug if condition else "complex-ptsd",
        "group": group.pk,
        "summary": condition.summary if condition else "Long-lasting trauma symptoms.",
        "description": condition.description if condition else "<p>More.</p>",
        "evidence": condition.evidence if condition else Evidence.INVESTIGATIONAL,
        "is_listed": "on",
        "order": condition.order if condition else 3,
        "route_links-TOTAL_FORMS": 0,
        "route_links-INITIAL_FORMS": 0,
        "route_links-MIN_NUM_FORMS": 0,
        "route_links-MAX_NUM_FORMS": 1000,
        CITATIONS + "-TOTAL_FORMS": 0,
        CITATIONS + "-INITIAL_FORMS": 0,
        # The translations inline (editorial.translation_admin), with no translation.
        "translations-TOTAL_FORMS": 0,
        "translations-INITIAL_FORMS": 0,
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# Media storage, images and the sitemap


def use_media_storage(settings, options):
    """Point media at the object store (infrastructure.storage.MediaStorage) with the given options."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "infrastructure.storage.MediaStorage", "OPTIONS": options},
    }
    thumbnail_default.storage._wrapped = empty  # sorl keeps its storage object: let it find the new one


GPS = {1: "N", 2: (40.0, 26.0, 46.0), 3: "W", 4: (79.0, 58.0, 56.0)}


def image_bytes(image_format="JPEG", size=(120, 80), with_gps=False):
    exif = Image.Exif()
    if with_gps:
        exif[0x010F] = "PocketCam"  # camera make
        exif[0x0112] = 6  # taken rotated: stored sideways
        exif[0x8825] = GPS
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, format=image_format, exif=exif.tobytes())
    return out.getvalue()


SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.findtext("sm:loc", namespaces=SITEMAP_NS): url.findtext("sm:lastmod", namespaces=SITEMAP_NS)
        for url in root.findall("sm:url", SITEMAP_NS)
    }


# Query counts pinned for pages several modules open: measured once, they must not grow with content.

# article with author, category and reviewer; tags; references with their sources; related conditions; the
# routes of its conditions (their emergency advice); related articles; recent articles; previous; next
ARTICLE_PAGE_QUERIES = 9
PRESCREEN_GET_QUERIES = 2  # the listed contraindications, the listed interactions (medicine questions)


# Admin roles: what each may do to each registered model (tests/test_admin_permission_matrix.py checks
# every view against it; the odd-input and changelist-lookup tests ask it which lists a role may open).

ANONYMOUS, NO_GROUP, AUTHORS, EDITORS, CLINIC_STAFF, SUPERUSER = (
    "anonymous", "staff without a group", "Authors", "Editors", "Clinic staff", "superuser",
)  # fmt: skip
ROLES = [ANONYMOUS, NO_GROUP, AUTHORS, EDITORS, CLINIC_STAFF, SUPERUSER]
ALL = "vacd"  # view, add, change, delete

# What each role may do to each registered model, by case where the object decides; anything a role
# is not given here is refused. The anonymous visitor and the staff login without a group get nothing.
EXPECTED = {
    "articles.article": {
        AUTHORS: {"own draft": "vac", "someone else's draft": "a", "own published article": "va"},
        EDITORS: ALL,
        CLINIC_STAFF: "v",
        SUPERUSER: ALL,
    },
    "articles.mostreadarticle": {EDITORS: "v", CLINIC_STAFF: "v", SUPERUSER: "v"},  # a read-only report
    "articles.author": {AUTHORS: "v", EDITORS: ALL, CLINIC_STAFF: "v", SUPERUSER: ALL},
    "articles.category": {AUTHORS: "v", EDITORS: ALL, CLINIC_STAFF: "v", SUPERUSER: ALL},
    "articles.tag": {AUTHORS: "v", EDITORS: ALL, CLINIC_STAFF: "v", SUPERUSER: ALL},
    "conditions.conditiongroup": {CLINIC_STAFF: ALL, SUPERUSER: ALL},
    "conditions.condition": {AUTHORS: "v", EDITORS: "v", CLINIC_STAFF: ALL, SUPERUSER: ALL},
    "conditions.administrationroute": {CLINIC_STAFF: ALL, SUPERUSER: ALL},
    "conditions.contraindication": {CLINIC_STAFF: ALL, SUPERUSER: ALL},
    "conditions.candidateprofile": {CLINIC_STAFF: ALL, SUPERUSER: ALL},
    "conditions.interaction": {CLINIC_STAFF: ALL, SUPERUSER: ALL},
    # Shared records: editors keep the people they name as reviewers; clinic staff pick from them.
    "clinic.person": {EDITORS: ALL, CLINIC_STAFF: "v", SUPERUSER: ALL},
    # One record per paper, cited by articles and clinical listings alike; an author may add a new one.
    "clinic.source": {AUTHORS: "va", EDITORS: ALL, CLINIC_STAFF: ALL, SUPERUSER: ALL},
    # One profile: never added twice, never deleted; clinic staff keep its crisis line and contacts current.
    "clinic.siteprofile": {CLINIC_STAFF: "vc", SUPERUSER: "vc"},
    # An item's citation of a source, with its passages: added on the item's page, seen by whoever may see
    # the item and changed by whoever may change it (here a condition, which authors and editors only read).
    "clinic.citation": {AUTHORS: "v", EDITORS: "v", CLINIC_STAFF: "vcd", SUPERUSER: "vcd"},
    "clinic.keyfact": {SUPERUSER: ALL},
    # Old addresses: the people who change public pages' addresses keep them working by hand too.
    # The clinical library's proposals: read on a page no one edits; decided through its own view
    # (test_admin_permission_matrix's CUSTOM_VIEWS) by those who may change the item; never added or deleted.
    "library.libraryproposal": {CLINIC_STAFF: "v", SUPERUSER: "v"},
    "clinic.redirect": {EDITORS: ALL, CLINIC_STAFF: ALL, SUPERUSER: ALL},
    # Search synonyms: editors (who keep articles) and clinic staff (who keep the clinical listings).
    "clinic.synonymset": {EDITORS: ALL, CLINIC_STAFF: ALL, SUPERUSER: ALL},
    "auth.user": {SUPERUSER: ALL},
    "auth.group": {SUPERUSER: ALL},
    # Sign-in records: read, and deleted to unlock; nobody writes them by hand.
    "axes.accessattempt": {SUPERUSER: "vd"},
    "axes.accesslog": {SUPERUSER: "vd"},
    "axes.accessfailurelog": {SUPERUSER: "vd"},
    "otp_totp.totpdevice": {SUPERUSER: ALL},
    "otp_static.staticdevice": {SUPERUSER: ALL},
}


def users_by_role():
    users = {ANONYMOUS: None, NO_GROUP: UserFactory(username="no-group")}
    for group in (AUTHORS, EDITORS, CLINIC_STAFF):
        user = UserFactory(username=group.lower().replace(" ", "-"))
        user.groups.add(Group.objects.get(name=group))
        users[group] = user
    users[SUPERUSER] = UserFactory(username="root", is_superuser=True)
    return users


SIGN_IN = {"username": "ed", "ip_address": "203.0.113.9", "user_agent": "Firefox", "http_accept": "*/*",
           "path_info": "/admin/login/"}  # fmt: skip


def _citation_of(item):
    cite(item, [SourceFactory()])
    return Citation.objects.get(object_id=item.pk, content_type__model=item._meta.model_name)


def objects_to_try(label, users):
    """Return {case name: object} for the model: the objects whose admin pages are tried."""
    # Asked once per model, or once for every model (tests/test_malformed_requests.py): one profile for all.
    own_profile = Author.objects.filter(user=users[AUTHORS]).first() or AuthorFactory(
        user=users[AUTHORS], display_name="Wren Writer"
    )
    makers = {
        "articles.article": lambda: {
            "own draft": ArticleFactory(author=own_profile),
            "someone else's draft": ArticleFactory(),
            "own published article": ArticleFactory(author=own_profile, published=True),
        },
        "articles.mostreadarticle": lambda: {
            "": MostReadArticle.objects.get(pk=ArticleFactory(published=True).pk)
        },
        "articles.author": lambda: {"": AuthorFactory()},
        "articles.category": lambda: {"": CategoryFactory()},
        "articles.tag": lambda: {"": TagFactory()},
        "conditions.conditiongroup": lambda: {"": ConditionGroupFactory()},
        "conditions.condition": lambda: {"": ConditionFactory()},
        "conditions.administrationroute": lambda: {"": AdministrationRouteFactory()},
        "conditions.contraindication": lambda: {"": ContraindicationFactory()},
        "conditions.candidateprofile": lambda: {"": CandidateProfileFactory()},
        "conditions.interaction": lambda: {"": InteractionFactory()},
        "clinic.person": lambda: {"": PersonFactory()},
        "clinic.source": lambda: {"": SourceFactory()},
        "clinic.citation": lambda: {"": _citation_of(ConditionFactory())},
        "library.libraryproposal": lambda: {"": open_library_proposal()},
        "clinic.siteprofile": lambda: {"": SiteProfile.objects.get_current()},
        "clinic.redirect": lambda: {
            "": Redirect.objects.create(old_path="/articles/old/", new_path="/articles/")
        },
        "clinic.keyfact": lambda: {
            "": KeyFact.objects.create(figure="2 hours", text="Observation after each dose.")
        },
        "clinic.synonymset": lambda: {"": SynonymSet.objects.create(terms="Calmora\nzentrix nasal mist")},
        "auth.user": lambda: {"": UserFactory(username="someone-else")},
        "auth.group": lambda: {"": Group.objects.create(name="Volunteers")},
        "axes.accessattempt": lambda: {"": AccessAttempt.objects.create(failures_since_start=3, **SIGN_IN)},
        "axes.accesslog": lambda: {"": AccessLog.objects.create(**SIGN_IN)},
        "axes.accessfailurelog": lambda: {"": AccessFailureLog.objects.create(**SIGN_IN)},
        "otp_totp.totpdevice": lambda: {"": TOTPDevice.objects.create(user=users[EDITORS], name="Phone")},
        "otp_static.staticdevice": lambda: {
            "": StaticDevice.objects.create(user=users[EDITORS], name="Codes")
        },
    }
    if label not in makers:
        pytest.fail(f"{label} is registered in the admin: add its objects here and its row to EXPECTED.")
    return makers[label]()


def allowed(label, role, case, op):
    rules = EXPECTED[label].get(role, "")
    if isinstance(rules, dict):
        rules = rules[case]
    return op in rules


def allowed_on_any(label, role, op):
    """Return whether role may do op to at least some objects of the model."""
    rules = EXPECTED[label].get(role, "")
    return any(op in case_rules for case_rules in (rules.values() if isinstance(rules, dict) else [rules]))


def model_label(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


# The database's rows: what a command changed, written again without running it (tests/conftest.py's
# `demo_content` loads the demo once per run this way).


def _stored_models():
    return [
        model
        for model in apps.get_models(include_auto_created=True)  # the many-to-many tables too
        if model._meta.managed and not model._meta.proxy
    ]


def database_rows():
    """Return {model: {pk: row}} for every table, each row as its columns' values."""
    return {
        model: {row[model._meta.pk.attname]: row for row in model._base_manager.values()}
        for model in _stored_models()
    }


@contextmanager
def _timestamps_kept():
    """Let bulk_create write the auto_now and auto_now_add columns as given, not as the time of the insert."""
    fields = [
        field
        for model in _stored_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.DateField) and (field.auto_now or field.auto_now_add)
    ]
    flags = [(field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, (auto_now, auto_now_add) in zip(fields, flags, strict=True):
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


@dataclass(frozen=True)
class DatabaseChanges:
    """The rows added, changed and deleted between two readings of database_rows(), by model."""

    added: dict
    changed: dict
    deleted: dict

    @classmethod
    def between(cls, before, after):
        added, changed, deleted = {}, {}, {}
        for model, rows in after.items():
            old = before.get(model, {})
            added[model] = [row for pk, row in rows.items() if pk not in old]
            changed[model] = [row for pk, row in rows.items() if pk in old and old[pk] != row]
            deleted[model] = [pk for pk in old if pk not in rows]
        kinds = (added, changed, deleted)
        return cls(*({model: rows for model, rows in kind.items() if rows} for kind in kinds))

    def apply(self):
        """Make the same changes to the database again, row by row as they were: no save(), no signals."""
        with _timestamps_kept():
            for model, rows in self.added.items():
                model._base_manager.bulk_create([model(**row) for row in rows])
        for model, rows in self.changed.items():
            pk = model._meta.pk.attname
            for row in rows:
                model._base_manager.filter(pk=row[pk]).update(**{k: v for k, v in row.items() if k != pk})
        for model, pks in self.deleted.items():
            model._base_manager.filter(pk__in=pks)._raw_delete(connection.alias)
        # PostgreSQL: ids given by hand leave the sequences behind; the next insert takes the next free one.
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), list(self.added)):
                cursor.execute(sql)

"""Every admin view × every role × GET and POST, against one table of what each role may do.

The cells are generated from the admin's own URL patterns: a model registered later, or a view added to
an admin, is checked here without a new test, and fails until the table says what each role may do
with it. A refused POST must also leave the object exactly as it was.
"""

import copy
from dataclasses import dataclass

import pytest
from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from editorial.admin_permissions import RoleAdminMixin
from tests.helpers import (
    ANONYMOUS,
    AUTHORS,
    CLINIC_STAFF,
    EDITORS,
    EXPECTED,
    ROLES,
    SUPERUSER,
    allowed,
    allowed_on_any,
    form_data,
    image_bytes,
    model_label,
    objects_to_try,
    users_by_role,
)

pytestmark = pytest.mark.django_db

# Views an admin adds with get_urls(), by URL name: the roles allowed per method, what a POST sends,
# and what it does when allowed (None: judged by the answer alone).
CUSTOM_VIEWS = {
    # django-otp's pages that show a device's secret: closed to everyone (OTP_ADMIN_HIDE_SENSITIVE_DATA).
    "otp_totp_totpdevice_config": {"GET": set(), "POST": set(), "data": dict, "effect": None},
    "otp_totp_totpdevice_qrcode": {"GET": set(), "POST": set(), "data": dict, "effect": None},
    "articles_article_upload_image": {
        "GET": set(),
        "POST": {AUTHORS, EDITORS, CLINIC_STAFF, SUPERUSER},
        "data": lambda: {"upload": SimpleUploadedFile("room.png", image_bytes("PNG"))},
        "effect": None,
    },
    "auth_user_password_change": {
        "GET": {SUPERUSER},
        "POST": {SUPERUSER},
        "data": lambda: {"password1": "a long new passphrase 71", "password2": "a long new passphrase 71"},
        "effect": "changed",
    },
}
# Where a view's rule is the object's own (a letter of ALL, not a set of roles), the cell expects what
# EXPECTED gives the role for that object: comparing versions needs view, autosaving typed text needs change.
# "object_data" views are sent data naming the object tried.
_HISTORY_ADMINS = ("articles_article", "conditions_condition", "conditions_administrationroute",
                   "conditions_contraindication", "conditions_candidateprofile",
                   "conditions_interaction")  # fmt: skip
for _prefix in (*_HISTORY_ADMINS, "conditions_conditiongroup"):
    CUSTOM_VIEWS[f"{_prefix}_compare"] = {"GET": "v", "POST": set(), "data": dict, "effect": None}
for _prefix in _HISTORY_ADMINS:
    CUSTOM_VIEWS[f"{_prefix}_autosave"] = {
        "GET": set(),
        "POST": "c",
        "data": lambda obj: {"_autosave_object": obj.pk, "title": "typed, not saved"},
        "object_data": True,
        "effect": None,
    }


@dataclass
class Cell:
    view: str
    method: str
    case: str
    allowed: bool
    refused: bool
    note: str = ""


def _snapshot(model, pk):
    return model._default_manager.filter(pk=pk).values().first()


def _is_refusal(response):
    if response.status_code in (403, 404, 405):
        return True
    # Django answers an object the user may not see by sending them to the admin index or to log in.
    location = response.get("Location", "")
    return response.status_code == 302 and (
        location == reverse("admin:index") or location.startswith(reverse("admin:login"))
    )


def _edited(data, form):
    """Return data with the first plain text field changed, as a user editing the form would."""
    for name, field in form.fields.items():
        if type(field) is forms.CharField and not field.disabled and not field.widget.is_hidden:
            max_length = field.max_length or 200
            # No space: the field may hold an address (a redirect's), where a space is refused.
            return {**data, name: (str(data.get(name) or "") + "-edited")[-max_length:]}
    return data  # a read-only page (no one may change it): post it back as it is


class Matrix:
    def __init__(self, client, label, role, users):
        self.client, self.label, self.role = client, label, role
        self.model = next(model for model in admin.site._registry if model_label(model) == label)
        self.model_admin = admin.site._registry[self.model]
        self.users = users
        self.cells: list[Cell] = []

    def as_superuser(self, url):
        self.client.force_login(self.users[SUPERUSER])
        response = self.client.get(url)
        assert response.status_code == 200, url
        return form_data(response) if "adminform" in response.context else {}, response

    def login(self):
        self.client.logout()
        if self.users[self.role] is not None:
            self.client.force_login(self.users[self.role])

    def request(self, method, url, data=None):
        # Each cell runs in a savepoint that is rolled back, so a delete or edit never leaks into the next;
        # the cookies go back too, as a session key cycled in the savepoint no longer exists.
        cookies = copy.deepcopy(self.client.cookies)
        with transaction.atomic():
            response = self.client.get(url) if method == "GET" else self.client.post(url, data or {})
            outcome = response, (_snapshot(self.model, self.obj.pk) if self.obj is not None else None)
            transaction.set_rollback(True)
        self.client.cookies = cookies
        return outcome

    def check(self, view, method, case, url, expect, data=None, effect=None):
        before = _snapshot(self.model, self.obj.pk) if self.obj is not None else None
        response, after = self.request(method, url, data)
        note = f"{response.status_code} {response.get('Location', '')}".strip()
        if effect is not None:
            # What a POST did to the object decides; a polite answer that changed nothing is a refusal.
            allowed = effect(before, after)
            refused = not allowed and before == after
        else:
            refused = _is_refusal(response)
            allowed = not refused and response.status_code in (200, 302)
            if method == "POST" and before != after:
                note += "; the object changed"
                refused = False
        self.cells.append(Cell(view, method, case, allowed, refused, note))
        if expect != allowed or (not expect and not refused):
            wanted = "allowed" if expect else "refused"
            return f"{view} {method} [{case or 'object'}]: expected {wanted}, {note}"
        return None

    def check_listed(self, case, url, expect):
        """Check that the object is among the changelist's rows exactly when the role may view it."""
        response, _ = self.request("GET", url)
        assert response.status_code == 200, (url, response.status_code, response.get("Location"))
        listed = self.obj.pk in {row.pk for row in response.context["cl"].result_list}
        self.cells.append(Cell("changelist row", "GET", case, listed, not listed))
        if listed != expect:
            return f"changelist row [{case}]: expected {'listed' if expect else 'not listed'}"
        return None


def _changed(before, after):
    return after is not None and after != before


def _deleted(before, after):
    return after is None


STANDARD_VIEWS = ("changelist", "add", "change", "delete", "history")
REGISTERED = sorted(model_label(model) for model in admin.site._registry)


def test_every_registered_admin_uses_the_permission_rule():
    assert REGISTERED
    for model, model_admin in admin.site._registry.items():
        assert isinstance(model_admin, RoleAdminMixin), model_label(model)


def test_every_registered_model_has_a_row_of_expectations():
    assert sorted(EXPECTED) == REGISTERED


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("label", REGISTERED)
def test_admin_permission_matrix(client, request, label, role):
    users = users_by_role()
    matrix = Matrix(client, label, role, users)
    opts = matrix.model._meta
    prefix = f"{opts.app_label}_{opts.model_name}"
    failures = []
    for case, obj in objects_to_try(label, users).items():
        matrix.obj = obj
        may = {op: allowed(label, role, case, op) for op in "vacd"}
        change_data, change_page = matrix.as_superuser(reverse(f"admin:{prefix}_change", args=[obj.pk]))
        change_data = _edited(change_data, change_page.context["adminform"].form)
        matrix.login()
        for pattern in matrix.model_admin.get_urls():
            name = (pattern.name or "").removeprefix(f"{prefix}_")
            if not pattern.name:
                continue  # "<id>/" only redirects to the change page, through the same admin_view login
            if name in STANDARD_VIEWS:
                url = reverse(
                    f"admin:{prefix}_{name}", args=[] if name in ("changelist", "add") else [obj.pk]
                )
                checks = {
                    "changelist": [
                        ("GET", allowed_on_any(label, role, "v"), None, None),
                        (
                            "POST",
                            may["d"],
                            {
                                "action": "delete_selected",
                                "_selected_action": [obj.pk],
                                "post": "yes",
                                "index": 0,
                            },
                            _deleted,
                        ),  # fmt: skip
                    ],
                    "add": [("GET", may["a"], None, None), ("POST", may["a"], {}, None)],
                    "change": [("GET", may["v"], None, None), ("POST", may["c"], change_data, _changed)],
                    "delete": [("GET", may["d"], None, None), ("POST", may["d"], {"post": "yes"}, _deleted)],
                    "history": [("GET", may["v"], None, None)],
                }[name]
                for method, expect, data, effect in checks:
                    failures.append(matrix.check(name, method, case, url, expect, data, effect))
                if name == "changelist" and allowed_on_any(label, role, "v"):
                    failures.append(matrix.check_listed(case, url, may["v"]))
            elif name == "simple_history":
                version = obj.history.latest("history_date").history_id
                url = reverse(f"admin:{prefix}_simple_history", args=[obj.pk, version])
                history_data, history_page = matrix.as_superuser(url)
                history_data = _edited(history_data, history_page.context["adminform"].form)
                matrix.login()
                failures.append(matrix.check("history item", "GET", case, url, may["v"]))
                failures.append(
                    matrix.check("history item", "POST", case, url, may["c"], history_data, _changed)
                )
            elif pattern.name in CUSTOM_VIEWS:
                view = CUSTOM_VIEWS[pattern.name]
                per_object = bool(pattern.pattern.regex.groupindex)  # <id>/password/ and the like
                url = reverse(f"admin:{pattern.name}", args=[obj.pk] if per_object else [])
                effect = _changed if view["effect"] == "changed" else None
                expect = {method: may[rule] if isinstance(rule, str) else role in rule
                          for method, rule in (("GET", view["GET"]), ("POST", view["POST"]))}  # fmt: skip
                data = view["data"](obj) if view.get("object_data") else view["data"]()
                failures.append(matrix.check(name, "GET", case, url, expect["GET"]))
                failures.append(matrix.check(name, "POST", case, url, expect["POST"], data, effect))
            else:
                pytest.fail(f"{pattern.name}: a view this test doesn't know; add it to CUSTOM_VIEWS.")
        for field in matrix.model_admin.autocomplete_fields:
            target = model_label(opts.get_field(field).related_model)
            url = reverse("admin:autocomplete") + (
                f"?app_label={opts.app_label}&model_name={opts.model_name}&field_name={field}"
            )
            expect = allowed_on_any(target, role, "v")
            failures.append(matrix.check(f"autocomplete {field}", "GET", case, url, expect))

    request.config.admin_matrix_cells = getattr(request.config, "admin_matrix_cells", 0) + len(matrix.cells)
    assert not [failure for failure in failures if failure], "\n".join(filter(None, failures))


@pytest.mark.parametrize("role", ROLES)
def test_admin_index_and_app_pages_follow_the_roles(client, request, role):
    users = users_by_role()
    if users[role] is not None:
        client.force_login(users[role])
    index = client.get(reverse("admin:index"))
    assert (index.status_code == 200) is (role != ANONYMOUS)
    cells = 1
    for app_label in {label.split(".")[0] for label in REGISTERED}:
        in_app = [label for label in REGISTERED if label.startswith(f"{app_label}.")]
        may_view = any(allowed_on_any(label, role, "v") for label in in_app)
        response = client.get(reverse("admin:app_list", args=[app_label]))
        assert (response.status_code == 200) is may_view, (app_label, response.status_code)
        cells += 1
    request.config.admin_matrix_cells = getattr(request.config, "admin_matrix_cells", 0) + cells

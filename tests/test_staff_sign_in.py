"""Staff sign-in: lockout and unlock, password rules, the second factor, and how long a session lasts."""

import io
import logging
import re
import runpy
from base64 import b32decode
from datetime import datetime, timedelta
from ipaddress import ip_network
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.models import Article
from editorial.staff_auth import two_factor
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"  # UserFactory's
LOGIN_URL = reverse("admin:login")
ADMIN_URL = reverse("admin:index")
SETUP_URL = reverse("staff_auth:setup")
VERIFY_URL = reverse("staff_auth:verify")
CLINIC_TIME = ZoneInfo("America/New_York")


def sign_in(client, username, password=PASSWORD, address="198.51.100.1"):
    data = {"username": username, "password": password, "next": ADMIN_URL}
    return client.post(LOGIN_URL, data, REMOTE_ADDR=address)


def is_signed_in(client) -> bool:
    return client.get(ADMIN_URL).status_code == 200


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Every sign-in here checks a password; the production hasher's deliberate slowness adds nothing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editor():
    user = UserFactory(username="dana")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def clinic_time(settings, time_machine):
    settings.TIME_ZONE = "America/New_York"
    time_machine.move_to(datetime(2026, 3, 2, 14, 17, 5, tzinfo=CLINIC_TIME))
    return time_machine


# Lockout


def test_one_username_is_locked_out_after_failures_from_any_addresses(client, editor, settings):
    limit = settings.AXES_FAILURE_LIMIT
    tries = [sign_in(client, "dana", "wrong-guess", address=f"203.0.113.{n}") for n in range(limit)]
    assert [response.status_code for response in tries] == [200] * (limit - 1) + [429]  # the last one locks
    response = sign_in(client, "dana", address="192.0.2.200")  # the right password, from a new address
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()
    assert not is_signed_in(client)


def test_one_address_is_locked_out_after_failures_across_usernames(editor, settings):
    attacker = Client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(attacker, f"guess{n}", "wrong-guess", address="203.0.113.9")
    assert sign_in(attacker, "dana", address="203.0.113.9").status_code == 429
    assert not is_signed_in(attacker)
    elsewhere = Client()
    assert sign_in(elsewhere, "dana", address="192.0.2.7").status_code == 302
    assert is_signed_in(elsewhere)


def test_failures_below_the_limit_do_not_lock_out(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "dana", "wrong-guess")
    assert sign_in(client, "dana").status_code == 302
    assert is_signed_in(client)


def test_lockout_page_is_the_login_page_saying_when_to_try_again(client, editor, settings, clinic_time):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        response = sign_in(client, "dana", "wrong-guess")
    assert response.status_code == 429
    html = response.content.decode()
    message = re.search(r'<p class="errornote" id="lockout-message" role="alert">(.*?)</p>', html).group(1)
    assert message == (
        "Too many failed sign-ins. Try again after 14:32 (in 15 minutes), "
        "or ask an administrator to unlock your account."
    )
    assert 'id="login-form"' in html and 'value="dana"' in html  # the form, username kept, for later
    assert "admin/css/login.css" in html  # the admin's styled page, not a bare error text
    assert "<script>" not in html  # nothing inline for the content-security-policy to block


def test_lockout_ends_after_the_cool_off(client, editor, settings, clinic_time):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "dana", "wrong-guess")
    clinic_time.shift(timedelta(minutes=14))
    assert sign_in(client, "dana").status_code == 429
    clinic_time.shift(timedelta(minutes=16))  # the refused try above started the wait again
    assert sign_in(client, "dana").status_code == 302
    assert is_signed_in(client)


def test_reset_command_unlocks_a_username(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "dana", "wrong-guess", address="192.0.2.1")
    assert sign_in(client, "dana", address="192.0.2.2").status_code == 429
    call_command("axes_reset_username", "dana")
    assert sign_in(client, "dana", address="192.0.2.2").status_code == 302
    assert is_signed_in(client)


def test_administrator_unlocks_by_deleting_the_access_attempts(client, admin_client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "dana", "wrong-guess")
    assert sign_in(client, "dana").status_code == 429
    changelist = reverse("admin:axes_accessattempt_changelist")
    assert "dana" in admin_client.get(changelist).content.decode()
    attempts = list(AccessAttempt.objects.values_list("pk", flat=True))
    response = admin_client.post(
        changelist, {"action": "delete_selected", "_selected_action": attempts, "post": "yes"}
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert sign_in(client, "dana").status_code == 302
    assert is_signed_in(client)


def test_failed_sign_ins_and_the_lockout_are_logged(client, editor, settings, caplog):
    with caplog.at_level(logging.WARNING, logger="editorial.staff_auth"):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            sign_in(client, "dana", "hunter2-wrong", address="203.0.113.77")
    ours = [r.getMessage() for r in caplog.records if r.name.startswith("editorial.staff_auth")]
    failures = [m for m in ours if m.startswith("Failed sign-in for 'dana' from 203.0.113.77")]
    assert len(failures) == settings.AXES_FAILURE_LIMIT
    assert failures[0].endswith(f"(1 of {settings.AXES_FAILURE_LIMIT} before lockout)")
    assert [m for m in ours if m.startswith("Sign-ins locked out for 'dana' from 203.0.113.77 until ")]
    assert "hunter2-wrong" not in caplog.text


MADE_UP_ADDRESSES = [f"10.7.0.{n}" for n in range(1, 13)]
PROXY = "10.0.0.2"  # the address the trusted proxy connects from


def failed_sign_ins_with_made_up_addresses(connection_from, forwarded_for):
    """Try one wrong password for each of 12 usernames, each request naming another made-up address."""
    attacker = Client()
    data = {"password": "wrong-guess", "next": ADMIN_URL}
    return [
        attacker.post(
            LOGIN_URL,
            {**data, "username": f"guess{n}"},
            REMOTE_ADDR=connection_from,
            HTTP_X_FORWARDED_FOR=forwarded_for(made_up),
        ).status_code
        for n, made_up in enumerate(MADE_UP_ADDRESSES)
    ]


def locked_after_the_limit(settings):
    limit = settings.AXES_FAILURE_LIMIT
    return [200] * (limit - 1) + [429] * (len(MADE_UP_ADDRESSES) - limit + 1)


def counted_addresses():
    return set(AccessAttempt.objects.values_list("ip_address", flat=True))


def test_made_up_forwarded_addresses_do_not_evade_the_lockout_without_a_trusted_proxy(editor, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # as always with debug off
    assert settings.TRUSTED_PROXIES == []  # the one-box default

    statuses = failed_sign_ins_with_made_up_addresses("203.0.113.9", lambda made_up: made_up)

    assert statuses == locked_after_the_limit(settings)
    assert counted_addresses() == {"203.0.113.9"}  # the connection's own address, never the header's
    # Nobody can lock out someone else's address by naming it: a real sign-in from one still works.
    victim = Client()
    assert sign_in(victim, "dana", address=MADE_UP_ADDRESSES[0]).status_code == 302
    assert is_signed_in(victim)


def test_behind_a_trusted_proxy_the_client_it_names_is_counted_whatever_the_client_added(editor, settings):
    settings.TRUSTED_PROXIES = [ip_network("10.0.0.0/24")]

    # The proxy appends the address it saw; what the client sent itself stays on the left.
    statuses = failed_sign_ins_with_made_up_addresses(PROXY, lambda made_up: f"{made_up}, 198.51.100.23")

    assert statuses == locked_after_the_limit(settings)
    assert counted_addresses() == {"198.51.100.23"}
    # The proxy's own address was not counted: another reader behind the same proxy signs in.
    colleague = Client()
    response = colleague.post(
        LOGIN_URL,
        {"username": "dana", "password": PASSWORD, "next": ADMIN_URL},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="192.0.2.44",
    )
    assert response.status_code == 302
    assert is_signed_in(colleague)


def test_a_client_that_goes_around_the_trusted_proxy_is_counted_by_its_own_address(editor, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.TRUSTED_PROXIES = [ip_network("10.0.0.0/24")]

    statuses = failed_sign_ins_with_made_up_addresses("203.0.113.9", lambda made_up: made_up)

    assert statuses == locked_after_the_limit(settings)
    assert counted_addresses() == {"203.0.113.9"}


def test_failed_sign_ins_are_logged_with_the_client_behind_the_proxy(client, editor, settings, caplog):
    settings.TRUSTED_PROXIES = [ip_network("10.0.0.0/24")]
    with caplog.at_level(logging.WARNING, logger="editorial.staff_auth"):
        client.post(
            LOGIN_URL,
            {"username": "dana", "password": "wrong-guess"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR="10.7.0.1, 198.51.100.23",
        )
    assert "Failed sign-in for 'dana' from 198.51.100.23 (1 of" in caplog.text


# Password rules


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("1", "password_too_short"),
        ("password1234", "password_too_common"),
        ("dana.whitfield", "password_too_similar"),
        ("802615394718", "password_entirely_numeric"),
    ],
)
def test_weak_passwords_are_refused(password, code):
    user = UserFactory(username="dana.whitfield", first_name="Dana", last_name="Whitfield")
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user)
    assert code in [error.code for error in refused.value.error_list]


def test_a_long_uncommon_password_is_accepted():
    assert validate_password("kiln-orbit-maple-71", UserFactory(username="dana")) is None


@pytest.mark.parametrize(
    ("username", "password", "left"),
    [
        ("author2", "author2author2", 0),  # the review's example
        ("author2", "Author2.Author2", 1),
        ("author2", "author2-2026!!", 7),  # the username and a little
        ("dana.whitfield", "whitfield.whitfield.26", 4),  # a part of the username, twice
        ("writer", "wren.writer.2026", 6),  # the first name and the email's local part
    ],
)
def test_a_password_made_of_the_username_or_name_is_refused_saying_why(username, password, left):
    user = UserFactory(
        username=username, first_name="Wren", last_name="Whitfield", email="writer@example.org"
    )
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user)
    (error,) = refused.value.error_list
    assert error.code == "password_too_similar"
    assert error.messages == [
        f"This password is too much like your username or name: without them, only {left} "
        f"character{'' if left == 1 else 's'} {'is' if left == 1 else 'are'} left. "
        "Use at least 8 characters besides them."
    ]


@pytest.mark.parametrize(
    "password", ["author2-kiln-orbit-maple", "kiln-orbit-maple-71", "exampleexample-org"]
)
def test_a_password_with_enough_of_its_own_besides_the_username_is_accepted(password):
    user = UserFactory(username="author2", first_name="Al", email="author2@example.org")
    assert validate_password(password, user) is None


def test_the_username_twice_is_refused_in_the_admins_password_change(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:password_change"),
        {"old_password": PASSWORD, "new_password1": "DanaDanaDana", "new_password2": "DanaDanaDana"},
    )
    assert response.status_code == 200
    assert "This password is too much like your username or name" in response.content.decode()
    assert "nor your username or name repeated" in response.content.decode()  # the rule, told beforehand
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)


def test_changing_to_a_weak_password_in_the_admin_is_refused(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:password_change"),
        {"old_password": PASSWORD, "new_password1": "1", "new_password2": "1"},
    )
    assert response.status_code == 200
    assert "This password is too short. It must contain at least 12 characters." in response.content.decode()
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)


# Sessions


def test_staff_session_ends_after_a_working_day_without_a_request(client, editor, time_machine):
    assert django_settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert django_settings.SESSION_SAVE_EVERY_REQUEST
    time_machine.move_to(datetime(2026, 3, 2, 8, 0, tzinfo=CLINIC_TIME))
    client.force_login(editor)
    for _ in range(3):  # a long day of work, an hour between requests, keeps the session
        time_machine.shift(timedelta(hours=7))
        assert is_signed_in(client)
    time_machine.shift(timedelta(hours=8, minutes=1))
    assert not is_signed_in(client)


def test_changing_the_password_ends_the_users_other_sessions(editor):
    here, laptop = Client(), Client()
    here.force_login(editor)
    laptop.force_login(editor)
    response = here.post(
        reverse("admin:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "kiln-orbit-maple-71",
            "new_password2": "kiln-orbit-maple-71",
        },
    )
    assert response.status_code == 302
    assert is_signed_in(here)  # the session that changed it stays
    assert laptop.get(ADMIN_URL)["Location"].startswith(LOGIN_URL)


# The second factor


def code_for(device) -> str:
    return f"{totp(device.bin_key):06d}"


def key_on_page(html: str) -> bytes:
    key = re.search(r'<code id="totp-key" class="totp-key">([A-Z2-7 ]+)</code>', html).group(1)
    return b32decode(key.replace(" ", ""))


def enrolled(user) -> tuple[TOTPDevice, list[str]]:
    device = TOTPDevice.objects.create(user=user, name=two_factor.APP_DEVICE_NAME, confirmed=False)
    return device, two_factor.confirm_app(device)


@pytest.fixture
def required(settings, time_machine):
    settings.REQUIRE_2FA = True
    time_machine.move_to(datetime(2026, 3, 2, 9, 0, 1, tzinfo=CLINIC_TIME))
    return time_machine


def test_first_sign_in_enrols_an_app_and_shows_recovery_codes_once(client, editor, required):
    response = sign_in(client, "dana")
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 302 and response["Location"] == f"{SETUP_URL}?next=%2Fadmin%2F"

    html = client.get(response["Location"]).content.decode()
    assert 'class="qr-code" src="data:image/svg+xml' in html  # drawn on the server, no other host asked
    key = key_on_page(html)
    device = TOTPDevice.objects.get(user=editor)
    assert key == device.bin_key and not device.confirmed
    assert key_on_page(client.get(SETUP_URL).content.decode()) == key  # a reload keeps the key

    response = client.post(SETUP_URL, {"code": f"{totp(key):06d}", "next": ADMIN_URL})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    assert sorted(codes) == sorted(
        StaticToken.objects.filter(device__user=editor).values_list("token", flat=True)
    )
    assert is_signed_in(client)

    again = client.get(SETUP_URL)
    assert again.status_code == 302  # the codes are not shown a second time
    assert not any(code in again.content.decode() for code in codes)


def test_enrolment_refuses_a_wrong_code(client, editor, required):
    sign_in(client, "dana")
    client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=editor)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    response = client.post(SETUP_URL, {"code": wrong})
    assert response.status_code == 200
    assert "That code is not right." in response.content.decode()
    assert "recovery code" not in response.content.decode()  # none exist until the app is set up
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get(ADMIN_URL)["Location"].startswith(SETUP_URL)


def test_later_sign_ins_ask_for_the_password_then_a_code(client, editor, required):
    device, _ = enrolled(editor)
    response = client.get(sign_in(client, "dana")["Location"])
    assert response["Location"] == f"{VERIFY_URL}?next=%2Fadmin%2F"
    page = client.get(response["Location"]).content.decode()
    assert "type the 6-digit code" in page
    response = client.post(VERIFY_URL, {"code": code_for(device), "next": ADMIN_URL})
    assert response.status_code == 302 and response["Location"] == ADMIN_URL
    assert is_signed_in(client)


def test_a_wrong_code_is_refused_with_a_clear_message(client, editor, required):
    device, _ = enrolled(editor)
    sign_in(client, "dana")
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    response = client.post(VERIFY_URL, {"code": wrong, "next": ADMIN_URL})
    assert response.status_code == 200
    assert "That code is not right. Type the 6-digit code your app shows now" in response.content.decode()
    assert not is_signed_in(client)
    # Retyped straight away after one slip: the right code is accepted (after a moment's wait), not refused.
    assert client.post(VERIFY_URL, {"code": code_for(device)}).status_code == 302
    assert is_signed_in(client)


def test_wrong_codes_in_a_row_slow_guessing_down(client, editor, required):
    device, _ = enrolled(editor)
    sign_in(client, "dana")
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    for _ in range(3):
        client.post(VERIFY_URL, {"code": wrong, "next": ADMIN_URL})
    response = client.post(VERIFY_URL, {"code": code_for(device)})  # straight away: slowed down
    assert "Too many wrong codes in a row." in response.content.decode()
    assert not is_signed_in(client)
    required.shift(timedelta(seconds=3))
    assert client.post(VERIFY_URL, {"code": code_for(device)}).status_code == 302
    assert is_signed_in(client)


def test_an_app_code_is_accepted_once(editor, required):
    device, _ = enrolled(editor)
    first, second = Client(), Client()
    sign_in(first, "dana")
    sign_in(second, "dana")
    code = code_for(device)
    assert first.post(VERIFY_URL, {"code": code}).status_code == 302
    assert "That code is not right." in second.post(VERIFY_URL, {"code": code}).content.decode()


def test_a_recovery_code_works_once(editor, required):
    _, codes = enrolled(editor)
    phone_lost = Client()
    sign_in(phone_lost, "dana")
    response = phone_lost.post(VERIFY_URL, {"code": codes[3].upper()}, follow=True)
    assert response.redirect_chain[-1][0] == ADMIN_URL
    assert (
        "You signed in with a recovery code, now used up; 9 recovery codes left." in response.content.decode()
    )

    again = Client()
    sign_in(again, "dana")
    response = again.post(VERIFY_URL, {"code": codes[3]})
    assert "That code is not right." in response.content.decode()
    assert not is_signed_in(again)
    required.shift(timedelta(seconds=2))
    assert again.post(VERIFY_URL, {"code": codes[4]}).status_code == 302


ADMIN_PAGES = [
    reverse("admin:index"),
    reverse("admin:articles_article_changelist"),
    reverse("admin:articles_article_add"),
    reverse("admin:auth_user_changelist"),
    reverse("admin:password_change"),
    reverse("admin:articles_article_upload_image"),
    reverse("admin:otp_totp_totpdevice_changelist"),
    reverse("admin:axes_accessattempt_changelist"),
    reverse("admin:login"),
]


@pytest.mark.parametrize("path", ADMIN_PAGES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_password_alone_reaches_no_admin_page(client, editor, required, path, method):
    enrolled(editor)
    editor.is_superuser = True  # even a superuser's password is not enough
    editor.save()
    sign_in(client, "dana")
    response = getattr(client, method)(path, {"title": "Slipped in", "slug": "slipped-in"})
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY_URL)
    assert not Article.objects.filter(slug="slipped-in").exists()


def test_a_password_alone_sees_no_unpublished_preview(client, editor, required):
    draft = ArticleFactory(title="Not yet public")
    enrolled(editor)
    sign_in(client, "dana")
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.post(VERIFY_URL, {"code": code_for(TOTPDevice.objects.get(user=editor))})
    assert client.get(draft.get_absolute_url()).status_code == 200  # staff preview once fully signed in


def test_a_password_alone_cannot_enrol_another_app(client, editor, required):
    device, _ = enrolled(editor)
    sign_in(client, "dana")
    response = client.get(SETUP_URL)
    assert response.status_code == 302 and response["Location"] == VERIFY_URL
    assert client.post(SETUP_URL, {"code": "123456"}).status_code == 302
    assert list(TOTPDevice.objects.filter(user=editor)) == [device]


def test_second_step_pages_need_a_password_first(client, required):
    for url in (SETUP_URL, VERIFY_URL):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(LOGIN_URL)


def test_reset_command_lets_a_user_enrol_a_new_phone(client, editor, required):
    enrolled(editor)
    out = io.StringIO()
    call_command("reset_two_factor", "dana", stdout=out)
    assert "Removed 2 second-factor device(s) of dana" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticToken.objects.filter(device__user=editor).exists()
    sign_in(client, "dana")
    assert client.get(ADMIN_URL)["Location"].startswith(SETUP_URL)


def test_without_the_requirement_a_password_is_enough(client, editor, settings):
    settings.REQUIRE_2FA = False
    assert sign_in(client, "dana").status_code == 302
    assert is_signed_in(client)


@pytest.mark.parametrize(
    ("env", "required"),
    [
        ({"DJANGO_DEBUG": "0"}, True),
        ({"DJANGO_DEBUG": "1"}, False),
        ({"DJANGO_DEBUG": "0", "DJANGO_REQUIRE_2FA": "0"}, False),
        ({"DJANGO_DEBUG": "1", "DJANGO_REQUIRE_2FA": "1"}, True),
    ],
)
def test_the_requirement_is_on_whenever_debug_is_off_unless_switched_off(monkeypatch, env, required):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "k7Qm2Lx9Vb4Rt8Nw1Zc6Hy3Pd5Gf0Js2Ua7Eo9Ik4Tl6Wr8Yq1Xn3Bv5Cm0Sd")
    monkeypatch.delenv("DJANGO_REQUIRE_2FA", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    values = runpy.run_path(str(Path(django_settings.BASE_DIR) / "clinic" / "settings.py"))
    assert values["REQUIRE_2FA"] is required


def test_staff_users_are_the_ones_who_need_a_second_factor(settings):
    settings.REQUIRE_2FA = True
    assert two_factor.is_required_for(UserFactory(is_staff=True))
    assert not two_factor.is_required_for(UserFactory(is_staff=False))
    settings.REQUIRE_2FA = False
    assert not two_factor.is_required_for(UserFactory(is_staff=True))


def test_demo_content_says_whether_sign_in_is_one_step(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    for required, expected in ((False, "one step"), (True, "then a code")):
        settings.REQUIRE_2FA = required
        out = io.StringIO()
        call_command("load_demo_content", stdout=out)
        assert expected in out.getvalue()

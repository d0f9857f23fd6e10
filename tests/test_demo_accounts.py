import io
import re
import stat

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

from conditions.models import Condition
from domain.models import KeyFact, SiteProfile

pytestmark = pytest.mark.django_db


def load(settings, tmp_path):
    settings.BASE_DIR = tmp_path  # the credentials file goes here, not into the project
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def login_request():
    # The lockout backend (django-axes) counts failures per address, so authenticate() needs the request.
    return RequestFactory().post("/admin/login/")


def printed_password(output):
    return re.search(r"with the password (\S+)\)", output).group(1)


def test_first_run_prints_a_random_password_that_logs_in_every_demo_account(settings, tmp_path):
    output = load(settings, tmp_path)
    password = printed_password(output)
    assert len(password) >= 12
    assert "http://127.0.0.1:8000/admin/" in output
    for username in ("admin", "editor", "author", "staff"):
        assert authenticate(login_request(), username=username, password=password) is not None, username
    credentials = tmp_path / ".demo-credentials"
    assert stat.S_IMODE(credentials.stat().st_mode) == 0o600


def test_second_run_keeps_the_password_and_duplicates_nothing(settings, tmp_path):
    first = printed_password(load(settings, tmp_path))
    counts = (Condition.objects.count(), KeyFact.objects.count(), SiteProfile.objects.count())
    second = printed_password(load(settings, tmp_path))
    assert second == first
    assert (Condition.objects.count(), KeyFact.objects.count(), SiteProfile.objects.count()) == counts


def test_fresh_clone_on_an_old_database_gets_a_new_working_password(settings, tmp_path):
    first = printed_password(load(settings, tmp_path))
    (tmp_path / ".demo-credentials").unlink()
    second = printed_password(load(settings, tmp_path))
    assert second != first
    assert authenticate(login_request(), username="admin", password=second) is not None
    assert authenticate(login_request(), username="admin", password=first) is None


def test_two_separate_first_runs_never_print_the_same_password(settings, tmp_path):
    first_clone, second_clone = tmp_path / "one", tmp_path / "two"
    first_clone.mkdir()
    second_clone.mkdir()
    assert printed_password(load(settings, first_clone)) != printed_password(load(settings, second_clone))

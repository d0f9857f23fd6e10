"""One editor's requests at once (an autosave still in flight when they press Publish, a second tab) all
succeed against a real threaded server, as they do against gunicorn: none ends in "Bad Request" because
another request of the same session was writing at the same moment."""

from concurrent.futures import ThreadPoolExecutor
from urllib.request import Request, urlopen

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.test import Client

from articles.roles import sync_roles
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_one_sessions_simultaneous_admin_requests_all_succeed(live_server):
    sync_roles(apps)
    editor = UserFactory(username="editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    article = ArticleFactory(title="Driving home after treatment")
    client = Client()
    client.force_login(editor)
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    change = f"{live_server.url}/admin/articles/article/{article.pk}/change/"

    def open_change_page(_):
        # Every staff request saves its session (SESSION_SAVE_EVERY_REQUEST), so each of these writes.
        with urlopen(Request(change, headers={"Cookie": cookie}), timeout=30) as response:
            return response.status, b"Driving home after treatment" in response.read()

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(open_change_page, range(40)))

    assert results == [(200, True)] * 40

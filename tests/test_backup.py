"""Issue 11: the restore drill. Back up, wipe, restore: every page, image and history entry is back."""

import io
import re
import shutil

import pytest
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from PIL import Image

from articles.models import Article
from conditions.models import Condition
from domain.models import SiteProfile
from tests.factories import ArticleFactory, AuthorFactory, ConditionFactory, TagFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _forget_content_types(db):
    """The restore recreates content types inside this test's transaction, which is rolled back after it:
    forget the ids it cached, or the next test in the process files citations under types that are gone."""
    yield
    ContentType.objects.clear_cache()


def _jpeg(name, color):
    out = io.BytesIO()
    Image.new("RGB", (900, 600), color).save(out, format="JPEG")
    return ContentFile(out.getvalue(), name=name)


def _history(model):
    return sorted(
        model.history.values_list("history_id", "id", "history_type", "history_date", "history_user_id")
    )


def _snapshot(client, paths):
    pages = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        pages[path] = response.content.decode()
    return pages


def test_backup_wipe_restore_brings_back_every_page_image_and_history_entry(client, tmp_path):
    editor = UserFactory(username="restorer")
    author = AuthorFactory(display_name="Dr Backup", photo=_jpeg("portrait.jpg", "navy"))
    article = ArticleFactory(
        published=True,
        title="Kept safe",
        author=author,
        tags=[TagFactory()],
        featured_image=_jpeg("room.jpg", "teal"),
        featured_image_alt="A calm room",
    )
    article.dek = "Edited once, so it has two history entries"
    article._history_user = editor
    article.save()
    condition = ConditionFactory()
    profile = SiteProfile.objects.get_current()
    profile.crisis_line = "741741"
    profile.save()
    LogEntry.objects.log_actions(
        editor.pk, [article], 2, change_message="Edited for the drill", single_object=True
    )
    body_image = default_storage.save("uploads/2026/11/inline.jpg", _jpeg("inline.jpg", "olive"))

    paths = [
        "/", "/articles/", article.get_absolute_url(), author.get_absolute_url(), "/conditions/",
        condition.get_absolute_url(), "/articles/feed/", "/sitemap.xml", "/search/?q=Kept",
    ]  # fmt: skip
    before = _snapshot(client, paths)
    assert 'alt="A calm room"' in before[article.get_absolute_url()]
    media_before = {
        name: default_storage.open(name).read()
        for name in (article.featured_image.name, author.photo.name, body_image)
    }
    history_before = {
        model: _history(model) for model in (Article, Condition, SiteProfile) if hasattr(model, "history")
    }
    assert len(history_before[Article]) == 2
    log_before = list(LogEntry.objects.values_list("object_id", "change_message", "user__username"))

    archive = tmp_path / "drill.tar.gz"
    call_command("backup", output=archive, stdout=io.StringIO())

    # Wipe: an empty database, an empty media folder, an empty cache.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # TRUNCATE inside the test's transaction
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT)
    cache.clear()
    assert client.get(article.get_absolute_url()).status_code == 404
    assert not default_storage.exists(article.featured_image.name)

    out = io.StringIO()
    call_command("restore", str(archive), yes=True, stdout=out)
    assert "Restored" in out.getvalue()

    assert _snapshot(client, paths) == before
    for name, data in media_before.items():
        assert default_storage.open(name).read() == data, name
        assert client.get(f"/media/{name}").status_code == 200
    after = client.get(article.get_absolute_url()).content.decode()
    for url in re.findall(r'(/media/cache/[^" ,]+)', after):
        assert client.get(url).status_code == 200, url  # renditions are made again
    assert {model: _history(model) for model in history_before} == history_before
    assert list(LogEntry.objects.values_list("object_id", "change_message", "user__username")) == log_before
    assert SiteProfile.objects.get_current().crisis_line == "741741"


def test_restore_refuses_a_missing_archive(tmp_path):
    with pytest.raises(Exception, match="No backup at"):
        call_command("restore", str(tmp_path / "nothing.tar.gz"), yes=True)

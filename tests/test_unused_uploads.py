"""Issue 19: uploads no content names any more are deleted after a grace period by a command that is safe to
run on a schedule; nothing a published item, a draft, an unsaved copy or a history row names is touched."""

import io
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from PIL import Image
from sorl.thumbnail import get_thumbnail

from articles.images import unguessable_name
from articles.models import Article
from domain.models import Autosave
from tests.factories import ArticleFactory, ConditionFactory, UserFactory

pytestmark = pytest.mark.django_db

WITHIN_GRACE = timedelta(days=29)
PAST_GRACE = timedelta(days=31)  # the default grace period is 30 days


def _png(color="teal"):
    out = io.BytesIO()
    Image.new("RGB", (300, 200), color).save(out, format="PNG")
    return out.getvalue()


def _upload(stem, folder="uploads/2026/01"):
    """Store an image as the editor's upload view names it; return its storage name."""
    return default_storage.save(f"{folder}/{unguessable_name(stem, 'png')}", ContentFile(_png()))


def _figure(src):
    return f'<p>Text.</p><figure class="image"><img src="{src}" alt="A calm room"></figure>'


def _clean(*options):
    out = io.StringIO()
    call_command("clean_unused_uploads", *options, stdout=out)
    return out.getvalue()


@pytest.fixture
def uploads():
    """One upload for every way content can name one, and one nothing names."""
    names = {
        "published": _upload("published"),
        "draft featured image": _upload("featured", folder="articles/2026/01"),
        "only in history": _upload("replaced"),
        "unsaved copy": _upload("autosaved"),
        "condition, by public URL": _upload("condition"),
        "odd name, percent-encoded": _upload("Zimmer für Ruhe, 2"),
        "unused": _upload("forgotten"),
    }
    ArticleFactory(published=True, body=_figure(f"/media/{names['published']}"))
    ArticleFactory(featured_image=names["draft featured image"], featured_image_alt="A room")
    edited = ArticleFactory(body=_figure(f"/media/{names['only in history']}"))
    edited.body = "<p>The image was taken out again.</p>"
    edited.save()
    Autosave.objects.create(
        user=UserFactory(),
        content_type=ContentType.objects.get_for_model(Article),
        data={"body": _figure(f"/media/{names['unsaved copy']}")},
    )
    public_url = f"https://clinic.example.org/media/{names['condition, by public URL']}"
    ConditionFactory(description=_figure(public_url))
    ArticleFactory(body=_figure(f"/media/{quote(names['odd name, percent-encoded'])}"))
    return names


def _existing(names):
    return {label for label, name in names.items() if default_storage.exists(name)}


def test_an_unused_upload_is_deleted_after_the_grace_period_and_nothing_any_content_names(
    uploads, time_machine
):
    rendition = get_thumbnail(uploads["unused"], "100", format="WEBP").name
    not_an_upload = default_storage.save("exports/report.pdf", ContentFile(b"%PDF-1.7"))

    time_machine.move_to(timezone.now() + WITHIN_GRACE)
    assert "Deleted 0 unused upload(s)" in _clean()
    assert _existing(uploads) == set(uploads)

    time_machine.move_to(timezone.now() + PAST_GRACE - WITHIN_GRACE)
    output = _clean()

    assert f"Deleted {uploads['unused']}" in output
    assert "Deleted 1 unused upload(s); kept 6 in use and 0 newer than 30 days." in output
    assert _existing(uploads) == set(uploads) - {"unused"}
    assert not default_storage.exists(rendition)  # its renditions go with it
    assert default_storage.exists(not_an_upload)  # only the folders uploads go to are cleaned


def test_a_dry_run_lists_what_would_go_and_deletes_nothing(uploads, time_machine):
    time_machine.move_to(timezone.now() + PAST_GRACE)

    output = _clean("--dry-run")

    assert f"Would delete {uploads['unused']}" in output
    assert "Would delete 1 unused upload(s)" in output
    assert _existing(uploads) == set(uploads)


def test_running_again_finds_nothing_more_to_delete(uploads, time_machine):
    time_machine.move_to(timezone.now() + PAST_GRACE)
    assert "Deleted 1 unused upload(s)" in _clean()
    assert "Deleted 0 unused upload(s); kept 6 in use" in _clean()
    assert _existing(uploads) == set(uploads) - {"unused"}


def test_a_shorter_grace_period_can_be_chosen_but_not_none(uploads, time_machine):
    time_machine.move_to(timezone.now() + timedelta(days=3))
    assert "Deleted 1 unused upload(s)" in _clean("--grace-days", "2")
    with pytest.raises(CommandError, match="--grace-days must be 1 or more"):
        _clean("--grace-days", "0")


def test_uploads_in_the_object_store_are_cleaned_the_same_way(s3_bucket, time_machine):  # noqa: F811
    used, unused = _upload("used"), _upload("unused")
    ArticleFactory(body=_figure(f"/media/{used}"))
    assert default_storage.exists(unused)  # in the bucket

    time_machine.move_to(timezone.now() + PAST_GRACE)
    assert f"Would delete {unused}" in _clean("--dry-run")
    assert default_storage.exists(unused)
    assert "Deleted 1 unused upload(s); kept 1 in use" in _clean()

    assert default_storage.exists(used) and not default_storage.exists(unused)


def test_an_object_store_outage_stops_the_run_saying_so(storage_down):  # noqa: F811
    with pytest.raises(CommandError, match="The media store did not answer"):
        _clean()

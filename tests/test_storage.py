"""Issue 11: uploads and renditions in S3-compatible storage (a real S3 API: moto's server on 127.0.0.1),
local media served with debug off, and a storage outage met without a 500 or a half-saved article."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles.models import Article
from tests.factories import ArticleFactory
from tests.helpers import change_url, form_data, settings_value, use_media_storage
from tools.services import fetch

pytestmark = pytest.mark.django_db

UPLOAD_URL = reverse("admin:articles_article_upload_image")


def _jpeg_bytes(size=(1600, 900), color="teal"):
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, format="JPEG")
    return out.getvalue()


def _keys(s3_server, bucket):
    listing = s3_server.client().list_objects_v2(Bucket=bucket)
    return sorted(item["Key"] for item in listing.get("Contents", []))


def test_s3_settings_come_from_the_environment():
    env = {"DJANGO_DEBUG": "1", "S3_BUCKET": "clinic-media", "S3_ENDPOINT_URL": "http://minio:9000"}
    signed = settings_value('settings.STORAGES["default"]', **env)
    assert signed["BACKEND"] == "infrastructure.storage.MediaStorage"
    assert signed["OPTIONS"]["bucket_name"] == "clinic-media"
    assert signed["OPTIONS"]["endpoint_url"] == "http://minio:9000"
    assert signed["OPTIONS"]["querystring_auth"] is True
    public = settings_value(
        'settings.STORAGES["default"]["OPTIONS"]', **env, S3_PUBLIC_URL="https://clinic.example.org/media/"
    )
    assert public["querystring_auth"] is False
    assert (public["url_protocol"], public["custom_domain"]) == ("https:", "clinic.example.org/media")
    local = settings_value('settings.STORAGES["default"]', DJANGO_DEBUG="1")
    assert local == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert settings_value("settings.THUMBNAIL_STORAGE", DJANGO_DEBUG="1") == "default"


def test_local_media_is_served_with_debug_off(client, settings):
    assert settings.DEBUG is False
    name = default_storage.save("articles/served.jpg", ContentFile(_jpeg_bytes((40, 30))))
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content) == default_storage.open(name).read()
    assert client.get("/media/articles/../../settings.py").status_code in (400, 404)


def test_featured_image_uploaded_in_the_admin_and_its_renditions_live_in_the_bucket(
    admin_client, s3_server, s3_bucket
):
    article = ArticleFactory(published=True)
    page = admin_client.get(change_url(article))
    data = form_data(
        page,
        featured_image=SimpleUploadedFile("calm-room.jpg", _jpeg_bytes(), content_type="image/jpeg"),
        featured_image_alt="A calm treatment room",
    )
    response = admin_client.post(change_url(article), data)
    assert response.status_code == 302, response.content.decode()[:2000]

    article.refresh_from_db()
    assert article.featured_image.name in _keys(s3_server, s3_bucket)

    html = admin_client.get(article.get_absolute_url()).content.decode()
    srcset = re.search(r'<img src="([^"]+)" srcset="([^"]+)"[^>]*alt="A calm treatment room"', html)
    assert srcset, "the article page shows the featured image"
    rendition_urls = [part.split()[0].replace("&amp;", "&") for part in srcset.group(2).split(", ")]
    assert len(rendition_urls) == 3
    for url in rendition_urls:
        assert url.startswith(s3_server.endpoint_url)  # renditions are in the bucket, not on local disk
        status, body, headers = fetch(url)
        assert status == 200 and body[:4] == b"RIFF" and body[8:12] == b"WEBP"
    assert [key for key in _keys(s3_server, s3_bucket) if key.startswith("cache/")]


def test_editor_image_upload_links_through_media_when_urls_are_signed(admin_client, s3_server, s3_bucket):
    upload = SimpleUploadedFile("chart.png", _jpeg_bytes((200, 100)), content_type="image/jpeg")
    response = admin_client.post(UPLOAD_URL, {"upload": upload})
    assert response.status_code == 200
    url = response.json()["url"]
    assert url.startswith("/media/uploads/")  # a signed URL would expire inside the article body
    key = url.removeprefix("/media/")
    assert key in _keys(s3_server, s3_bucket)
    redirect = admin_client.get(url)
    assert redirect.status_code == 302 and "X-Amz-Signature=" in redirect["Location"]
    status, body, _ = fetch(redirect["Location"])
    assert status == 200 and body[:2] == b"\xff\xd8"


def test_public_url_mode_gives_plain_urls(s3_server, s3_bucket, settings):
    # A public bucket, as the deployment's MinIO is; moto wants the objects' ACL for that.
    options = {
        **settings.STORAGES["default"]["OPTIONS"],
        "querystring_auth": False,
        "default_acl": "public-read",
    }
    options.update(url_protocol="http:", custom_domain=f"127.0.0.1:{s3_server.port}/{s3_bucket}")
    use_media_storage(settings, options)
    name = default_storage.save("articles/public.jpg", ContentFile(_jpeg_bytes((40, 30))))
    url = default_storage.url(name)
    assert url == f"{s3_server.endpoint_url}/{s3_bucket}/{name}"
    assert fetch(url)[0] == 200


def test_pages_render_without_images_while_storage_is_down(client, storage_down, caplog):
    article = ArticleFactory(
        published=True, featured_image="articles/2026/11/lost.jpg", featured_image_alt="A lost picture"
    )
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert article.title in html and "srcset=" not in html and 'alt="A lost picture"' not in html
    for path in ("/", "/articles/"):
        assert client.get(path).status_code == 200
    assert "Media store unavailable" in caplog.text
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json() == {"status": "degraded", "unavailable": ["storage"]}


def test_admin_upload_while_storage_is_down_is_refused_and_nothing_is_saved(admin_client, storage_down):
    article = ArticleFactory(title="Before the outage")
    history_before = article.history.count()
    page = admin_client.get(change_url(article))
    data = form_data(
        page,
        title="Typed during the outage",
        featured_image=SimpleUploadedFile("new.jpg", _jpeg_bytes(), content_type="image/jpeg"),
        featured_image_alt="New picture",
    )
    response = admin_client.post(change_url(article), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "The image store is not answering, so nothing was saved" in html
    assert 'value="Typed during the outage"' in html  # what was typed is kept
    article.refresh_from_db()
    assert article.title == "Before the outage" and not article.featured_image
    assert article.history.count() == history_before
    assert not Article.objects.filter(title="Typed during the outage").exists()


def test_admin_save_that_meets_the_outage_mid_save_rolls_everything_back(admin_client, s3_bucket, settings):
    article = ArticleFactory(title="Before the outage")
    history_before = article.history.count()
    data = form_data(
        admin_client.get(change_url(article)),
        title="Half-saved?",
        featured_image=SimpleUploadedFile("new.jpg", _jpeg_bytes(), content_type="image/jpeg"),
        featured_image_alt="New picture",
    )
    # The store answers the form's check, then fails as the file is written.
    from infrastructure.storage import MediaStorage, StorageUnavailable

    def failing_save(self, name, content):
        raise StorageUnavailable("connection reset")

    original = MediaStorage._save
    MediaStorage._save = failing_save
    try:
        response = admin_client.post(change_url(article), data, follow=True)
    finally:
        MediaStorage._save = original
    assert response.status_code == 200
    assert "stopped answering while saving, so nothing was saved" in response.content.decode()
    article.refresh_from_db()
    assert article.title == "Before the outage" and article.history.count() == history_before


def test_editor_image_upload_while_storage_is_down_answers_a_clear_message(admin_client, storage_down):
    upload = SimpleUploadedFile("chart.jpg", _jpeg_bytes((200, 100)), content_type="image/jpeg")
    response = admin_client.post(UPLOAD_URL, {"upload": upload})
    assert response.status_code == 503
    assert response.json() == {
        "error": {
            "message": "The image store is not answering, so the image was not saved. Try again shortly."
        }
    }

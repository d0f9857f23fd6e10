import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles.models import Article
from tests.factories import ArticleFactory, UserFactory
from tests.test_articles_admin import form_data

pytestmark = pytest.mark.django_db

UPLOAD_URL = reverse("admin:articles_article_upload_image")
GPS = {1: "N", 2: (40.0, 26.0, 46.0), 3: "W", 4: (79.0, 58.0, 56.0)}


def _image_bytes(image_format="JPEG", size=(120, 80), with_gps=False):
    exif = Image.Exif()
    if with_gps:
        exif[0x010F] = "PocketCam"  # camera make
        exif[0x0112] = 6  # taken rotated: stored sideways
        exif[0x8825] = GPS
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, format=image_format, exif=exif.tobytes())
    return out.getvalue()


@pytest.fixture
def author_client(client):
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Authors"))
    client.force_login(user)
    return client


def _stored(response):
    path = response.json()["url"].removeprefix("/media/")
    with default_storage.open(path) as stored:
        return Image.open(io.BytesIO(stored.read()))


def test_upload_stores_the_image_and_answers_with_its_url(author_client):
    response = author_client.post(UPLOAD_URL, {"upload": SimpleUploadedFile("room.png", _image_bytes("PNG"))})

    assert response.status_code == 200
    assert response.json()["url"].startswith("/media/uploads/")
    assert _stored(response).format == "PNG"


def test_upload_strips_exif_and_gps_and_turns_the_photo_upright(author_client):
    original = _image_bytes(with_gps=True)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the test photo does carry GPS

    response = author_client.post(UPLOAD_URL, {"upload": SimpleUploadedFile("holiday.jpg", original)})

    stored = _stored(response)
    assert dict(stored.getexif()) == {}
    assert stored.getexif().get_ifd(0x8825) == {}
    assert b"PocketCam" not in default_storage.open(response.json()["url"].removeprefix("/media/")).read()
    assert stored.size == (80, 120)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("evil.png", b"<html><script>alert(1)</script></html>"),
        ("empty.jpg", b""),
        ("truncated.jpg", _image_bytes()[:200]),
        ("icon.ico", None),
    ],
)
def test_upload_refuses_what_is_not_an_accepted_image(author_client, name, content):
    if content is None:
        out = io.BytesIO()
        Image.new("RGB", (16, 16)).save(out, format="ICO")
        content = out.getvalue()

    response = author_client.post(UPLOAD_URL, {"upload": SimpleUploadedFile(name, content)})

    assert response.status_code == 400
    message = response.json()["error"]["message"]
    assert "JPEG, PNG, GIF or WebP" in message


def test_upload_refuses_files_over_5_mb(author_client):
    big = _image_bytes() + b"\0" * (5 * 1024 * 1024)
    response = author_client.post(UPLOAD_URL, {"upload": SimpleUploadedFile("big.jpg", big)})
    assert response.status_code == 400
    assert "at most 5 MB" in response.json()["error"]["message"]


def test_upload_without_a_file_says_so(author_client):
    response = author_client.post(UPLOAD_URL, {})
    assert response.status_code == 400 and "Choose an image" in response.json()["error"]["message"]


def test_upload_is_for_staff_only(client):
    content = SimpleUploadedFile("room.png", _image_bytes("PNG"))
    assert client.post(UPLOAD_URL, {"upload": content}).status_code == 302  # to the admin login
    client.force_login(UserFactory(is_staff=False))
    response = client.post(UPLOAD_URL, {"upload": SimpleUploadedFile("room.png", _image_bytes("PNG"))})
    assert response.status_code == 302 and "/admin/login/" in response.url
    assert not default_storage.exists("uploads")


def test_upload_needs_post(author_client):
    assert author_client.get(UPLOAD_URL).status_code == 405


def test_featured_image_is_checked_and_stripped_too(client):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    article = ArticleFactory()
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(client.get(url), featured_image_alt="A quiet room")
    data["featured_image"] = SimpleUploadedFile("evil.png", b"<html>not an image</html>")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "featured_image" in response.context["adminform"].form.errors

    data = form_data(client.get(url), featured_image_alt="")
    data["featured_image"] = SimpleUploadedFile("room.jpg", _image_bytes(with_gps=True))
    response = client.post(url, data)
    assert "Describe the image" in response.context["adminform"].form.errors["featured_image_alt"][0]

    data = form_data(client.get(url), featured_image_alt="A quiet room")
    data["featured_image"] = SimpleUploadedFile("room.jpg", _image_bytes(with_gps=True))
    assert client.post(url, data).status_code == 302
    article = Article.objects.get(pk=article.pk)
    with article.featured_image.open() as stored:
        image = Image.open(io.BytesIO(stored.read()))
    assert dict(image.getexif()) == {} and image.size == (80, 120)

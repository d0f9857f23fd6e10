import io
import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, UserFactory
from tests.helpers import GPS, form_data, image_bytes
from tools.services import closed_port

pytestmark = pytest.mark.django_db

UPLOAD_URL = reverse("admin:articles_article_upload_image")


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
    response = author_client.post(UPLOAD_URL, {"upload": SimpleUploadedFile("room.png", image_bytes("PNG"))})

    assert response.status_code == 200
    assert response.json()["url"].startswith("/media/uploads/")
    assert _stored(response).format == "PNG"


def test_upload_strips_exif_and_gps_and_turns_the_photo_upright(author_client):
    original = image_bytes(with_gps=True)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the test photo does carry GPS

    response = author_client.post(UPLOAD_URL, {"upload": SimpleUploadedFile("holiday.jpg", original)})

    stored = _stored(response)
    assert dict(stored.getexif()) == {}
    assert stored.getexif().get_ifd(0x8825) == {}
    assert b"PocketCam" not in default_storage.open(response.json()["url"].removeprefix("/media/")).read()
    assert stored.size == (80, 120)


def test_upload_turns_a_large_sideways_photo_upright_at_the_largest_width_shown(author_client):
    exif = Image.Exif()
    exif[0x0112] = 6  # taken rotated: stored sideways, 2400 wide, shown 1600 wide
    out = io.BytesIO()
    Image.new("RGB", (2400, 1600), "teal").save(out, format="JPEG", exif=exif.tobytes())

    response = author_client.post(UPLOAD_URL, {"upload": SimpleUploadedFile("tall.jpg", out.getvalue())})

    stored = _stored(response)
    assert stored.size == (1200, 1800) and dict(stored.getexif()) == {}


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("evil.png", b"<html><script>alert(1)</script></html>"),
        ("empty.jpg", b""),
        ("truncated.jpg", image_bytes()[:200]),
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


def test_upload_refuses_files_over_the_stated_limit_of_20_mb(author_client):
    # Issue 13 raised the limit from 5 MB: larger photos are scaled down instead (test_images_workflow).
    big = image_bytes() + b"\0" * (20 * 1024 * 1024)
    response = author_client.post(UPLOAD_URL, {"upload": SimpleUploadedFile("big.jpg", big)})
    assert response.status_code == 400
    message = response.json()["error"]["message"]
    assert "at most 20 MB" in message and "choose it again" in message


def test_upload_without_a_file_says_so(author_client):
    response = author_client.post(UPLOAD_URL, {})
    assert response.status_code == 400 and "Choose an image" in response.json()["error"]["message"]


def test_upload_is_for_staff_only(client):
    content = SimpleUploadedFile("room.png", image_bytes("PNG"))
    assert client.post(UPLOAD_URL, {"upload": content}).status_code == 302  # to the admin login
    client.force_login(UserFactory(is_staff=False))
    response = client.post(UPLOAD_URL, {"upload": SimpleUploadedFile("room.png", image_bytes("PNG"))})
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
    data["featured_image"] = SimpleUploadedFile("room.jpg", image_bytes(with_gps=True))
    response = client.post(url, data)
    assert "Describe the image" in response.context["adminform"].form.errors["featured_image_alt"][0]

    data = form_data(client.get(url), featured_image_alt="A quiet room")
    data["featured_image"] = SimpleUploadedFile("room.jpg", image_bytes(with_gps=True))
    assert client.post(url, data).status_code == 302
    article = Article.objects.get(pk=article.pk)
    with article.featured_image.open() as stored:
        image = Image.open(io.BytesIO(stored.read()))
    assert dict(image.getexif()) == {} and image.size == (80, 120)


# 128 random bits (32 hex digits) after the original's name: a draft's images are public files, found only
# by someone who has been given the address, never by trying names.
UNGUESSABLE_NAME = re.compile(r"(?P<stem>[^/]+)-(?P<token>[0-9a-f]{32})\.(?:jpg|png)")


def test_uploaded_images_are_named_so_that_no_one_finds_them_by_trying(author_client):
    urls = [
        author_client.post(UPLOAD_URL, {"upload": SimpleUploadedFile("room.png", image_bytes("PNG"))}).json()[
            "url"
        ]
        for _ in range(2)
    ]
    names = [UNGUESSABLE_NAME.fullmatch(url.rpartition("/")[2]) for url in urls]
    assert all(names), urls
    assert [name["stem"] for name in names] == ["room", "room"]
    assert names[0]["token"] != names[1]["token"]


def test_a_featured_image_with_a_long_name_keeps_its_whole_random_part(admin_client):
    article = ArticleFactory()
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(admin_client.get(url), featured_image_alt="A quiet room")
    long_name = "treatment-room-" * 6 + ".jpg"  # 94 characters, as long as the form accepts
    data["featured_image"] = SimpleUploadedFile(long_name, image_bytes())
    assert admin_client.post(url, data).status_code == 302

    stored = Article.objects.get(pk=article.pk).featured_image.name
    folder, _, name = stored.rpartition("/")
    assert folder.startswith("articles/") and len(stored) <= 100
    assert UNGUESSABLE_NAME.fullmatch(name), stored  # not cut to fit the field, token first
    assert default_storage.exists(stored)


def _animation_bytes(image_format, size, frames):
    # Each frame a different shade, so that the encoder can't fold them into one.
    images = [Image.new("L", size, shade * 20) for shade in range(frames)]
    out = io.BytesIO()
    images[0].save(out, format=image_format, save_all=True, append_images=images[1:], duration=100)
    return out.getvalue()


@pytest.mark.parametrize("image_format", ["PNG", "GIF"])
def test_upload_refuses_an_animation_whose_frames_together_have_too_many_pixels(author_client, image_format):
    bomb = _animation_bytes(image_format, (2000, 2000), 11)  # 44 million pixels in a small file
    assert len(bomb) < 1024 * 1024

    response = author_client.post(UPLOAD_URL, {"upload": SimpleUploadedFile("bomb", bomb)})

    assert response.status_code == 400
    message = response.json()["error"]["message"]
    assert "11 frames of 2000 × 2000 pixels" in message and "still image" in message
    assert not default_storage.exists("uploads")


def test_upload_refuses_one_frame_with_too_many_pixels(author_client):
    out = io.BytesIO()
    Image.new("1", (7000, 7000)).save(out, format="PNG")

    response = author_client.post(UPLOAD_URL, {"upload": SimpleUploadedFile("wall.png", out.getvalue())})

    assert response.status_code == 400
    assert "7000 × 7000 pixels" in response.json()["error"]["message"]


def test_upload_keeps_only_the_first_frame_of_a_small_animation(author_client):
    response = author_client.post(
        UPLOAD_URL, {"upload": SimpleUploadedFile("wave.gif", _animation_bytes("GIF", (40, 30), 5))}
    )

    stored = _stored(response)
    assert stored.format == "GIF" and stored.size == (40, 30)
    assert getattr(stored, "n_frames", 1) == 1


def _with_metadata(image_format):
    image = Image.new("RGB", (64, 48), "teal")
    exif = Image.Exif()
    exif[0x010F] = "SECRET-MAKE"
    exif[0x8825] = GPS
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">SECRET-XMP</x:xmpmeta>'
    out = io.BytesIO()
    if image_format == "JPEG":
        image.save(out, format="JPEG", exif=exif.tobytes(), comment=b"SECRET-COMMENT", xmp=xmp)
    elif image_format == "PNG":
        info = PngInfo()
        info.add_text("Comment", "SECRET-TEXT")
        info.add_itxt("XML:com.adobe.xmp", xmp.decode())
        info.add_text("Author", "SECRET-ZTXT", zip=True)
        image.save(out, format="PNG", pnginfo=info, exif=exif.tobytes())
    elif image_format == "GIF":
        image.save(out, format="GIF", comment=b"SECRET-COMMENT")
    else:
        image.save(out, format="WEBP", exif=exif.tobytes(), xmp=xmp)
    return out.getvalue()


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "GIF", "WEBP"])
def test_upload_drops_all_metadata(author_client, image_format):
    original = _with_metadata(image_format)
    assert b"SECRET" in original or b"x\x9c" in original  # the test file does carry its metadata

    response = author_client.post(UPLOAD_URL, {"upload": SimpleUploadedFile("photo", original)})

    assert response.status_code == 200
    raw = default_storage.open(response.json()["url"].removeprefix("/media/")).read()
    assert b"SECRET" not in raw
    stored = Image.open(io.BytesIO(raw))
    assert stored.format == image_format
    assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment", "Comment", "Author"} & set(stored.info)
    assert dict(stored.getexif()) == {}


def test_upload_needs_a_content_permission_not_just_staff_status(client):
    client.force_login(UserFactory(is_staff=True))  # staff, but in no group and with no permission

    response = client.post(UPLOAD_URL, {"upload": SimpleUploadedFile("room.png", image_bytes("PNG"))})

    assert response.status_code == 403
    assert "may not upload images" in response.json()["error"]["message"]
    assert not default_storage.exists("uploads")


@pytest.mark.parametrize(("group", "allowed"), [("Clinic staff", True), ("Editors", True), ("Authors", True)])
def test_upload_is_open_to_every_role_that_writes(client, group, allowed):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)

    response = client.post(UPLOAD_URL, {"upload": SimpleUploadedFile("room.png", image_bytes("PNG"))})

    assert (response.status_code == 200) is allowed


# Issue 19: decoding an upload takes bounded memory, and each person's uploads are limited in number.


def _big_image_bytes(image_format, size, mode="RGB"):
    # A gradient: decoding costs what a photo's pixels cost, while the file stays small.
    image = Image.linear_gradient("L").resize(size)
    if mode == "RGBA":
        image = image.convert("RGB")
        image.putalpha(Image.linear_gradient("L").transpose(Image.Transpose.ROTATE_90).resize(size))
    out = io.BytesIO()
    image.convert(mode).save(out, format=image_format)
    return out.getvalue()


def test_upload_refuses_a_png_too_large_to_decode_at_once_and_stores_nothing(author_client):
    wall = _big_image_bytes("PNG", (6300, 6300), mode="L")  # under the 40 million pixels a JPEG may have
    assert len(wall) < 1024 * 1024

    response = author_client.post(UPLOAD_URL, {"upload": SimpleUploadedFile("wall.png", wall)})

    assert response.status_code == 400
    message = response.json()["error"]["message"]
    assert "6300 × 6300 pixels" in message and "PNG images can have at most 12 million pixels" in message
    assert "JPEG photo up to 40 million" in message and "choose it again" in message
    assert not default_storage.exists("uploads")


MEASURE_PEAK = """
import os, sys
import django
django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile
from articles.images import clean_image

def kilobytes(field):
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field))

upload = SimpleUploadedFile("big", open(sys.argv[1], "rb").read())
before = kilobytes("VmRSS:")
clean_image(upload)
print((kilobytes("VmHWM:") - before) // 1024)
"""
# What one upload may add to a worker's memory at its peak (articles/images.py, MAX_DECODED_PIXELS): five
# workers uploading at once stay under 700 MB. Before issue 19 these images took 150-310 MB each.
DECODE_MEMORY_BOUND_MB = 128


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak memory Linux reports")
@pytest.mark.parametrize(
    ("image_format", "size", "mode"),
    [
        ("JPEG", (6000, 6000), "RGB"),  # 36 million pixels, decoded at a quarter of the width
        ("JPEG", (1200, 10000), "RGB"),  # no narrower than what is kept: decoded whole
        ("PNG", (4000, 3000), "RGBA"),
        ("GIF", (4000, 3000), "P"),
        ("WEBP", (3000, 2000), "RGBA"),
    ],
)
def test_decoding_the_largest_allowed_image_stays_within_a_memory_bound(tmp_path, image_format, size, mode):
    path = tmp_path / f"big.{image_format.lower()}"
    path.write_bytes(_big_image_bytes(image_format, size, mode))
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "clinic.settings", "DJANGO_DEBUG": "1"}
    environment["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)

    run = subprocess.run(
        [sys.executable, "-c", MEASURE_PEAK, str(path)], env=environment, capture_output=True, text=True
    )

    assert run.returncode == 0, run.stderr  # accepted: the image is within the limits
    assert int(run.stdout) < DECODE_MEMORY_BOUND_MB


@pytest.fixture
def three_uploads(settings):
    settings.UPLOAD_RATE_LIMIT = 3
    settings.UPLOAD_RATE_MINUTES = 10


def _upload(client, name="room.png"):
    return client.post(UPLOAD_URL, {"upload": SimpleUploadedFile(name, image_bytes("PNG"))})


def _stored_files(folder="uploads"):
    if not default_storage.exists(folder):
        return []
    folders, files = default_storage.listdir(folder)
    return files + [name for sub in folders for name in _stored_files(f"{folder}/{sub}")]


def test_uploads_past_the_limit_answer_429_with_a_message_and_another_author_is_not_affected(
    author_client, three_uploads, time_machine
):
    time_machine.move_to(datetime(2026, 12, 1, 10, 1, tzinfo=UTC), tick=False)  # a minute into a window
    assert [_upload(author_client).status_code for _ in range(3)] == [200, 200, 200]

    refused = _upload(author_client, "one-too-many.png")

    assert refused.status_code == 429
    message = refused.json()["error"]["message"]
    assert "limit of 3 image uploads in 10 minutes" in message and "Nothing was stored" in message
    assert "upload it again in 9 minutes" in message and refused["Retry-After"] == str(9 * 60)
    assert not any("one-too-many" in name for name in _stored_files())
    assert len(_stored_files()) == 3

    other = Client()
    other_author = UserFactory()
    other_author.groups.add(Group.objects.get(name="Authors"))
    other.force_login(other_author)
    assert _upload(other).status_code == 200

    time_machine.shift(timedelta(minutes=10))
    assert _upload(author_client).status_code == 200  # a new window: the author may upload again


def test_a_featured_image_past_the_limit_is_refused_by_the_form_keeping_what_was_typed(
    client, three_uploads, settings
):
    settings.UPLOAD_RATE_LIMIT = 1
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert (
        client.post(UPLOAD_URL, {"upload": SimpleUploadedFile("a.png", image_bytes("PNG"))}).status_code
        == 200
    )
    article = ArticleFactory(title="Before")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(client.get(url), title="Typed before the upload", featured_image_alt="A quiet room")
    data["featured_image"] = SimpleUploadedFile("room.jpg", image_bytes())

    response = client.post(url, data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "limit of 1 image upload in 10 minutes" in form.errors["featured_image"][0]
    assert form["title"].value() == "Typed before the upload"
    article.refresh_from_db()
    assert article.title == "Before" and not article.featured_image
    assert not default_storage.exists("articles")  # where a featured image would have been stored


def test_an_author_photo_counts_as_an_upload_too(client, three_uploads, settings):
    settings.UPLOAD_RATE_LIMIT = 1
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    author = AuthorFactory(display_name="Dana Whitfield")
    url = reverse("admin:articles_author_change", args=[author.pk])
    data = form_data(client.get(url))
    data["photo"] = SimpleUploadedFile("dana.jpg", image_bytes())
    assert client.post(url, data).status_code == 302  # the one upload allowed

    data = form_data(client.get(url), bio="Typed with the second photo")
    data["photo"] = SimpleUploadedFile("dana-again.jpg", image_bytes())
    response = client.post(url, data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "limit of 1 image upload in 10 minutes" in form.errors["photo"][0]
    assert form["bio"].value() == "Typed with the second photo"


def test_uploads_are_not_refused_while_the_shared_cache_does_not_answer(
    author_client, settings, caplog, production_redis_cache
):
    settings.UPLOAD_RATE_LIMIT = 1
    # Nowhere to count: let it be.
    settings.CACHES = production_redis_cache(f"redis://127.0.0.1:{closed_port()}/0")
    assert [_upload(author_client).status_code for _ in range(2)] == [200, 200]
    assert "Cache unavailable" in caplog.text

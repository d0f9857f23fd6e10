import io
import shutil
import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils.functional import empty
from sorl.thumbnail import default as thumbnail_default

from domain.models import SiteProfile
from tests.factories import AuthorFactory, member_of
from tests.helpers import DatabaseChanges, database_rows, settings_value, use_media_storage
from tools.services import MotoS3, closed_port


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The hashed-name manifest exists only after collectstatic; tests render templates without it.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(scope="session")
def _cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Factories hash a password for every user; the production hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache(settings, _cache_dir):
    # The default file cache gets a folder of the run's own, so a dev server's cache never meets the tests'.
    if settings.CACHES["default"]["BACKEND"].endswith("FileBasedCache"):
        settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": str(_cache_dir)}}
    # Cached objects (the site profile) must not leak between tests or across rolled-back transactions.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    # Pinned query counts measure the page as rendered; a cached page runs none. Tests of the page cache
    # itself ask for the `page_cache` fixture.
    settings.PAGE_CACHE = False


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = True


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    _forget_media_storage()
    yield
    _forget_media_storage()


def _forget_media_storage():
    # sorl keeps the storage objects it first built (its default, and an lru_cache by alias), and the media
    # store remembers an outage: a test that pointed media at an object store (test_storage) must leave
    # none of them behind for the next test.
    from django.utils.functional import empty
    from sorl.thumbnail import default as thumbnail_default
    from sorl.thumbnail.images import get_or_create_storage

    from infrastructure.storage import MediaStorage

    thumbnail_default.storage._wrapped = empty
    get_or_create_storage.cache_clear()
    MediaStorage._paused_until = 0.0


@pytest.fixture(scope="session")
def _demo_loads(tmp_path_factory):
    """What `load_demo_content --no-accounts` changed, by the database it ran on, and where its media went."""
    return {"media": tmp_path_factory.mktemp("demo-media"), "loads": []}


@pytest.fixture
def demo_content(db, settings, _demo_loads):
    """The demo content, as `load_demo_content --no-accounts` leaves it, in this test's own transaction.

    The loader runs once per run (once more only if a test starts from another database, as after a
    transactional test's flush): the rows it wrote are kept and written again into each test's transaction,
    which is rolled back after the test like anything else it writes; its media is copied into the test's
    media folder. Tests of the loader itself still run the command.
    """
    # Content types are cached by the process, and a test that flushed and restored the database inside its
    # transaction (test_backup) leaves ids cached that were rolled back; the demo's citations name types by
    # those ids.
    ContentType.objects.clear_cache()
    before = database_rows()
    changes = next((changes for state, changes in _demo_loads["loads"] if state == before), None)
    if changes is None:
        own_media = settings.MEDIA_ROOT
        settings.MEDIA_ROOT = _demo_loads["media"]
        _forget_media_storage()
        with transaction.atomic():
            call_command("load_demo_content", "--no-accounts", stdout=io.StringIO())
            changes = DatabaseChanges.between(before, database_rows())
            transaction.set_rollback(True)
        settings.MEDIA_ROOT = own_media
        _forget_media_storage()
        _demo_loads["loads"].append((before, changes))
    shutil.copytree(_demo_loads["media"], settings.MEDIA_ROOT, dirs_exist_ok=True)
    changes.apply()
    cache.clear()  # as the loader does: nothing cached from before describes the new content


def pytest_terminal_summary(terminalreporter, config):
    cells = getattr(config, "admin_matrix_cells", 0)
    if cells:
        terminalreporter.write_line(
            f"admin permission matrix: {cells} cells checked (view × method × role × object)"
        )


@pytest.fixture
def editor(db):
    return member_of("Editors", username="ed", first_name="Eda", last_name="Moss")


@pytest.fixture
def author_user(db):
    user = member_of("Authors", username="writer")
    AuthorFactory(user=user, display_name="Wren Writer")
    return user


@pytest.fixture
def site_profile(db):
    """The clinic's profile with a phone number and a booking address, cached as on a running site."""
    profile = SiteProfile.objects.get_current()
    profile.phone = "(555) 010-0142"
    profile.booking_url = "https://booking.example.org/clinic"
    profile.save()
    SiteProfile.objects.get_current()  # warm the cache, as on a running site
    return profile


@pytest.fixture(scope="session")
def production_redis_cache():
    """Return CACHES as settings.py builds them from REDIS_URL, at the given address instead."""
    built = settings_value('settings.CACHES["default"]', DJANGO_DEBUG="1", REDIS_URL="redis://redis:6379/0")
    return lambda location: {"default": {**built, "LOCATION": location}}


# Media in an S3-compatible store: a real S3 API (moto's server on 127.0.0.1), or a closed port.


@pytest.fixture(scope="module")
def s3_server():
    if not MotoS3.available():
        pytest.skip("moto[server] is not installed")
    server = MotoS3().start()
    yield server
    server.stop()


@pytest.fixture
def s3_bucket(s3_server, settings):
    bucket = s3_server.create_bucket(f"media-{uuid.uuid4().hex[:12]}")
    use_media_storage(
        settings,
        {
            "bucket_name": bucket,
            "endpoint_url": s3_server.endpoint_url,
            "access_key": s3_server.access_key,
            "secret_key": s3_server.secret_key,
            "region_name": "us-east-1",
        },
    )
    yield bucket
    thumbnail_default.storage._wrapped = empty


@pytest.fixture
def storage_down(settings):
    use_media_storage(
        settings,
        {
            "bucket_name": "media",
            "endpoint_url": f"http://127.0.0.1:{closed_port()}",
            "access_key": "k",
            "secret_key": "s",
        },
    )
    yield
    thumbnail_default.storage._wrapped = empty
    from infrastructure.storage import MediaStorage

    MediaStorage._paused_until = 0.0

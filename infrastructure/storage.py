"""Media storage: S3-compatible object storage (django-storages) when configured, else the local disk.

An outage of the object store must not take pages down: MediaStorage turns the S3 client's errors into
StorageUnavailable, an OSError, which the image tags already answer with "no image", and stops asking the
store for a few seconds after a failure so a page with many images costs one timeout, not one per image.
"""

import logging
import time

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from storages.backends.s3 import S3Storage

logger = logging.getLogger(__name__)


class StorageUnavailable(OSError):
    """The media store did not answer; nothing was stored."""


# Errors an upload or a rendition may meet when the store is down; local disks raise OSError.
STORAGE_ERRORS = (OSError, BotoCoreError, ClientError)

UPLOAD_FAILED_MESSAGE = _("The image store is not answering, so the image was not saved. Try again shortly.")
FORM_UPLOAD_FAILED_MESSAGE = _(
    "The image store is not answering, so nothing was saved. Please choose the image again in a few "
    "minutes; everything else you typed is still in the form."
)

SAVE_FAILED_MESSAGE = _(
    "The image store stopped answering while saving, so nothing was saved. Please try again in a few minutes."
)


class MediaStorage(S3Storage):
    """django-storages' S3 storage with short timeouts, unique names, and outages reported as OSError."""

    pause_seconds = 5.0
    _paused_until = 0.0  # shared by every instance in the process: one outage, one pause

    def __init__(self, **options):
        options.setdefault("file_overwrite", False)  # every upload keeps its own name, as on local disk
        options.setdefault(
            "client_config",
            Config(
                connect_timeout=2,
                read_timeout=10,
                retries={"max_attempts": 2, "mode": "standard"},
                signature_version="s3v4",
                # Self-hosted stores (MinIO, moto) are addressed as endpoint/bucket/key.
                s3={"addressing_style": "path" if options.get("endpoint_url") else "auto"},
            ),
        )
        super().__init__(**options)

    def _guarded(self, operation, *args, **kwargs):
        if time.monotonic() < MediaStorage._paused_until:
            raise StorageUnavailable("The media store is not answering (paused after an error).")
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except (BotoCoreError, ClientError) as error:
            MediaStorage._paused_until = time.monotonic() + self.pause_seconds
            logger.warning("Media store unavailable (%s): %s", operation, error)
            raise StorageUnavailable(f"The media store is not answering: {error}") from error

    def _open(self, name, mode="rb"):
        file = self._guarded("_open", name, mode)
        if "r" in mode:
            self._guarded("size", name)  # fetch now, so an outage fails here and not mid-read
        return file

    def _save(self, name, content):
        return self._guarded("_save", name, content)

    def delete(self, name):
        return self._guarded("delete", name)

    def exists(self, name):
        return self._guarded("exists", name)

    def listdir(self, name):
        return self._guarded("listdir", name)

    def size(self, name):
        return self._guarded("size", name)

    def get_modified_time(self, name):
        return self._guarded("get_modified_time", name)


def storage_answers() -> bool:
    """Return True if the media store answers a lookup (local disks always do)."""
    try:
        default_storage.exists("healthz-probe")
    except STORAGE_ERRORS:
        logger.exception("Health check: the media store did not answer")
        return False
    return True


def lasting_url(name: str) -> str:
    """Return a URL for a stored file that stays valid when stored in rich text.

    Signed URLs expire, so a private bucket's files are linked through /media/, which redirects to a fresh
    signature; local and public files are linked directly.
    """
    signed = getattr(default_storage, "querystring_auth", False)
    if signed and not getattr(default_storage, "custom_domain", None):
        return reverse("media", kwargs={"path": name})
    return default_storage.url(name)


class UploadsNeedStorageMixin:
    """Admin mixin: while the store is down, a save with a new upload is refused and nothing is half-saved.

    The form says so by its fields, keeping what was typed; should the store fail between that check and the
    save, the admin's transaction rolls every row back and the editor is told the same.
    """

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)

        class StorageCheckedForm(form_class):
            def clean(self):
                cleaned_data = super().clean()
                if self.files and not storage_answers():
                    raise ValidationError(FORM_UPLOAD_FAILED_MESSAGE, code="storage_unavailable")
                return cleaned_data

        StorageCheckedForm.__name__ = form_class.__name__
        return StorageCheckedForm

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except STORAGE_ERRORS:
            if request.method != "POST":
                raise
            logger.exception("Could not store an upload; the admin's transaction rolled the save back")
            messages.error(request, SAVE_FAILED_MESSAGE)
            return HttpResponseRedirect(request.get_full_path())

"""Uploads no content uses any more, found and deleted (`manage.py clean_unused_uploads`, README).

An upload is in use while any row of the database names it: a published item or a draft, someone's unsaved
copy (autosave), or a history row an editor could revert to. Rather than a list of fields, which the next
rich-text field would be missing from, every text, JSON and file column of every model is read; a file is
named there if its storage name stands alone or ends a URL path (/media/…, the bucket's public address, a
signed URL), percent-encoded or not. The one table not read is sorl-thumbnail's index of renditions, which
names every image that was ever shown.

Only files in the folders uploads are stored in are considered, and only once older than the grace period:
an image placed in the editor is stored before the text that names it is saved.
"""

import html
import json
import re
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import unquote

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import models
from django.utils import timezone
from sorl.thumbnail import delete as delete_with_renditions

from articles.images import EDITOR_UPLOADS_FOLDER

from .backup import stored_files

DEFAULT_GRACE = timedelta(days=30)
# sorl-thumbnail's index would keep every image that ever had a rendition; sessions hold signed blobs.
NOT_CONTENT_APPS = {"thumbnail", "sessions"}
TEXT_COLUMNS = (models.CharField, models.TextField, models.JSONField, models.FileField)
# A name ends where a quote, space, tag, srcset comma, JSON escape, query or fragment begins.
URL_LIKE = re.compile(r"""[^\s"'<>()\[\]{},;\\?#]+""")
LONGEST_BARE_NAME = 1024  # a column holding just a name (an ImageField, its history copy) is shorter


@dataclass
class UploadsReport:
    unused: list[str]  # older than the grace period and named nowhere: to delete
    in_use: int
    recent: int  # within the grace period: not looked at


def upload_folders() -> list[str]:
    """Return the top folders uploads are stored in: the editor's, and every file field's upload_to."""
    folders = {EDITOR_UPLOADS_FOLDER}
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField) and isinstance(field.upload_to, str):
                folder = field.upload_to.strip("/").partition("/")[0]
                if folder:
                    folders.add(folder)
    return sorted(folders)


def find_unused_uploads(grace: timedelta = DEFAULT_GRACE) -> UploadsReport:
    """Return the uploads older than grace that no row of the database names."""
    cutoff = timezone.now() - grace
    old, recent = set(), 0
    for folder in upload_folders():
        for name in stored_files(f"{folder}/"):
            if default_storage.get_modified_time(name) > cutoff:
                recent += 1
            else:
                old.add(name)
    in_use = names_in_database(old)
    return UploadsReport(unused=sorted(old - in_use), in_use=len(in_use), recent=recent)


def delete_upload(name: str) -> None:
    """Delete a stored upload with its renditions and sorl's index entries (gone already: nothing to do)."""
    delete_with_renditions(name)


def names_in_database(names: set[str]) -> set[str]:
    """Return those of names that some row of any model names."""
    found = set()
    if not names:
        return found
    for model in apps.get_models():
        if model._meta.app_label in NOT_CONTENT_APPS:
            continue
        columns = [field.attname for field in model._meta.concrete_fields if isinstance(field, TEXT_COLUMNS)]
        if not columns:
            continue
        for row in model._base_manager.values_list(*columns).iterator(chunk_size=500):
            for value in row:
                if value in (None, "", {}, []):
                    continue
                text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                found |= _names_in(text, names)
    return found


def _names_in(text: str, names: set[str]) -> set[str]:
    candidates = set(URL_LIKE.findall(text))
    if len(text) <= LONGEST_BARE_NAME:
        candidates.add(text.strip())  # a bare name may hold spaces or commas
    found = set()
    for candidate in candidates:
        path = unquote(html.unescape(candidate))
        while path:  # /media/uploads/x.jpg, media/uploads/x.jpg, uploads/x.jpg, x.jpg
            if path in names:
                found.add(path)
            path = path.partition("/")[2]
    return found

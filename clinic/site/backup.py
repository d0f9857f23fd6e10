"""Backup and restore of the whole site: the database (as Django fixtures) and the media (from any storage).

One .tar.gz holds manifest.json, database.xml and media/<every stored file>. Both ends go through Django
(dumpdata/loaddata and the default storage), so a backup made on SQLite and local disk restores onto
PostgreSQL and S3, and back. Renditions (media/cache/) and sorl's index of them are left out: they are
made again on the first view. Content types and permissions are referred to by natural keys, since
`migrate` makes them afresh with other ids.
"""

import io
import json
import tarfile
import tempfile
from pathlib import Path

import django
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

FORMAT_VERSION = 1
RENDITIONS_FOLDER = "cache"  # sorl-thumbnail's renditions; regenerated on demand
# Made by migrate, kept by no one, or regenerated: never in a backup.
EXCLUDED_MODELS = ["contenttypes", "auth.permission", "sessions", "thumbnail"]


def stored_files(folder=""):
    """Yield the name of every stored file under folder ("dir/"), renditions left out."""
    try:
        directories, files = default_storage.listdir(folder)
    except FileNotFoundError:  # a local media folder nothing was uploaded to yet
        return
    for name in files:
        yield f"{folder}{name}"
    for directory in directories:
        if not folder and directory == RENDITIONS_FOLDER:
            continue
        yield from stored_files(f"{folder}{directory}/")


def _add_bytes(archive, name, data: bytes):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def backup(output: Path) -> dict:
    """Write the database and media into output (a .tar.gz); return the manifest."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        dump = Path(scratch) / "database.xml"
        # XML, not JSON: Django's JSON encoder cuts times to milliseconds, and restored pages would differ.
        call_command(
            "dumpdata",
            format="xml",
            natural_foreign=True,
            exclude=EXCLUDED_MODELS,
            output=str(dump),
            verbosity=0,
        )
        records = dump.read_text().count("<object ")
        media = sorted(stored_files())
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "django": django.get_version(),
            "database_vendor": connection.vendor,
            "migrations": sorted(map(list, MigrationLoader(connection).graph.leaf_nodes())),
            "records": records,
            "media_files": len(media),
        }
        partial = output.with_name(output.name + ".partial")  # never leave a truncated archive under the name
        with tarfile.open(partial, "w:gz") as archive:
            _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
            archive.add(dump, arcname="database.xml")
            for name in media:
                with default_storage.open(name, "rb") as stored:
                    _add_bytes(archive, f"media/{name}", stored.read())
        partial.replace(output)
    return manifest


def restore(archive_path: Path, *, migrate: bool = True) -> dict:
    """Replace the database's content and add the media from a backup; return its manifest."""
    with tarfile.open(archive_path, "r:gz") as archive, tempfile.TemporaryDirectory() as scratch:
        manifest = json.loads(archive.extractfile("manifest.json").read())
        if manifest.get("format") != FORMAT_VERSION:
            raise ValueError(f"{archive_path} is not a backup this version can read.")
        dump = Path(scratch) / "database.xml"
        dump.write_bytes(archive.extractfile("database.xml").read())
        if migrate:
            call_command("migrate", interactive=False, verbosity=0)
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # TRUNCATE refuses tables with deferred checks pending (rows made by migrate in this
                # transaction); check them now, and defer again so loaddata may load in any order.
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            call_command("flush", interactive=False, verbosity=0)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            call_command("loaddata", str(dump), verbosity=0)
        for member in archive.getmembers():
            if not member.isfile() or not member.name.startswith("media/"):
                continue
            name = member.name.removeprefix("media/")
            if ".." in Path(name).parts or name.startswith("/"):
                raise ValueError(f"Refusing an unsafe path in the backup: {member.name}")
            if default_storage.exists(name):
                default_storage.delete(name)
            saved = default_storage.save(name, ContentFile(archive.extractfile(member).read()))
            if saved != name:
                raise RuntimeError(
                    f"Storage renamed {name} to {saved}; the restored pages would not find it."
                )
    cache.clear()  # rendered tags and sorl's rendition index may name files from before the restore
    return manifest

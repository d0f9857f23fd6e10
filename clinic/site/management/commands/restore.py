from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from clinic.site.backup import restore


class Command(BaseCommand):
    help = "Replace the database's content with a backup and put its media back (see the README)."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="A .tar.gz made by `manage.py backup`.")
        parser.add_argument("--yes", action="store_true", help="Don't ask: the current content is replaced.")
        parser.add_argument("--no-migrate", action="store_true", help="Skip `migrate` before loading.")

    def handle(self, *args, archive, yes, no_migrate, **options):
        if not archive.is_file():
            raise CommandError(f"No backup at {archive}.")
        if not yes and options.get("interactive", True):
            answer = input(f"Replace everything in the database with {archive}? Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing changed.")
        try:
            manifest = restore(archive, migrate=not no_migrate)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {manifest['records']} database records and {manifest['media_files']} media files "
                f"from {archive} (made {manifest['created_at']})"
            )
        )

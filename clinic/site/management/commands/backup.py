from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from clinic.site.backup import backup


class Command(BaseCommand):
    help = (
        "Back up the database and the uploaded media into one .tar.gz (see the README, Backup and restore)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", type=Path, help="Archive to write (default: backups/clinic-<time>.tar.gz)."
        )

    def handle(self, *args, output=None, **options):
        output = output or Path("backups") / f"clinic-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        manifest = backup(output)
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {manifest['records']} database records and {manifest['media_files']} media files "
                f"to {output}"
            )
        )

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from clinic.site.unused_uploads import DEFAULT_GRACE, delete_upload, find_unused_uploads
from infrastructure.storage import STORAGE_ERRORS


class Command(BaseCommand):
    help = (
        "Delete uploaded images that no content, draft, unsaved copy or history row names any more, once "
        "older than the grace period, with their renditions. Safe to run on a schedule (README, "
        "Unused uploads)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--grace-days",
            type=int,
            default=DEFAULT_GRACE.days,
            help=f"Keep every upload younger than this many days (default {DEFAULT_GRACE.days}).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be deleted; delete nothing."
        )

    def handle(self, *args, grace_days, dry_run, verbosity, **options):
        if grace_days < 1:
            raise CommandError(
                "--grace-days must be 1 or more: an image placed in the editor is stored before the text "
                "that names it is saved."
            )
        try:
            report = find_unused_uploads(timedelta(days=grace_days))
            for name in report.unused:
                if not dry_run:
                    delete_upload(name)
                if verbosity >= 1:
                    self.stdout.write(f"{'Would delete' if dry_run else 'Deleted'} {name}")
        except STORAGE_ERRORS as error:
            raise CommandError(
                f"The media store did not answer ({error}); nothing more was deleted. Run the command again "
                "later: it starts afresh each time."
            ) from error
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {len(report.unused)} unused upload(s); kept {report.in_use} in use and "
                f"{report.recent} newer than {grace_days} days."
            )
        )

from django.core.management.base import BaseCommand, CommandError

from domain.models import Redirect


class Command(BaseCommand):
    help = (
        "List redirects (Site › Redirects) whose old or new address is not a path on this site, such as "
        "rows saved before that rule; the site never follows them. Exits non-zero when it finds any."
    )

    def handle(self, *args, **options):
        leaving = [redirect for redirect in Redirect.objects.all() if not redirect.stays_on_site]
        for redirect in leaving:
            self.stdout.write(f"#{redirect.pk}: {redirect.old_path!r} → {redirect.new_path!r}")
        if leaving:
            raise CommandError(
                f"{len(leaving)} redirect(s) point off this site or are not plain paths: correct or delete "
                "them in the admin (Site › Redirects)."
            )
        self.stdout.write(self.style.SUCCESS("Every redirect leads to a path on this site."))

from django.core.management.base import BaseCommand, CommandError

from clinic.site.content_check import unsourced_figures


class Command(BaseCommand):
    help = "List clinical text that states a figure (percentage, dose, count, duration) without a citation."

    def handle(self, *args, **options):
        found = unsourced_figures()
        for line in found:
            self.stdout.write(line)
        if found:
            raise CommandError(
                f"{len(found)} figure(s) without a citation: add a [@key] citation beside each."
            )
        self.stdout.write(
            self.style.SUCCESS("Every figure in the clinical text stands next to its citation.")
        )

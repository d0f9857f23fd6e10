from django.core.management.base import BaseCommand, CommandError

from clinic.site.content_check import literal_crisis_numbers, unsourced_figures


class Command(BaseCommand):
    help = (
        "List clinical text that states a figure (percentage, dose, count, duration) without a citation, "
        "and authored text that writes the crisis or emergency number itself."
    )

    def handle(self, *args, **options):
        found = unsourced_figures()
        numbers = literal_crisis_numbers()
        for line in [*found, *numbers]:
            self.stdout.write(line)
        if found or numbers:
            raise CommandError(
                f"{len(found)} figure(s) without a citation (add a [@key] citation beside each); "
                f"{len(numbers)} crisis number(s) written out (write the token instead)."
            )
        self.stdout.write(
            self.style.SUCCESS("Every figure in the clinical text stands next to its citation.")
        )

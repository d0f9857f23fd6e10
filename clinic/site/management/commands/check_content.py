from django.core.management.base import BaseCommand, CommandError

from clinic.site.content_check import (
    dangling_markers,
    literal_crisis_numbers,
    restated_facts,
    shared_screening_advice,
    translation_problems,
    undialable_numbers,
    unsourced_figures,
    unsupported_citations,
)


class Command(BaseCommand):
    help = (
        "List clinical text that states a figure (percentage, dose, count, duration) without a citation, "
        "authored text that writes the crisis or emergency number itself, and pre-screen advice that several "
        "items share, clinical citations without the passage of the source that supports the claim, and site "
        "profile numbers no phone can dial, citation markers that name a source the item does not have, and "
        "translations whose numbers are not the original's or that are behind it."
    )

    def handle(self, *args, **options):
        found = unsourced_figures()
        numbers = literal_crisis_numbers()
        shared = shared_screening_advice()
        unsupported = unsupported_citations()
        restated = restated_facts()
        undialable = undialable_numbers()
        dangling = dangling_markers()
        translated = translation_problems()
        for line in [*found, *numbers, *shared, *unsupported, *restated, *undialable, *dangling, *translated]:
            self.stdout.write(line)
        if found or numbers or shared or unsupported or restated or undialable or dangling or translated:
            raise CommandError(
                f"{len(found)} figure(s) without a citation (add a [@key] citation beside each); "
                f"{len(numbers)} crisis number(s) written out (write the token instead); "
                f"{len(shared)} pre-screen advice shared by several items (write each item's own); "
                f"{len(unsupported)} clinical citation(s) without the source's passage or with one that "
                "lacks the claim's figure; "
                f"{len(restated)} fact(s) held once but stated again in other words (write {{fact:key}}); "
                f"{len(undialable)} site profile number(s) no phone can dial; "
                f"{len(dangling)} citation marker(s) naming a source the item does not have; "
                f"{len(translated)} translation(s) whose numbers differ from the original's, that write the "
                "crisis number out, or that are behind their original or withdrawn."
            )
        self.stdout.write(
            self.style.SUCCESS("Every figure in the clinical text stands next to its citation.")
        )

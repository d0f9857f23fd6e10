from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from domain.content import ContentError
from library.sync import LibraryError, load_into_site


class Command(BaseCommand):
    help = (
        "Load the clinical library (content/library/) into this site. Into a site with no clinical items it "
        "loads everything, and nothing else: no demo articles, accounts or clinic details. Into a site that "
        "holds an older version, each item the new version adds, changes or withdraws becomes a proposal in "
        "the admin, and no public page changes until someone accepts it. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--folder", help="Another library folder (default: content/library/).")

    def handle(self, *args, folder=None, **options):
        try:
            result = load_into_site(folder)
        except (ContentError, LibraryError) as error:
            raise CommandError(f"Library not loaded, nothing changed. {error}") from None
        except IntegrityError as error:
            # e.g. a group the clinic renamed to the name of one the library adds: names are unique.
            raise CommandError(
                "Library not loaded, nothing changed: an item of the library clashes with one of this site's "
                f"({error}). Rename the site's item in the admin, then load again."
            ) from None
        if result.first_load:
            # A new database may sit beside an old cache (image renditions it remembers); start afresh.
            cache.clear()
            counts = ", ".join(
                f"{number} {label.lower()}{'s' if number != 1 else ''}"
                for label, number in result.counts.items()
            )
            self.stdout.write(
                self.style.SUCCESS(f"Clinical library version {result.version} is loaded: {counts}.")
            )
            self.stdout.write(
                "Nothing else was loaded. Next: the clinic's name, contacts and crisis line in the admin "
                "(Site › Site profile), and the first admin login (manage.py createsuperuser)."
            )
        elif result.previous == result.version:
            self.stdout.write(
                f"This site already holds clinical library version {result.version}; nothing to do."
            )
        else:
            count, safety = len(result.proposals), sum(proposal.safety for proposal in result.proposals)
            flagged = {0: "", 1: ", 1 of them a safety correction"}.get(
                safety, f", {safety} of them safety corrections"
            )
            if count == 1 and safety:
                flagged = ", a safety correction"
            self.stdout.write(
                self.style.SUCCESS(
                    f"Clinical library version {result.version} (this site had {result.previous or 'none'}): "
                    f"{count} proposed change{'s' if count != 1 else ''}{flagged}, waiting in the admin "
                    "(Clinical library › Proposed library changes). No public page has changed."
                )
            )
            for proposal in result.proposals:
                self.stdout.write(f"  {'[safety] ' if proposal.safety else ''}{proposal}")
        for added in result.added:
            self.stdout.write(f"Added, as no page shows it until an accepted item names it: {added}")
        for kept in result.kept_withdrawn:
            self.stdout.write(f"No longer in the library, kept here as items may still cite it: {kept}")
        for warning in result.warnings:
            self.stderr.write(f"Warning: {warning}")

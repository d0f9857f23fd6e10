from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles import demo as articles_demo
from clinic.site.demo_accounts import ensure_demo_accounts
from domain.content import ContentError, demo_dir, library_dir, read_mapping
from domain.models import KeyFact, SiteProfile, SynonymSet
from domain.search_terms import add_seed_sets, read_seed_sets
from library.sync import write_library
from library.translations import REVIEW_FIELDS, TranslationLoader, translation_folders

PROFILE_FIELDS = {
    "name", "tagline", "phone", "email", "street_address", "locality", "region", "postal_code", "country",
    "booking_url", "crisis_line_name", "crisis_line", "crisis_chat_url", "emergency_number", "disclaimer",
    "opening_hours",
}  # fmt: skip
# Facts the demo once loaded and no longer does: the crisis line is on every page, from the site profile's
# fields, so a figure repeating its number could go stale.
RETIRED_KEY_FACT_FIGURES = ["988"]


def load_site(folder):
    """Load content/demo/site/: the demo clinic's profile and the home page's introduction."""
    profile_entry = read_mapping(folder / "site" / "profile.yaml")
    profile_entry.check_fields(PROFILE_FIELDS, required=["name"])
    profile = SiteProfile.objects.get_current()
    for field, value in profile_entry.values.items():
        setattr(profile, field, value)
    profile.intro = (folder / "site" / "intro.html").read_text(encoding="utf-8")
    profile.save()
    KeyFact.objects.filter(figure__in=RETIRED_KEY_FACT_FIGURES).delete()
    return profile


PROFILE_TRANSLATION_FIELDS = {"tagline", "crisis_line_name", "crisis_line_note", "disclaimer"}


def load_site_translations(folder, library, profile):
    """Load content/demo/<language>/site/: the profile's own words in that language, each reviewed."""
    for language, translated in translation_folders(folder).items():
        entry = read_mapping(translated / "site" / "profile.yaml")
        entry.check_fields({*PROFILE_TRANSLATION_FIELDS, *REVIEW_FIELDS})
        values = {name: str(entry.values.get(name) or "").strip() for name in PROFILE_TRANSLATION_FIELDS}
        intro = translated / "site" / "intro.html"
        values["intro"] = intro.read_text(encoding="utf-8") if intro.exists() else ""
        TranslationLoader(library, language).save(profile, values, entry)


class Command(BaseCommand):
    help = (
        "Load the clinical library and the demo clinic around it: its articles, authors, name and address, "
        "search synonyms and demo logins. For a demo or development site: library items take the files' "
        "values. Safe to run again: it updates in place. A clinic's own site loads the library alone: "
        "manage.py load_library."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-accounts", action="store_true", help="Skip the demo admin logins.")
        parser.add_argument(
            "--site-url",
            default="http://127.0.0.1:8000",
            help="Where the site is served, for the printed login.",
        )

    def handle(self, *args, no_accounts=False, site_url="http://127.0.0.1:8000", **options):
        try:
            with transaction.atomic():
                library = write_library(library_dir())
                profile = load_site(demo_dir())
                load_site_translations(demo_dir(), library, profile)
                articles_demo.load(library, demo_dir())
                # Seed sets the site has none of the terms of (those a migrate made, or staff changed, stay).
                add_seed_sets(SynonymSet, read_seed_sets())
        except ContentError as error:
            raise CommandError(f"Content not loaded, nothing changed. {error}") from None
        # The cache may have outlived a database someone deleted: image renditions it remembers (sorl's
        # key-value store) would point at files that are gone. Loading the demo starts it afresh.
        cache.clear()
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
        if no_accounts:
            return
        password, usernames = ensure_demo_accounts()
        self.stdout.write(
            f"\nAdmin: {site_url.rstrip('/')}/admin/\n"
            f"Demo logins (each with the password {password}):\n"
            "  admin  (superuser)\n  editor (Editors: review and publish)\n"
            "  author (Authors: write and submit)\n  staff  (Clinic staff: conditions and treatments)\n"
            "The password was made on the first run and is kept in .demo-credentials.\n"
        )
        if settings.REQUIRE_2FA:
            self.stdout.write(
                "Staff sign in with the password, then a code from an authenticator app: each login sets "
                'one up at its first sign-in (README, "Staff sign-in").\n'
            )
        else:
            self.stdout.write(
                "Sign-in is one step, the password alone: DJANGO_REQUIRE_2FA is off (its default while "
                "DJANGO_DEBUG=1). With debug off every staff login also needs a code from an app.\n"
            )

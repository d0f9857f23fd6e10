from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from articles import demo as articles_demo
from clinic.core.models import KeyFact, SiteProfile
from clinic.site import demo_data
from clinic.site.demo_accounts import ensure_demo_accounts
from conditions import demo as conditions_demo


class Command(BaseCommand):
    help = (
        "Load the demo clinic, conditions, treatments and articles. Safe to run again: it updates in place."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-accounts", action="store_true", help="Skip the demo admin logins.")
        parser.add_argument(
            "--site-url",
            default="http://127.0.0.1:8000",
            help="Where the site is served, for the printed login.",
        )

    def handle(self, *args, no_accounts=False, site_url="http://127.0.0.1:8000", **options):
        with transaction.atomic():
            profile = SiteProfile.objects.get_current()
            for field, value in demo_data.SITE_PROFILE.items():
                setattr(profile, field, value)
            profile.intro = demo_data.INTRO
            profile.save()
            for order, fact in enumerate(demo_data.KEY_FACTS):
                KeyFact.objects.update_or_create(figure=fact["figure"], defaults={**fact, "order": order})
            for fact in demo_data.RETIRED_KEY_FACTS:
                KeyFact.objects.filter(**fact).delete()
            conditions_demo.load()
            articles_demo.load()
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

from django.core.management import call_command
from django.core.management.base import BaseCommand

# The languages the interface is translated into, besides English (settings.LANGUAGES).
LOCALES = ["es"]
# Not the site's own: installed packages, node tools, collected or uploaded files, and the tests.
IGNORED = [
    ".venv",
    "node_modules",
    "tools/node_modules",
    "static",
    "staticfiles",
    "media",
    "backups",
    "audit-results",
    "tests",
]
# One location per file, no line numbers: the catalogue changes when a string does, not when a line moves.
MAKEMESSAGES_OPTIONS = {
    "locale": LOCALES,
    "ignore_patterns": IGNORED,
    "add_location": "file",
    "no_obsolete": True,
    "verbosity": 0,
}


class Command(BaseCommand):
    help = (
        "Extract every string marked for translation into locale/<language>/LC_MESSAGES/django.po, keeping "
        "the translations already written, then compile the catalogues (`make messages`)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-compile", action="store_true", help="Only extract; do not compile.")

    def handle(self, *args, **options):
        call_command("makemessages", **MAKEMESSAGES_OPTIONS)
        if not options["no_compile"]:
            call_command("compilemessages", locale=LOCALES, ignore_patterns=IGNORED, verbosity=0)

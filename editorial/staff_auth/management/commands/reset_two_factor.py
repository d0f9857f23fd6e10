from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from editorial.staff_auth import two_factor


class Command(BaseCommand):
    help = (
        "Remove a user's authenticator app and recovery codes (a lost phone); their next sign-in enrols anew."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"No user {username!r}.") from None
        removed = two_factor.reset(user)
        self.stdout.write(
            f"Removed {removed} second-factor device(s) of {username}; "
            "they set up a new authenticator app at their next sign-in."
        )

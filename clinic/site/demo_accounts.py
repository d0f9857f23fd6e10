"""Demo logins for `load_demo_content`: one random password, made on the first run and kept on disk."""

import json
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from articles.roles import AUTHORS, EDITORS
from conditions.roles import CLINIC_STAFF

CREDENTIALS_FILENAME = ".demo-credentials"

# username -> (group, is_superuser); the groups come from the apps' role migrations.
DEMO_ACCOUNTS = {
    "admin": (None, True),
    "editor": (EDITORS, False),
    "author": (AUTHORS, False),
    "staff": (CLINIC_STAFF, False),
}


def credentials_file() -> Path:
    return Path(settings.BASE_DIR) / CREDENTIALS_FILENAME


def _stored_password() -> str | None:
    try:
        return json.loads(credentials_file().read_text())["password"]
    except (OSError, ValueError, KeyError):
        return None


def _store_password(password: str) -> None:
    path = credentials_file()
    path.write_text(json.dumps({"password": password}))
    path.chmod(0o600)


def ensure_demo_accounts() -> tuple[str, list[str]]:
    """Create the demo accounts if missing and return (password, usernames).

    The password is generated once and reused, so a second `make run` prints the same login. If the file
    is gone (a fresh clone on an old database) a new password is made and set on every demo account.
    """
    User = get_user_model()
    password = _stored_password()
    reset = password is None
    if reset:
        password = secrets.token_urlsafe(12)
        _store_password(password)
    for username, (group_name, is_superuser) in DEMO_ACCOUNTS.items():
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"is_staff": True, "is_superuser": is_superuser, "email": f"{username}@example.org"},
        )
        if created or reset or not user.check_password(password):
            user.set_password(password)
            user.save()
        if group_name:
            group = Group.objects.filter(name=group_name).first()
            if group:
                user.groups.add(group)
    return password, list(DEMO_ACCOUNTS)

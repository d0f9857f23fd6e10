"""The second factor: one TOTP device (an authenticator app) and one set of single-use recovery codes."""

import logging
import math
import re
import time
from base64 import b32encode
from dataclasses import dataclass

import django_otp
import segno
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

log = logging.getLogger(__name__)

APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10
TOTP_CODE = re.compile(r"\d{6}")


def is_required_for(user) -> bool:
    """Return whether this signed-in user must pass the second factor before using the admin."""
    return bool(settings.REQUIRE_2FA and user.is_authenticated and (user.is_staff or user.is_superuser))


def has_app(user) -> bool:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def pending_app(user) -> TOTPDevice:
    """Return the user's unconfirmed app device, made once so the key stays put across page loads."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def text_key(device: TOTPDevice) -> str:
    """Return the device's secret as base32 in groups of four, for typing into an app by hand."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code(device: TOTPDevice, scale: int = 4) -> tuple[str, int]:
    """Return the otpauth:// URL as a QR code (an SVG data: URI drawn here, nothing asked of another host)
    and its width in pixels."""
    qr = segno.make(device.config_url, error="m")
    uri = qr.svg_data_uri(scale=scale, border=4, dark="#000", light="#fff")  # light: readable in dark mode
    return uri, qr.symbol_size(scale=scale, border=4)[0]


@transaction.atomic
def confirm_app(device: TOTPDevice) -> list[str]:
    """Confirm the app device and return a fresh set of recovery codes, the old ones no longer valid."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    StaticDevice.objects.filter(user=device.user).delete()
    recovery = StaticDevice.objects.create(user=device.user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def reset(user) -> int:
    """Remove every second-factor device of the user; their next sign-in enrols a new app."""
    deleted = 0
    for model in (TOTPDevice, StaticDevice):
        _, per_model = model.objects.filter(user=user).delete()
        deleted += per_model.get(model._meta.label, 0)
    return deleted


@dataclass
class Check:
    device: Device | None = None
    error: str = ""
    used_recovery_code: bool = False


WRONG_CODE = gettext_lazy(
    "That code is not right. Type the 6-digit code your app shows now (it changes every 30 seconds), "
    "or one of your recovery codes."
)
# While the app is being set up there are no recovery codes yet: they come once the first code is right.
WRONG_SETUP_CODE = gettext_lazy(
    "That code is not right. Type the 6-digit code your app shows now for this account (it changes every "
    "30 seconds)."
)
# A person who mistypes and retypes at once waits this long at most instead of being refused; longer waits
# (after several wrong codes in a row) are still refused, so guessing stays slow.
PATIENCE_SECONDS = 1.5
THROTTLED = gettext_lazy(
    "Too many wrong codes in a row. Wait a few seconds, then try the newest code from your app."
)


def normalise(code: str) -> str:
    return re.sub(r"[\s-]", "", code).lower()


def _wait_if_briefly_throttled(device) -> bool:
    """Return whether device may check a code, after waiting out a short throttle (one mistyped code)."""
    allowed, why = device.verify_is_allowed()
    if allowed:
        return True
    locked_until = (why or {}).get("locked_until")
    wait = (locked_until - timezone.now()).total_seconds() if locked_until else math.inf
    if wait > PATIENCE_SECONDS:
        return False
    time.sleep(max(wait, 0) + 0.05)
    return device.verify_is_allowed()[0]


def check_code(user, code: str, devices=None, wrong_code=WRONG_CODE) -> Check:
    """Check a code against the user's app (6 digits) or recovery codes (anything else).

    A recovery code is deleted once it has been accepted; a TOTP code is accepted once per 30-second step.
    Wrong codes slow further tries down (django-otp doubles the wait each time).
    """
    code = normalise(code)
    is_app_code = bool(TOTP_CODE.fullmatch(code))
    if devices is None:
        model = TOTPDevice if is_app_code else StaticDevice
        devices = list(model.objects.devices_for_user(user, confirmed=True))
    for device in devices:
        if not _wait_if_briefly_throttled(device):
            log.warning("Second-factor code for %r refused: throttled after wrong codes", user.get_username())
            return Check(error=THROTTLED)
        verified = django_otp.verify_token(user, device.persistent_id, code)
        if verified is not None:
            return Check(device=verified, used_recovery_code=not is_app_code)
    log.warning("Wrong second-factor code for %r", user.get_username())
    return Check(error=wrong_code)

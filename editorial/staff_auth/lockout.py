"""Lockout after failed sign-ins: the page a locked-out person sees, and the log.

The address counted is the client's as infrastructure.client_address finds it (AXES_CLIENT_IP_CALLABLE); axes
hands it over as request.axes_ip_address, or get_client_ip_address asks the same function.
"""

import logging
import math
from datetime import datetime

from axes.helpers import get_client_ip_address, get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.db.models import Max, Q
from django.shortcuts import render
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

log = logging.getLogger(__name__)


def locked_until(request, username: str | None) -> datetime | None:
    """Return when sign-ins for this username and address are allowed again (None: never by itself)."""
    cool_off = get_cool_off(request)
    if cool_off is None:
        return None
    counted = Q(ip_address=getattr(request, "axes_ip_address", None) or get_client_ip_address(request))
    if username:
        counted |= Q(username=username)
    latest = AccessAttempt.objects.filter(counted).aggregate(latest=Max("attempt_time"))["latest"]
    return (latest or timezone.now()) + cool_off


def lockout_message(until: datetime | None, now: datetime | None = None) -> str:
    if until is None:
        return _("Too many failed sign-ins. Ask an administrator to unlock your account.")
    minutes = max(1, math.ceil((until - (now or timezone.now())).total_seconds() / 60))
    if minutes < 120:
        wait = ngettext("%(count)s minute", "%(count)s minutes", minutes) % {"count": minutes}
    else:
        hours = round(minutes / 60)
        wait = ngettext("%(count)s hour", "%(count)s hours", hours) % {"count": hours}
    at = dateformat.format(timezone.localtime(until), "H:i")
    return _(
        "Too many failed sign-ins. Try again after %(time)s (in %(wait)s), or ask an administrator to unlock "
        "your account."
    ) % {"time": at, "wait": wait}


def lockout_response(request, original_response=None, credentials=None):
    """Answer a locked-out sign-in with the admin login page, the lockout explained above the form."""
    username = get_client_username(request, credentials) or ""
    # The login view's own context (site header, `next`, …) when it has one; the admin's otherwise.
    context = dict(getattr(original_response, "context_data", None) or admin.site.each_context(request))
    context.update(
        title=_("Log in"),
        app_path=request.get_full_path(),
        form=AdminAuthenticationForm(request, initial={"username": username}),
        lockout_message=lockout_message(locked_until(request, username)),
    )
    return render(request, "staff_auth/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


def log_failed_sign_in(sender, credentials, request=None, **kwargs):
    """Log each failed sign-in with the username tried and the address; axes has counted it by now."""
    if request is None:
        log.warning("Failed sign-in for %r outside a request", credentials.get("username"))
        return
    log.warning(
        "Failed sign-in for %r from %s (%s of %s before lockout)",
        credentials.get("username"),
        getattr(request, "axes_ip_address", None) or get_client_ip_address(request),
        getattr(request, "axes_failures_since_start", None) or "?",
        get_failure_limit(request, credentials),
    )


def log_lockout(sender, request, username, ip_address, **kwargs):
    until = locked_until(request, username)
    log.warning(
        "Sign-ins locked out for %r from %s until %s",
        username,
        ip_address,
        timezone.localtime(until).isoformat(timespec="minutes") if until else "an administrator unlocks them",
    )

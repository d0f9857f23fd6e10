"""The second sign-in step: enrol an authenticator app (first time), or type its code (every time)."""

import logging
from urllib.parse import urlencode

from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login

from . import two_factor
from .forms import CodeForm

log = logging.getLogger(__name__)


def next_url_field(url: str) -> str:
    return urlencode({REDIRECT_FIELD_NAME: url})


def _next_url(request) -> str:
    url = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    safe = url_has_allowed_host_and_scheme(url, {request.get_host()}, require_https=request.is_secure())
    return url if safe else reverse("admin:index")


def _page(request, template, **context):
    return render(
        request,
        template,
        {**admin.site.each_context(request), "next": _next_url(request), **context},
    )


def _signed_in_with(request, device) -> None:
    otp_login(request, device)
    request.session.cycle_key()  # a new session key once the second factor is in


@never_cache
@sensitive_post_parameters("code")
@staff_member_required
def setup(request):
    user = request.user
    if two_factor.has_app(user):
        # Enrolling again would let a password alone replace the app: an administrator resets it instead.
        return redirect(_next_url(request) if user.is_verified() else reverse("staff_auth:verify"))
    device = two_factor.pending_app(user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        check = two_factor.check_code(
            user, form.cleaned_data["code"], devices=[device], wrong_code=two_factor.WRONG_SETUP_CODE
        )
        if check.device:
            codes = two_factor.confirm_app(check.device)
            check.device.refresh_from_db()
            _signed_in_with(request, check.device)
            log.info("Second factor enrolled for %r", user.get_username())
            return _page(
                request, "staff_auth/recovery_codes.html", title=_("Save your recovery codes"), codes=codes
            )
        form.add_error("code", check.error)
    qr_code, qr_size = two_factor.qr_code(device)
    return _page(
        request,
        "staff_auth/setup.html",
        title=_("Set up your authenticator app"),
        form=form,
        qr_code=qr_code,
        qr_size=qr_size,
        text_key=two_factor.text_key(device),
    )


@never_cache
@sensitive_post_parameters("code")
@staff_member_required
def verify(request):
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request))
    if not two_factor.has_app(user):
        return redirect(f"{reverse('staff_auth:setup')}?{next_url_field(_next_url(request))}")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        check = two_factor.check_code(user, form.cleaned_data["code"])
        if check.device:
            _signed_in_with(request, check.device)
            if check.used_recovery_code:
                left = two_factor.recovery_codes_left(user)
                log.warning("Recovery code used by %r; %d left", user.get_username(), left)
                messages.warning(
                    request,
                    _(
                        "You signed in with a recovery code, now used up; %(left)s recovery codes left. If "
                        "your phone is lost, ask an administrator to reset your second factor."
                    )
                    % {"left": left},
                )
            return redirect(_next_url(request))
        form.add_error("code", check.error)
    return _page(request, "staff_auth/verify.html", title=_("Enter your code"), form=form)

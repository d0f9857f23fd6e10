from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse

from . import two_factor
from .views import next_url_field


class RequireSecondFactorMiddleware:
    """Keep a staff user who has given only a password out of everything staff can do.

    Every admin URL (GET or POST) sends them to the second step (enrolment if they have no app yet);
    on the public site they are treated as a reader, so no preview of unpublished content either.
    Only the second-step pages and logging out are open to them. Needs django-otp's OTPMiddleware before it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # No session cookie, no login: readers' requests never touch the session (no Vary: Cookie).
        if settings.REQUIRE_2FA and settings.SESSION_COOKIE_NAME in request.COOKIES:
            user = request.user
            if two_factor.is_required_for(user) and not user.is_verified():
                if request.path_info.startswith(reverse("admin:index")):
                    if request.path_info not in _open_paths():
                        return _to_second_step(request, user)
                else:
                    request.user = AnonymousUser()
        return self.get_response(request)


def _open_paths() -> set[str]:
    return {reverse("staff_auth:setup"), reverse("staff_auth:verify"), reverse("admin:logout")}


def _to_second_step(request, user):
    step = "staff_auth:verify" if two_factor.has_app(user) else "staff_auth:setup"
    wanted = request.get_full_path() if request.method == "GET" else reverse("admin:index")
    if wanted.startswith(reverse("admin:login")):
        wanted = reverse("admin:index")
    return redirect(f"{reverse(step)}?{next_url_field(wanted)}")

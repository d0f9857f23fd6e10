"""What readers get while the database is down: a styled 503 with the crisis line, never a traceback.

Wired in as the project's handler500, so it also covers a database error raised in middleware (a session
save). Django closes a broken connection at the end of the request (CONN_HEALTH_CHECKS re-checks reused ones
at the start), so the site recovers by itself on the first request after the database returns.
"""

import logging
import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error as django_server_error

from domain.models import SiteProfile

logger = logging.getLogger(__name__)

# Errors that mean "the database can't be reached", as opposed to a bug in a query.
DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def database_is_down(error: BaseException | None) -> bool:
    """Return True if error (or what caused it) means the database did not answer."""
    while error is not None:
        if isinstance(error, DATABASE_DOWN):
            return True
        error = error.__cause__ or error.__context__
    return False


def profile_for_outage() -> SiteProfile:
    """Return the site profile from the cache, else as last seen by this process, else the defaults."""
    try:
        return SiteProfile.objects.get_current()
    except (DatabaseError, InterfaceError):
        pass
    return SiteProfile.objects.last_seen or SiteProfile()


def service_unavailable(request) -> HttpResponse:
    # Rendered without context processors: they would ask the database again.
    profile = profile_for_outage()
    html = loader.get_template("503.html").render({"site": profile, "request": request})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


@requires_csrf_token
def server_error(request, template_name="500.html"):
    error = sys.exc_info()[1]
    if database_is_down(error):
        logger.error("Database unavailable while serving %s: %s", request.path, error)
        return service_unavailable(request)
    return django_server_error(request, template_name)

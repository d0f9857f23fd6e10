"""Panels on the admin home page: what waits for the person signed in, and counts that link to lists.

The shared core knows no app: each app registers a function (request -> Panel or None) in its
AppConfig.ready(), and ClinicAdminSite.index shows the panels of everyone who has something to show; an
alert panel (a safety correction waiting) comes first. The review queue shows the panels registered for it.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext

PANELS = []
REVIEW_QUEUE_PANELS = []


@dataclass
class Count:
    label: str
    number: int
    url: str


@dataclass
class Waiting:
    title: str
    url: str
    badge: str  # HTML built with format_html
    note: str = ""


@dataclass
class Panel:
    title: str
    counts: list[Count] = field(default_factory=list)
    waiting: list[Waiting] = field(default_factory=list)
    empty_text: str = field(default_factory=lambda: gettext("Nothing waits for you."))
    alert: bool = False  # shown first, marked as needing action now


def register(panel_function):
    if panel_function not in PANELS:
        PANELS.append(panel_function)
    return panel_function


def register_review_queue(panel_function):
    if panel_function not in REVIEW_QUEUE_PANELS:
        REVIEW_QUEUE_PANELS.append(panel_function)
    return panel_function


def _shown(functions, request):
    panels = [panel for panel in (function(request) for function in functions) if panel is not None]
    return sorted(panels, key=lambda panel: not panel.alert)  # stable: the rest keep their order


def panels_for(request):
    return _shown(PANELS, request)


def review_queue_panels_for(request):
    return _shown(REVIEW_QUEUE_PANELS, request)

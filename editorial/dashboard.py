"""Panels on the admin home page: what waits for the person signed in, and counts that link to lists.

The shared core knows no app: each app registers a function (request -> Panel or None) in its
AppConfig.ready(), and ClinicAdminSite.index shows the panels of everyone who has something to show.
"""

from dataclasses import dataclass, field

PANELS = []


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
    empty_text: str = "Nothing waits for you."


def register(panel_function):
    if panel_function not in PANELS:
        PANELS.append(panel_function)
    return panel_function


def panels_for(request):
    return [panel for panel in (function(request) for function in PANELS) if panel is not None]

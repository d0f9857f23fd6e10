"""A staff member's browser for the tools (`make scale-check`, `make bench`): real HTTP, as a person would.

Browser keeps its own cookies, sends the CSRF token, posts the admin's forms as a browser submits them
(FormScraper) and signs in with the second factor: it enrols an app the first time, or types the code of the
app it was given. Every response's X-Request-ID, redirects included, is kept, so a tool can tell this
browser's requests apart from others in the site's request log (infrastructure/request_log.py).
"""

import base64
import http.cookiejar
import io
import re
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from html.parser import HTMLParser

from django_otp.oath import TOTP


class StaffBrowserError(Exception):
    """The site did not do what a person's click asked: the message says what it answered."""


class FormScraper(HTMLParser):
    """Collect the fields of the form with the given id as a browser would submit them unchanged.

    Buttons, file inputs, disabled fields and unchecked boxes send nothing; a select sends its selected
    options (a single select with none selected, its first); a textarea its text without the one newline
    that follows its opening tag.
    """

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, []
        self._textarea = self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        if tag == "option" and self._select is not None:
            self._select["options"].append([attrs.get("value"), "selected" in attrs, ""])
            return
        if "name" not in attrs or "disabled" in attrs:
            return
        if tag == "input":
            kind = attrs.get("type", "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "reset", "file", "image"):
                self.fields.append((attrs["name"], attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]
        elif tag == "select":
            self._select = {"name": attrs["name"], "multiple": "multiple" in attrs, "options": []}

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data  # character references are decoded already (convert_charrefs)
        elif self._select is not None and self._select["options"]:
            self._select["options"][-1][2] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            self.fields.append((name, text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            # An option without a value attribute sends its text.
            options = [
                (text.strip() if value is None else value, on) for value, on, text in self._select["options"]
            ]
            chosen = [value for value, selected in options if selected]
            if not chosen and options and not self._select["multiple"]:
                chosen = [options[0][0]]
            self.fields += [(self._select["name"], value) for value in chosen]
            self._select = None
        elif tag == "form":
            self.inside = False


def form_fields(page: str, form_id: str) -> list[tuple[str, str]]:
    scraper = FormScraper(form_id)
    scraper.feed(page)
    return scraper.fields


@dataclass
class Hop:
    status: int
    url: str
    request_id: str | None


class _Hops(urllib.request.BaseHandler):
    """Record every response, redirects included, before urllib follows a redirect or raises an error."""

    handler_order = 900  # after the cookie processor, before HTTPErrorProcessor (1000) acts on the status

    def __init__(self):
        self.trail: list[Hop] = []
        self.request_ids: list[str] = []

    def http_response(self, request, response):
        request_id = response.headers.get("X-Request-ID")
        self.trail.append(Hop(response.status, request.full_url, request_id))
        if request_id:
            self.request_ids.append(request_id)
        return response


class Browser:
    """One staff member's browser: cookies, CSRF token, form posts, and the request ids of all it sent."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self._hops = _Hops()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), self._hops)

    @property
    def request_ids(self) -> list[str]:
        return self._hops.request_ids

    @property
    def trail(self) -> list[Hop]:
        """The responses to the last get or post: the request's own first, then each redirect followed."""
        return self._hops.trail

    def csrf(self):
        return next(cookie.value for cookie in self.jar if cookie.name == "csrftoken")

    def get(self, url):
        self._hops.trail = []
        with self.opener.open(url, timeout=30) as response:
            return response.status, response.read().decode()

    def post(self, url, fields, files=None, headers=None):
        self._hops.trail = []
        headers = {"X-CSRFToken": self.csrf(), "Referer": url, **(headers or {})}
        if files:
            boundary = uuid.uuid4().hex
            body = io.BytesIO()
            for name, value in fields:
                part = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
                body.write(part.encode())
            for name, (filename, data, content_type) in files.items():
                disposition = f'form-data; name="{name}"; filename="{filename}"'
                body.write(f"--{boundary}\r\nContent-Disposition: {disposition}\r\n".encode())
                body.write(f"Content-Type: {content_type}\r\n\r\n".encode())
                body.write(data + b"\r\n")
            body.write(f"--{boundary}--\r\n".encode())
            data = body.getvalue()
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        else:
            data = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(url, data=data, headers=headers, method="POST")
        with self.opener.open(request, timeout=30) as response:
            return response.status, response.geturl(), response.read().decode()

    def login(self, base, username, password, app_key=None):
        """Sign in to the admin with a password, then the second factor: the code of the app whose key (hex,
        as django-otp keeps it) is app_key, or, for an account with no app yet, enrol one."""
        self.get(f"{base}/admin/login/")
        _, final_url, _ = self.post(
            f"{base}/admin/login/?next=/admin/",
            [
                ("csrfmiddlewaretoken", self.csrf()),
                ("username", username),
                ("password", password),
                ("next", "/admin/"),
            ],
        )
        if "/admin/two-factor/setup/" in final_url:
            final_url = self.enrol_second_factor(final_url)
        elif "/admin/two-factor/verify/" in final_url and app_key:
            code = f"{TOTP(bytes.fromhex(app_key)).token():06d}"
            _, final_url, page = self.post(
                final_url, [("csrfmiddlewaretoken", self.csrf()), ("code", code), ("next", "/admin/")]
            )
            if "errornote" in page:
                raise StaffBrowserError(f"{base}/admin/ refused the second-factor code: {form_errors(page)}")
        if not final_url.rstrip("/").endswith("/admin"):
            raise StaffBrowserError(f"Could not log in to {base}/admin/ (ended at {final_url})")

    def enrol_second_factor(self, setup_url):
        # With debug off, staff sign in with a second factor: enrol an app as a person would, from the key.
        _, page = self.get(setup_url)
        key = re.search(r'<code id="totp-key"[^>]*>([^<]+)</code>', page).group(1)
        code = f"{TOTP(base64.b32decode(key.replace(' ', ''))).token():06d}"
        self.post(setup_url, [("csrfmiddlewaretoken", self.csrf()), ("code", code), ("next", "/admin/")])
        admin_home = setup_url.split("/admin/")[0] + "/admin/"
        with self.opener.open(admin_home, timeout=30) as response:
            return response.geturl()

    def submit_admin_form(self, url, form_id, changes):
        _, page = self.get(url)
        fields = [(name, value) for name, value in form_fields(page, form_id) if name not in changes]
        fields += list(changes.items())
        status, final_url, body = self.post(url, fields)
        if "errornote" in body or final_url == url:
            raise StaffBrowserError(f"The admin refused the form at {url}: {form_errors(body)}")
        return final_url


def form_errors(page: str) -> list[str]:
    """Return the error messages an admin page shows, as text."""
    found = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', page, re.S)
    found += re.findall(r'<p class="errornote">(.*?)</p>', page, re.S)
    return [re.sub(r"<[^>]+>|\s+", " ", error).strip() for error in found]

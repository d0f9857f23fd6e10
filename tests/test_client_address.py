"""Issue 19: the client's address comes from the trusted proxies' X-Forwarded-For entries, never from what
a client wrote itself; the lockout (tests/test_staff_sign_in.py), the logs and gunicorn's access lines use
it."""

import runpy
from datetime import timedelta
from ipaddress import ip_network
from types import SimpleNamespace

import pytest
from django.conf import settings
from gunicorn.config import Config

from infrastructure.access_log import ClientAddressLogger
from infrastructure.client_address import client_address
from tests.helpers import run_django, settings_value

PROXIES = [ip_network("10.0.0.0/24"), ip_network("2001:db8:1::/64")]


@pytest.mark.parametrize(
    ("remote_addr", "forwarded_for", "trusted", "client"),
    [
        # No proxy trusted: the header is never read, whatever it says.
        ("203.0.113.9", "10.7.0.1", [], "203.0.113.9"),
        ("10.0.0.2", "192.0.2.50, 198.51.100.23", [], "10.0.0.2"),
        # From a trusted proxy: its entry is the client; anything further left is the client's own claim.
        ("10.0.0.2", "198.51.100.23", PROXIES, "198.51.100.23"),
        ("10.0.0.2", "10.7.0.1, 198.51.100.23", PROXIES, "198.51.100.23"),
        ("10.0.0.2", "10.7.0.1,198.51.100.23, 10.0.0.3", PROXIES, "198.51.100.23"),  # two proxies in a row
        ("10.0.0.2", "10.7.0.1, 10.0.0.9, 198.51.100.23", PROXIES, "198.51.100.23"),  # a made-up proxy entry
        # A connection that does not come from a trusted proxy is its own client.
        ("203.0.113.9", "198.51.100.23", PROXIES, "203.0.113.9"),
        # The proxy's own request (no header, or only proxies in it) is the proxy's.
        ("10.0.0.2", "", PROXIES, "10.0.0.2"),
        ("10.0.0.2", "10.0.0.3", PROXIES, "10.0.0.3"),
        # Forms proxies write: ports, IPv6, IPv4 inside IPv6; an entry that is no address ends the walk.
        ("10.0.0.2", "198.51.100.23:51234", PROXIES, "198.51.100.23"),
        ("10.0.0.2", "[2001:db8:2::7]:443", PROXIES, "2001:db8:2::7"),
        ("2001:db8:1::2", "2001:DB8:2::7", PROXIES, "2001:db8:2::7"),
        ("::ffff:10.0.0.2", "198.51.100.23", PROXIES, "198.51.100.23"),
        ("10.0.0.2", "198.51.100.23, unknown", PROXIES, "10.0.0.2"),
    ],
)
def test_client_address_believes_only_what_trusted_proxies_added(remote_addr, forwarded_for, trusted, client):
    meta = {"REMOTE_ADDR": remote_addr, "HTTP_X_FORWARDED_FOR": forwarded_for}
    assert client_address(meta, trusted) == client


def test_client_address_reads_the_trusted_proxies_from_the_settings(settings):
    meta = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.23"}
    assert client_address(meta) == "10.0.0.2"
    settings.TRUSTED_PROXIES = [ip_network("10.0.0.0/24")]
    assert client_address(meta) == "198.51.100.23"


def test_trusted_proxies_come_from_the_environment_and_a_bad_entry_stops_the_start():
    assert settings_value("[str(n) for n in settings.TRUSTED_PROXIES]", DJANGO_DEBUG="1") == []
    listed = settings_value(
        "[str(n) for n in settings.TRUSTED_PROXIES]",
        DJANGO_DEBUG="1",
        DJANGO_TRUSTED_PROXIES="172.30.57.0/24, 127.0.0.1,::1",
    )
    assert listed == ["172.30.57.0/24", "127.0.0.1/32", "::1/128"]
    refused = run_django("", DJANGO_DEBUG="1", DJANGO_TRUSTED_PROXIES="172.30.57.0/24,*")
    assert refused.returncode != 0
    assert "DJANGO_TRUSTED_PROXIES lists addresses or networks" in refused.stderr
    assert "'*' is not one" in refused.stderr


def test_lockout_asks_the_shared_rule_for_the_address(settings):
    assert settings.AXES_CLIENT_IP_CALLABLE == "infrastructure.client_address.client_ip"


def access_line_address(environ) -> str:
    config = Config()
    config.set("accesslog", "-")
    logger = ClientAddressLogger(config)
    environ = {"REQUEST_METHOD": "GET", "RAW_URI": "/", "SERVER_PROTOCOL": "HTTP/1.1", **environ}
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    return logger.atoms(response, SimpleNamespace(headers=[]), environ, timedelta(milliseconds=3))["h"]


def test_gunicorn_access_lines_name_the_client_not_the_proxy(settings):
    assert runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py"))["logger_class"] == (
        "infrastructure.access_log.ClientAddressLogger"
    )
    forwarded = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "10.7.0.1, 198.51.100.23"}
    assert access_line_address(forwarded) == "10.0.0.2"  # no proxy trusted
    settings.TRUSTED_PROXIES = [ip_network("10.0.0.0/24")]
    assert access_line_address(forwarded) == "198.51.100.23"
    assert access_line_address({"REMOTE_ADDR": "203.0.113.9", "HTTP_X_FORWARDED_FOR": "10.7.0.1"}) == (
        "203.0.113.9"
    )


def test_gunicorn_trusts_the_scheme_header_from_the_same_proxies(monkeypatch):
    conf = settings.BASE_DIR / "gunicorn.conf.py"
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    monkeypatch.delenv("DJANGO_TRUSTED_PROXIES", raising=False)
    assert runpy.run_path(str(conf))["forwarded_allow_ips"] == "127.0.0.1"
    monkeypatch.setenv("DJANGO_TRUSTED_PROXIES", "172.30.57.0/24")
    assert runpy.run_path(str(conf))["forwarded_allow_ips"] == "172.30.57.0/24"

"""Issue 11: deploy/ describes the production topology; every setting it uses is real and documented."""

import http.client
import json
import os
import re
import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tools import front_cache
from tools.services import free_port

yaml = pytest.importorskip("yaml")

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEPLOY = PROJECT_DIR / "deploy"
README = (DEPLOY.parent / "README.md").read_text()
SETTINGS = (DEPLOY.parent / "clinic" / "settings.py").read_text()


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def test_compose_has_two_app_servers_behind_a_tls_proxy_on_the_standard_parts(compose):
    services = compose["services"]
    assert {"app1", "app2", "proxy", "postgres", "redis", "minio", "minio-setup", "release"} <= set(services)
    for name in ("app1", "app2"):
        environment = services[name]["environment"]
        assert (
            environment["DATABASE_URL"].startswith("postgres://")
            and "@postgres:5432/" in environment["DATABASE_URL"]
        )
        assert environment["REDIS_URL"] == "redis://redis:6379/0"
        assert environment["S3_ENDPOINT_URL"] == "http://minio:9000"
        assert environment["S3_PUBLIC_URL"].startswith("https://") and environment["S3_PUBLIC_URL"].endswith(
            "/media"
        )
        assert services[name]["depends_on"]["release"]["condition"] == "service_completed_successfully"
    assert services["proxy"]["image"].startswith("caddy:")
    assert {"80:80", "443:443"} <= set(services["proxy"]["ports"])
    assert "./Caddyfile:/etc/caddy/Caddyfile:ro" in services["proxy"]["volumes"]
    assert "migrate" in " ".join(services["release"]["command"])


def test_caddyfile_terminates_tls_serves_static_and_media_and_balances_both_servers():
    caddyfile = (DEPLOY / "Caddyfile").read_text()
    assert "\n{$SITE_DOMAIN} {" in caddyfile  # a named site: Caddy gets and renews its TLS certificate
    assert "handle_path /static/*" in caddyfile and "root * /srv/static" in caddyfile
    assert "handle_path /media/*" in caddyfile and "reverse_proxy minio:9000" in caddyfile
    assert "reverse_proxy app1:8000 app2:8000" in caddyfile


@pytest.mark.skipif(
    shutil.which("caddy") is None and not os.environ.get("CI"),
    reason="caddy is not installed: tools/install_test_tools.sh (make test) installs it",
)
def test_caddyfile_is_valid_for_caddy():
    assert shutil.which("caddy"), "under CI every test runs: tools/install_test_tools.sh installs caddy"
    result = subprocess.run(
        ["caddy", "adapt", "--config", str(DEPLOY / "Caddyfile"), "--adapter", "caddyfile"],
        env={**os.environ, "SITE_DOMAIN": "clinic.example.org"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_every_variable_the_deployment_sets_is_read_by_the_settings_and_in_the_readme(compose):
    names = set(compose["services"]["app1"]["environment"])
    names |= {line.split("=")[0] for line in (DEPLOY / "env.example").read_text().splitlines() if "=" in line}
    # The compose file's own inputs:
    names -= {"SITE_DOMAIN", "POSTGRES_PASSWORD", "MINIO_ROOT_PASSWORD", "CLINIC_NETWORK"}
    for name in names:
        # DATABASE_URL is read by dj-database-url; the last two by gunicorn.conf.py.
        assert f'"{name}"' in SETTINGS or name in {
            "DATABASE_URL",
            "WEB_CONCURRENCY",
            "FORWARDED_ALLOW_IPS",
        }, name
        assert re.search(rf"`{name}`", README), f"{name} is not in the README's configuration table"


def test_app_servers_believe_forwarded_addresses_only_from_the_compose_network(compose):
    """Issue 19: Caddy and the page cache connect from the project's own network, and only it is trusted."""
    (network,) = compose["networks"]["default"]["ipam"]["config"]
    for name in ("app1", "app2"):
        environment = compose["services"][name]["environment"]
        assert environment["DJANGO_TRUSTED_PROXIES"] == network["subnet"]
        assert network["subnet"] == "${CLINIC_NETWORK:-172.30.57.0/24}"
        assert "*" not in str(environment.get("FORWARDED_ALLOW_IPS", ""))
    assert "CLINIC_NETWORK=172.30.57.0/24" in (DEPLOY / "env.example").read_text()
    assert "`DJANGO_TRUSTED_PROXIES`" in README


def test_the_image_holds_every_package_the_site_imports():
    """Each top-level package of the layers (pyproject's import-linter contract) is copied into the image:
    a package added to the tree but not to the Dockerfile would start locally and fail in production."""
    pyproject = (PROJECT_DIR / "pyproject.toml").read_text(encoding="utf-8")
    packages = json.loads(re.search(r"^root_packages = (\[.*\])$", pyproject, re.M).group(1))
    dockerfile = (PROJECT_DIR / "Dockerfile").read_text(encoding="utf-8")
    copied = set(re.findall(r"^COPY --chown=\S+ (\S+) \1$", dockerfile, re.M))

    assert {"clinic", "articles", "conditions", "domain", "editorial", "infrastructure"} <= set(packages)
    assert set(packages) <= copied, f"not copied into the image: {sorted(set(packages) - copied)}"
    assert all((PROJECT_DIR / package / "__init__.py").exists() for package in packages)


def test_prometheus_reads_each_app_server_directly_from_the_network_the_servers_let_read(compose, settings):
    """Issue 22: /metrics from each server on its own (the balancer would answer from either), and only
    from the compose network, where a reader sent on by Caddy is still the address Caddy saw."""
    scrape = yaml.safe_load((DEPLOY / "prometheus.yml").read_text())
    (job,) = scrape["scrape_configs"]
    (targets,) = (entry["targets"] for entry in job["static_configs"])
    app_servers = {
        name for name, service in compose["services"].items() if service.get("image") == "clinic:latest"
    }
    app_servers.discard("release")

    assert job["metrics_path"] == settings.METRICS_PATH
    assert sorted(targets) == sorted(f"{name}:8000" for name in app_servers) and len(targets) == 2
    (network,) = compose["networks"]["default"]["ipam"]["config"]
    for name in app_servers:
        environment = compose["services"][name]["environment"]
        assert (
            environment["DJANGO_METRICS_NETWORKS"]
            == network["subnet"]
            == environment["DJANGO_TRUSTED_PROXIES"]
        )
    assert job["authorization"]["type"] == "Bearer"
    assert (
        "`DJANGO_METRICS_TOKEN`" in README and "DJANGO_METRICS_TOKEN=" in (DEPLOY / "env.example").read_text()
    )


@pytest.mark.skipif(
    shutil.which("nginx") is None and not os.environ.get("CI"),
    reason="nginx is not installed: tools/install_test_tools.sh (make test) installs it",
)
def test_the_front_cache_keeps_a_page_naming_as_many_tags_as_the_app_sends(tmp_path, settings):
    """deploy/nginx-cache.conf, run for real: a page with the longest tag headers the page cache sends (and
    the security headers every page has) is answered and kept, not refused with 502."""
    assert shutil.which("nginx"), "under CI every test runs: tools/install_test_tools.sh installs nginx"
    tags = ",".join(["conditions.condition:99999"] * (settings.PAGE_CACHE_TAG_HEADER_BYTES // 27))[
        : settings.PAGE_CACHE_TAG_HEADER_BYTES
    ]

    class PublicPage(BaseHTTPRequestHandler):
        def do_GET(self):
            body = b"<!doctype html><html lang=en><title>A page</title></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Cache-Control", "public, s-maxage=60")
            self.send_header("Content-Security-Policy", "default-src 'self'; " * 60)  # about 1.3 KB
            self.send_header("Cache-Tag", tags)
            self.send_header("Surrogate-Key", tags.replace(",", " "))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    app = ThreadingHTTPServer(("127.0.0.1", 0), PublicPage)
    threading.Thread(target=app.serve_forever, daemon=True).start()
    port = free_port()
    nginx = front_cache.start(tmp_path / "nginx", f"127.0.0.1:{app.server_port}", port)
    try:
        answers = []
        for _ in range(2):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", "/conditions/")
            response = connection.getresponse()
            answers.append((response.status, response.getheader("X-Cache"), response.read()))
            connection.close()
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        app.shutdown()

    assert [status for status, _, _ in answers] == [200, 200], (tmp_path / "nginx" / "error.log").read_text()
    assert answers[1][1] == "HIT"
    assert answers[1][2].startswith(b"<!doctype html>")

"""A throwaway copy of the site for audits and benchmarks: one way to build it, serve it and stop it.

It runs on a temporary SQLite database and media folder loaded with the demo content, with DEBUG off as in
production, plain HTTP on 127.0.0.1 and a free port; the developer's db.sqlite3, Redis and settings are
never touched. Collected static files are cached in the system temp folder between runs.
"""

import hashlib
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class SetupError(Exception):
    pass


@contextmanager
def throwaway_site(server: str = "runserver", workers: int = 2, label: str = "tools"):
    """Build the site in a temporary folder, serve it (runserver or gunicorn), yield its URL, stop it."""
    with tempfile.TemporaryDirectory(prefix=f"clinic-{label}-") as tmp:
        workdir = Path(tmp)
        env = environment(workdir)
        manage(env, label, "migrate", "--noinput", "-v", "0")
        manage(env, label, "load_demo_content", "--no-accounts", "-v", "0")
        collect_static(env, label)
        port = free_port()
        commands = {
            "runserver": [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            "gunicorn": [
                sys.executable, "-m", "gunicorn", "clinic.wsgi:application", "--config", "gunicorn.conf.py",
                "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--access-logfile", "/dev/null",
            ],
        }  # fmt: skip
        log_path = workdir / "server.log"
        with open(log_path, "w") as log:
            process = subprocess.Popen(
                commands[server], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        try:
            base_url = f"http://127.0.0.1:{port}"
            wait_for_health(base_url, process, log_path)
            yield base_url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def environment(workdir: Path) -> dict:
    # Nothing of the developer's own configuration: their database, cache and settings stay out of it.
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    return {
        **inherited,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secret_key(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(static_cache()),
        "DJANGO_MEDIA_ROOT": str(workdir / "media"),
        # Its own cache: a cache that outlived another site's database would name images this one lacks.
        "DJANGO_CACHE_DIR": str(workdir / "cache"),
        # Demo images must load (a 404 is a console error); production serves media elsewhere.
        "DJANGO_SERVE_MEDIA": "1",
        # Plain HTTP on loopback: no redirect to https, no secure-only cookies, no HSTS.
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_BEHIND_PROXY": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_SECURE_HSTS_SECONDS": "0",
    }


def manage(env: dict, label: str, *command: str) -> str:
    print(f"{label}: manage.py {' '.join(command)}", flush=True)
    done = subprocess.run(
        [sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        raise SetupError(f"manage.py {command[0]} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def static_cache() -> Path:
    # Kept between runs: collectstatic compresses CKEditor's ~40 MB of assets, about a minute's work.
    # Keyed by checkout and requirements, since a downgraded package can bring older files.
    key = hashlib.sha256(str(ROOT).encode() + (ROOT / "requirements.txt").read_bytes()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"clinic-audit-static-{key}"


def collect_static(env: dict, label: str) -> None:
    done_stamp = static_cache() / ".audit-collected"
    if done_stamp.exists():
        dry_run = manage(env, label, "collectstatic", "--noinput", "--dry-run")
        if re.search(r"^0 static files? copied", dry_run, re.MULTILINE):
            return
        done_stamp.unlink()
    manage(env, label, "collectstatic", "--noinput", "-v", "0")
    done_stamp.touch()


def secret_key() -> str:
    # settings refuse keys containing words like "secret" or "insecure"; a random one rarely does.
    while True:
        key = secrets.token_urlsafe(64)
        if not any(word in key.lower() for word in ("insecure", "changeme", "change-me", "secret")):
            return key


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_health(base_url: str, server: subprocess.Popen, log_path: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    status = None
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SetupError(f"the server stopped (exit {server.returncode}):\n{log_path.read_text()}")
        status, _, _ = fetch(base_url + "/healthz")
        if status == 200:
            return
        time.sleep(0.25)
    raise SetupError(f"/healthz answered {status}, not 200, for {timeout:.0f} s:\n{log_path.read_text()}")


def fetch(url: str) -> tuple[int | None, str, str]:
    """(status, final URL, body); status None when nothing answered."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.url, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, url, error.read().decode("utf-8", "replace")
    except OSError:
        return None, url, ""

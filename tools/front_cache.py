"""Run deploy/nginx-cache.conf, the front cache, on 127.0.0.1 before one app server (the bench, the tests)."""

import os
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class FrontCacheError(Exception):
    pass


def nginx_conf(folder: Path, app_address: str, port: int, extra_locations: str = "") -> str:
    """Return a whole nginx.conf: the shipped server, its upstream the one app_address, on 127.0.0.1:port."""
    shipped = (ROOT / "deploy" / "nginx-cache.conf").read_text()
    server = (
        shipped.replace("/var/cache/nginx/pages", str(folder / "pages"))
        .replace("server app1:8000 max_fails=0;\n    server app2:8000 max_fails=0;", f"server {app_address};")
        .replace("listen 8080;", f"listen 127.0.0.1:{port};{extra_locations}")
    )
    if "app1:8000" in server or f"listen 127.0.0.1:{port}" not in server:
        raise FrontCacheError("deploy/nginx-cache.conf changed shape: update tools/front_cache.py")
    temp = "\n".join(
        f"    {kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"daemon off;\nworker_processes 1;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'};\n"
        + ("user root;\n" if os.geteuid() == 0 else "")
        + f"events {{}}\nhttp {{\n    access_log off;\n{temp}\n{server}\n}}\n"
    )


def start(folder: Path, app_address: str, port: int, extra_locations: str = "", ready_path: str = "/"):
    """Start nginx as nginx_conf() says, wait until ready_path answers; return the process."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "nginx.conf").write_text(nginx_conf(folder, app_address, port, extra_locations))
    process = subprocess.Popen(["nginx", "-c", str(folder / "nginx.conf"), "-p", str(folder)])
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{ready_path}", timeout=2).close()
            return process
        except urllib.error.HTTPError:
            return process  # it answers; what it answers is the caller's to check
        except OSError as error:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                log = folder / "error.log"
                raise FrontCacheError(
                    f"nginx did not start: {log.read_text() if log.exists() else ''}"
                ) from error
            time.sleep(0.25)

"""Requests per second of cached pages through Varnish, side by side with nginx serving the same
HTML from files: how close the front cache comes to a plain static file server.

Against a running stack (``scripts/production.sh start``): the home page, the materials bank
and a material page the bank lists. Each page is first asked for with a query of its own, so
that Varnish passes it to gunicorn (the first, uncached request: median of ``--first``
requests), then its HTML is saved and Debian's nginx (started here on loopback with a
configuration of its own, stopped afterwards) serves it under the same path. wrk asks each
page of each server in turn for ``--duration`` seconds and prints requests/s, p50 and p99, and
the ratio of Varnish's rate to nginx's.

    bash scripts/production.sh start
    python bench/throughput.py --url http://127.0.0.1:6081
"""

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import _wrk as wrk  # noqa: E402
from bench._report import table  # noqa: E402

HOME = "/fi/"
BANK = "/fi/materiaalipankki/"
# The target for cached pages.
TARGET_RATIO = 0.8
TARGET_P99_MS = 10.0

NGINX_CONF = """\
worker_processes {workers};
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {root}/tmp;
    proxy_temp_path {root}/tmp;
    fastcgi_temp_path {root}/tmp;
    uwsgi_temp_path {root}/tmp;
    scgi_temp_path {root}/tmp;
    default_type text/html;
    keepalive_requests 1000000;
    server {{
        listen 127.0.0.1:{port};
        root {root}/html;
        index index.html;
    }}
}}
"""


def fetch(url):
    """(body, X-Cache header, seconds) of a GET."""
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        body = response.read()
        return body, response.headers.get("X-Cache"), time.perf_counter() - started


def material_path(base):
    """The first material the bank's first page links to (materials live under their
    organisations)."""
    html = fetch(base + BANK)[0].decode()
    match = re.search(r'href="(/fi/jarjestot/[a-z0-9-]+/[a-z0-9-]+/)"', html)
    if not match:
        raise SystemExit(f"No material is linked from {BANK}: is the demo loaded?")
    return match.group(1)


def first_request_ms(base, path, samples, through_cache=True):
    """Median time of a request no cache has seen (a query of its own each time), through
    Varnish or straight to gunicorn."""
    times = []
    for _ in range(samples):
        _body, cache, seconds = fetch(f"{base}{path}?first={uuid.uuid4().hex}")
        if through_cache:
            assert cache == "MISS", f"{path}: a fresh query answered from the cache ({cache})"
        times.append(1000 * seconds)
    return statistics.median(times)


def cached_body(base, path):
    """The page's HTML once Varnish serves it from its cache."""
    for _ in range(3):
        body, cache, _seconds = fetch(base + path)
        if cache == "HIT":
            return body
    raise SystemExit(f"{path} is not served from the cache (X-Cache: {cache}).")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_nginx(root, pages, workers):
    """nginx on loopback serving ``pages`` ({path: HTML}) from ``root``; (process, base URL)."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise SystemExit("nginx is missing: apt-get install nginx-light")
    os.chmod(root, 0o755)  # nginx's workers run as an unprivileged user
    (root / "tmp").mkdir()
    for path, body in pages.items():
        folder = root / "html" / path.strip("/")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_bytes(body)
    port = free_port()
    conf = root / "nginx.conf"
    conf.write_text(NGINX_CONF.format(root=root, port=port, workers=workers))
    process = subprocess.Popen(
        [
            nginx,
            "-c",
            str(conf),
            "-p",
            str(root),
            "-e",
            str(root / "error.log"),
            "-g",
            "daemon off;",
        ]
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(50):
        try:
            fetch(base + HOME)
            return process, base
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit(f"nginx did not answer; see {root / 'error.log'}")


def cells(figures):
    """req/s, p50 and p99 of one wrk run as table cells."""
    if figures["rate"] is None:
        return ("failed", "-", "-")
    return (f"{figures['rate']:,.0f}", f"{figures['p50']:.2f}", f"{figures['p99']:.2f}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--url",
        default=os.environ.get("PRODUCTION_URL", "http://127.0.0.1:6081"),
        help="the stack's address, Varnish (default $PRODUCTION_URL or http://127.0.0.1:6081)",
    )
    parser.add_argument(
        "--app-url",
        default=f"http://127.0.0.1:{os.environ.get('TARJOTIN_APP_PORT', '8001')}",
        help="gunicorn's own address, for the uncached request without Varnish "
        "(default port $TARJOTIN_APP_PORT or 8001)",
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page")
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads")
    parser.add_argument("--connections", type=int, default=16, help="wrk's connections")
    parser.add_argument("--first", type=int, default=5, help="uncached requests per page")
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")

    base = args.url.rstrip("/")
    targets = [("home", HOME), ("bank", BANK), ("material", material_path(base))]
    first = {path: first_request_ms(base, path, args.first) for _label, path in targets}
    direct = {
        path: first_request_ms(args.app_url.rstrip("/"), path, args.first, through_cache=False)
        for _label, path in targets
    }
    pages = {path: cached_body(base, path) for _label, path in targets}

    with tempfile.TemporaryDirectory(prefix="tarjotin-nginx-") as folder:
        nginx, nginx_base = start_nginx(Path(folder), pages, workers=os.cpu_count() or 1)
        try:
            rows = []
            for label, path in targets:
                figures = {
                    server: wrk.run(url + path, args.duration, args.threads, args.connections)
                    for server, url in (("varnish", base), ("nginx", nginx_base))
                }
                rows.append((label, path, figures))
        finally:
            nginx.terminate()
            nginx.wait(timeout=30)

    print(
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s, {os.cpu_count()} cores "
        f"(wrk and the servers share them), load {os.getloadavg()[0]:.1f}\n"
    )
    body, met = [], True
    for label, path, figures in rows:
        varnish, plain = figures["varnish"], figures["nginx"]
        ratio = varnish["rate"] / plain["rate"] if varnish["rate"] and plain["rate"] else None
        met = met and ratio is not None and ratio >= TARGET_RATIO
        met = met and varnish["p99"] is not None and varnish["p99"] < TARGET_P99_MS
        errors = ", ".join(
            f"{server}: {problem}"
            for server, result in figures.items()
            for problem in (
                result["non_2xx"] and f"{result['non_2xx']} non-2xx",
                result["socket_errors"],
            )
            if problem
        )
        body.append(
            (
                label,
                path,
                f"{len(pages[path]) / 1024:.0f}",
                f"{first[path]:.0f}",
                f"{direct[path]:.0f}",
                *cells(varnish),
                *cells(plain),
                f"{100 * ratio:.0f} %" if ratio is not None else "-",
                errors,
            )
        )
    table(
        (
            "page",
            "path",
            "KiB",
            "first ms",
            "gunicorn ms",
            "varnish req/s",
            "p50 ms",
            "p99 ms",
            "nginx req/s",
            "p50 ms",
            "p99 ms",
            "ratio",
            "errors",
        ),
        body,
        right=set(range(2, 12)),
    )
    print(
        f"\ntarget for cached pages: >= {TARGET_RATIO:.0%} of nginx's req/s and p99 < "
        f"{TARGET_P99_MS:.0f} ms: {'met' if met else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

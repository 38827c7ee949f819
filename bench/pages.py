"""Serve the same article from nginx (a static file) and from Newsdesk, cached and uncached.

Usage: .venv/bin/python bench/pages.py [--duration 10] [--warmup 2]
       [--database-url URL --redis-url URL]

Installs nginx and wrk from Debian when missing. Builds a scratch data directory with the
demo content (``load_demo``, then the task worker's queue: search index, image renditions),
starts Newsdesk under granian with production settings (one
worker per core), saves the reference article's HTML as a static file (plus ``.gz`` and
``.br`` for nginx's ``gzip_static``/``brotli_static``), and loads each server in turn with
``wrk -t2 -c64`` on loopback, plain and with ``Accept-Encoding: gzip, br``. Prints
requests/s, p50/p99 latency, each ratio to nginx, the in-process render median and the
memory (RSS) of each granian worker. Everything runs side by side in one run, on one
machine: the ratios matter more than the absolute numbers.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import brotli

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
COMPRESSED = {"Accept-Encoding": "gzip, br"}
MIX_PATHS = [
    "/",
    "/politics/",
    "/search/?q=%D0%B4%D1%80%D1%83%D0%B6%D0%B1%D0%B0",
    "/feeds/rss/",
    "/sitemap.xml",
    "/api/v1/articles/",
    "/reader/bookmarks/",
]  # plus an author's and a tag's page


def tools_ensure() -> None:
    """Install nginx, wrk and nginx's brotli_static module from Debian when missing."""
    wanted = []
    if not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists():
        wanted.append("nginx")
    if not shutil.which("wrk"):
        wanted.append("wrk")
    if not Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so").exists():
        wanted.append("libnginx-mod-http-brotli-static")
    if wanted:
        print(f"installing from Debian: {' '.join(wanted)}", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", *wanted], check=True, env=env)


def wait_http(url: str, process: subprocess.Popen, seconds: float = 120) -> None:
    """Poll until the server answers (readiness, not a timing assumption)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=10).read()  # noqa: S310 (loopback)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


def wrk(url: str, args, headers: dict | None = None) -> dict:
    """Run wrk after an unmeasured warm-up; return requests/s and p50/p99 latency in ms.

    The warm-up (``--warmup`` seconds, same load) lets every server worker open its
    connections and fill its caches: the figures are for a server in service.
    """
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    if args.warmup:
        subprocess.run([*command, f"-d{args.warmup}s", url], capture_output=True, check=True)
    command.append(f"-d{args.duration}s")
    output = subprocess.run(
        [*command, "--latency", url], capture_output=True, text=True, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": rps,
        "p50": latency_ms(re.search(r"50%\s+([\d.]+\w+)", output).group(1)),
        "p99": latency_ms(re.search(r"99%\s+([\d.]+\w+)", output).group(1)),
        "errors": int(non2xx.group(1)) if non2xx else 0,
    }


def latency_ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def worker_rss_mb(parent: int) -> list[float]:
    """RSS of each child process of granian's main process, in MB."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{parent}$", text, re.M):
            rss = re.search(r"^VmRSS:\s+(\d+) kB", text, re.M)
            if rss:
                sizes.append(int(rss.group(1)) / 1024)
    return sizes


class Newsdesk:
    """Newsdesk under granian with production settings in a scratch data directory."""

    def __init__(self, env: dict, port: int, cached: bool) -> None:
        self.env = {**env, "NEWSDESK_PAGE_CACHE": "true" if cached else "false"}
        self.port = port
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Newsdesk:
        # The same server, options and worker count as `make run` (scripts/web.sh).
        self.process = subprocess.Popen(
            [str(ROOT / "scripts" / "web.sh")],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**self.env, "HOST": "127.0.0.1", "PORT": str(self.port)},
        )  # fmt: skip
        wait_http(f"http://127.0.0.1:{self.port}/", self.process)
        return self

    def __exit__(self, *exc) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def nginx_start(root: Path, port: int) -> subprocess.Popen:
    """nginx serving ``root`` on loopback with pre-compressed files, no logging."""
    module = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
    load = f"load_module {module};" if module.exists() else ""
    brotli_line = "brotli_static on;" if module.exists() else ""
    conf = root.parent / "nginx.conf"
    conf.write_text(
        f"""{load}
worker_processes {os.cpu_count() or 1};
daemon off;
pid {root.parent}/nginx.pid;
error_log {root.parent}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  sendfile on;
  tcp_nopush on;
  open_file_cache max=100 inactive=60s;
  types {{ text/html html; }}
  client_body_temp_path {root.parent}/tmp;
  proxy_temp_path {root.parent}/tmp;
  fastcgi_temp_path {root.parent}/tmp;
  uwsgi_temp_path {root.parent}/tmp;
  scgi_temp_path {root.parent}/tmp;
  server {{
    listen 127.0.0.1:{port};
    root {root};
    gzip_static on;
    {brotli_line}
    location / {{ try_files $uri =404; }}
  }}
}}
"""
    )
    (root.parent / "tmp").mkdir(exist_ok=True)
    process = subprocess.Popen(
        ["nginx", "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_http(f"http://127.0.0.1:{port}/article.html", process)
    except Exception:
        process.terminate()
        process.wait()
        raise
    return process


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2, help="seconds of unmeasured load first")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--port", type=int, default=8650, help="first of three loopback ports")
    parser.add_argument("--database-url", default="", help="PostgreSQL (default: SQLite)")
    parser.add_argument("--redis-url", default="", help="Redis cache (default: file cache)")
    args = parser.parse_args()
    tools_ensure()

    work = Path(tempfile.mkdtemp(prefix="newsdesk-pages-"))
    work.chmod(0o755)  # nginx's workers run as www-data and must read the static copy
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "NEWSDESK_HTTPS": "false",
        "NEWSDESK_DATA_DIR": str(work / "data"),
        "NEWSDESK_STATIC_ROOT": str(work / "static"),
        "NEWSDESK_LOG_LEVEL": "WARNING",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    for name, value in (("DATABASE_URL", args.database_url), ("REDIS_URL", args.redis_url)):
        env.pop(name, None)
        if value:
            env[name] = value
    # Then the task worker runs what publishing the demo enqueued (the search index, the
    # image renditions) and exits, as the worker beside a running site would have.
    setup = (["collectstatic", "--noinput"], ["migrate", "--noinput"], ["load_demo"],
             ["db_worker", "--batch", "--no-startup-delay", "--queue-name", "*"])  # fmt: skip
    for command in setup:
        subprocess.run(
            [PY, "manage.py", *command, "--verbosity", "0"],
            cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    article_url, author_url, tag_url = subprocess.run(
        [PY, "manage.py", "shell", "-c", (
            "from django.urls import reverse;"
            "from newsdesk.news.models import ArticlePage as A;"
            "a = A.objects.filter(source_name='primeminister.kz').first() or A.objects.live()"
            ".first(); print(a.url);"
            "print(reverse('news:author', args=[a.authors[0].slug]));"
            "print(reverse('news:tag', args=[A.objects.live().filter(tags__isnull=False)"
            ".first().tags.first().slug]))"
        )],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    ).stdout.strip().splitlines()[-3:]  # fmt: skip

    results: dict[str, dict] = {}
    rss: dict[str, list[float]] = {}
    nginx_port, cached_port, uncached_port = args.port, args.port + 1, args.port + 2
    with Newsdesk(env, cached_port, cached=True) as server:
        base = f"http://127.0.0.1:{cached_port}"
        html = urllib.request.urlopen(base + article_url, timeout=30).read()  # noqa: S310
        static_root = work / "nginx" / "root"
        static_root.mkdir(parents=True)
        static_root.parent.chmod(0o755)
        static_root.chmod(0o755)
        (static_root / "article.html").write_bytes(html)
        (static_root / "article.html.gz").write_bytes(gzip.compress(html, 9, mtime=0))
        (static_root / "article.html.br").write_bytes(brotli.compress(html, quality=11))
        for file in static_root.iterdir():
            file.chmod(0o644)
        nginx = nginx_start(static_root, nginx_port)
        try:
            ngx = f"http://127.0.0.1:{nginx_port}/article.html"
            results["nginx static"] = wrk(ngx, args)
            results["nginx static, gzip/br"] = wrk(ngx, args, COMPRESSED)
        finally:
            nginx.terminate()
            nginx.wait()
        results["Newsdesk cached"] = wrk(base + article_url, args)
        results["Newsdesk cached, gzip/br"] = wrk(base + article_url, args, COMPRESSED)
        rss["cached"] = worker_rss_mb(server.process.pid)
    with Newsdesk(env, uncached_port, cached=False) as server:
        base = f"http://127.0.0.1:{uncached_port}"
        results["Newsdesk uncached"] = wrk(base + article_url, args)
        results["Newsdesk uncached, gzip/br"] = wrk(base + article_url, args, COMPRESSED)
        rss["uncached, article only"] = worker_rss_mb(server.process.pid)
        # Memory after every kind of page, search (its dictionaries) and the API included.
        for _ in range(20):
            for path in [*MIX_PATHS, author_url, tag_url]:
                urllib.request.urlopen(base + quote(path, safe="/?=%"), timeout=30).read()  # noqa: S310
        rss["uncached, after a mix of pages"] = worker_rss_mb(server.process.pid)

    render = subprocess.run(
        [PY, "bench/render.py", "--runs", "200"],
        cwd=ROOT, capture_output=True, text=True, check=True,
        env={**{k: v for k, v in env.items() if k != "DJANGO_SETTINGS_MODULE"},
             "NEWSDESK_DATA_DIR": str(work / "render")},
    ).stdout  # fmt: skip

    print(f"\narticle: {article_url} ({len(html):,} bytes of HTML)")
    print(f"database: {'PostgreSQL' if args.database_url else 'SQLite'}; "
          f"cache: {'Redis' if args.redis_url else 'file'}; "
          f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s; {os.cpu_count()} cores")  # fmt: skip
    print(f"{'':28} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'× nginx':>8} {'non-2xx':>8}")
    for name, row in results.items():
        reference = results["nginx static, gzip/br" if "gzip" in name else "nginx static"]
        print(
            f"{name:28} {row['rps']:>10,.0f} {row['p50']:>8.2f} {row['p99']:>8.2f} "
            f"{row['rps'] / reference['rps']:>8.3f} {row['errors']:>8}"
        )
    for line in render.splitlines():
        if line.startswith(("article render", "reference (404")):
            print(line)
    for name, sizes in rss.items():
        print(f"RSS per worker ({name}): " + ", ".join(f"{size:.0f} MB" for size in sizes))


if __name__ == "__main__":
    sys.exit(main())

"""Two real app servers (granian, one worker each) on PostgreSQL + Redis share state:
a purge made through one is seen by the other, and so are rate limits and sessions."""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from newsdesk.news.tests.factories import article_make, site_tree_create

ROOT = Path(__file__).resolve().parents[3]
REDIS_URL = "redis://127.0.0.1:6379/5"


def redis_available() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping())
    except Exception:
        return False


pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs DATABASE_URL (PostgreSQL)",
    ),
    pytest.mark.skipif(not redis_available(), reason="needs Redis at 127.0.0.1:6379"),
]


def free_port() -> int:
    """A free port in the range this project's servers use (8600–8699)."""
    for port in range(8600, 8700):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 8600–8699")


def http(method: str, url: str, data: dict | None = None, cookie: str = ""):
    """(status, headers, body) of one request; errors are answers too."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, method=method)
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (loopback)
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wait_ready(base: str, process: subprocess.Popen) -> None:
    """Wait (up to two minutes under load) until the server answers at all."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {process.stderr.read().decode()[-2000:]}")
        try:
            http("GET", base + "/_test/session/get/")
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("server did not start")


@pytest.fixture
def two_servers(transactional_db, tmp_path):
    db = connection.settings_dict
    key_prefix = "newsdesk-test-" + secrets.token_hex(6)
    database_url = (
        f"postgres://{db['USER']}:{urllib.parse.quote(db['PASSWORD'] or '')}@{db['HOST']}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsdesk.pagecache.tests.multiprocess_settings",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "NEWSDESK_DATA_DIR": str(tmp_path),
        "NEWSDESK_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "NEWSDESK_PAGE_CACHE": "true",
        "MULTIPROCESS_KEY_PREFIX": key_prefix,
    }
    processes, bases = [], []
    try:
        for _ in range(2):
            port = free_port()
            process = subprocess.Popen(
                [str(ROOT / "scripts" / "web.sh")],
                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                env={**env, "HOST": "127.0.0.1", "PORT": str(port), "WEB_CONCURRENCY": "1"},
            )  # fmt: skip
            processes.append(process)
            bases.append(f"http://127.0.0.1:{port}")
            wait_ready(bases[-1], process)
        yield bases
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        import redis

        client = redis.Redis.from_url(REDIS_URL)
        for key in client.scan_iter(match=f"{key_prefix}:*"):
            client.delete(key)


def test_two_processes_share_cache_purges_rate_limits_and_sessions(two_servers):
    first, second = two_servers
    _home, sections = site_tree_create()
    article = article_make(sections["city"], slug="shared-state")
    url = article.url

    # The second process caches the article.
    status, headers, _body = http("GET", second + url)
    assert status == 200 and headers["X-Cache"] == "MISS"
    status, headers, _body = http("GET", second + url)
    assert headers["X-Cache"] == "HIT"

    # An editor republishes through the first process; the second sees the purge once it
    # next checks the purge sequence (PAGECACHE_RECHECK_SECONDS, 1 s): poll for it.
    new_title = "Велодорожку открыли и на левом берегу"
    assert http("POST", f"{first}/_test/republish/{article.pk}/", {"title": new_title})[0] == 200
    deadline = time.monotonic() + 30
    while True:
        status, headers, body = http("GET", second + url)
        if new_title in body.decode() or time.monotonic() > deadline:
            break
        assert headers["X-Cache"] == "HIT"  # the old copy, until the check
        time.sleep(0.1)
    assert headers["X-Cache"] == "MISS" and new_title in body.decode()
    assert http("GET", first + url)[1]["X-Cache"] in ("MISS", "HIT")
    assert http("GET", second + url)[1]["X-Cache"] == "HIT"

    # Rate limits: three requests allowed per key in total, whichever process counts them.
    key = secrets.token_hex(6)
    statuses = [http("GET", f"{base}/_test/limited/{key}/")[0] for base in (first, second) * 2]
    assert statuses == [200, 200, 200, 429]

    # Sessions: set through one process, read through the other (cached_db on Redis).
    _status, headers, _body = http("GET", f"{first}/_test/session/set/?colour=teal")
    cookie = headers["Set-Cookie"].split(";", 1)[0]
    _status, _headers, body = http("GET", f"{second}/_test/session/get/", cookie=cookie)
    assert json.loads(body) == {"colour": "teal"}

"""A thin WSGI layer in front of Django that answers the two beacon paths itself.

``/e/`` (JSON beacon) and ``/e.gif`` (noscript pixel) skip Django's middleware, URL
resolver and ORM: they are the hottest requests the site gets and need none of it. Every
other request goes to the wrapped application untouched. The paths avoid the words
ad-blocker lists match (analytics, collect, track, pixel).

Each process also runs a small thread that closes its WAL segment every few seconds and
enqueues the flush, rollup and retention jobs for the task worker.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
from collections.abc import Callable, Iterable

from django.conf import settings

from .ingest import GIF, beacon_ingest, pixel_ingest
from .wal import wal_writer, wal_writer_reset

logger = logging.getLogger(__name__)

BEACON_PATH = "/e/"
PIXEL_PATH = "/e.gif"
NO_STORE = ("Cache-Control", "no-store")
# Seconds between flush jobs site-wide: each job is a row in the task queue, so not more
# often than this; segments are closed every NEWSDESK_ANALYTICS_FLUSH_INTERVAL seconds.
FLUSH_JOB_EVERY = 10
STATUS_TEXT = {204: "204 No Content", 400: "400 Bad Request", 403: "403 Forbidden"}
STATUS_TEXT |= {405: "405 Method Not Allowed", 429: "429 Too Many Requests"}


def _json_error(start_response: Callable, status: int, reason: str, retry_after: int = 0):
    import json

    body = json.dumps({"error": reason}, ensure_ascii=False).encode()
    headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body))), NO_STORE]
    if retry_after:
        headers.append(("Retry-After", str(retry_after)))
    start_response(STATUS_TEXT[status], headers)
    return [body]


def _read_body(environ: dict) -> bytes:
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    # Read one byte past the limit: enough to know the body is too large.
    return environ["wsgi.input"].read(min(max(length, 0), 8 * 1024 + 1)) if length else b""


def beacon_answer(environ: dict, start_response: Callable) -> Iterable[bytes]:
    """The ``/e/`` endpoint as a WSGI application."""
    if environ.get("REQUEST_METHOD") != "POST":
        start_response(STATUS_TEXT[405], [("Allow", "POST"), ("Content-Length", "0"), NO_STORE])
        return [b""]
    verdict = beacon_ingest(environ, _read_body(environ))
    if verdict.status == 204:
        start_response(STATUS_TEXT[204], [NO_STORE])
        return [b""]
    return _json_error(start_response, verdict.status, verdict.reason, verdict.retry_after)


def pixel_answer(environ: dict, start_response: Callable) -> Iterable[bytes]:
    """The ``/e.gif`` endpoint: always the GIF, whatever the parameters."""
    if environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
        try:
            pixel_ingest(environ)
        except Exception:  # the image must load even if counting fails
            logger.exception("Pixel hit not recorded")
    start_response(
        "200 OK", [("Content-Type", "image/gif"), ("Content-Length", str(len(GIF))), NO_STORE]
    )
    return [GIF]


class _Flusher(threading.Thread):
    """Per-process housekeeping thread: close full segments and ask the worker to flush.

    The database inserts run in the task worker, a separate process, not here: parsing
    and inserting tens of thousands of events in a server thread would hold the GIL and
    push the beacons' p99 latency from a few milliseconds to around a hundred.
    """

    def __init__(self, interval: float) -> None:
        super().__init__(name="analytics-flusher", daemon=True)
        self.interval = interval

    def run(self) -> None:
        while True:
            time.sleep(self.interval)
            try:
                self.tick()
            except Exception:
                logger.exception("Analytics housekeeping failed; the WAL keeps the events")

    def tick(self) -> None:
        """One round: close this process's segment and enqueue the jobs that are due."""
        from django.core.cache import cache

        from .ingest import connections_refresh
        from .tasks import analytics_cleanup, analytics_flush, analytics_rollup

        wal_writer().rotate()  # closing fsyncs and hands the segment to the worker
        connections_refresh()
        # One process per period enqueues each job (the cache is shared); the first flush
        # after a start also picks up segments a killed process left behind.
        if cache.add("analytics:flush-enqueued", 1, timeout=FLUSH_JOB_EVERY):
            analytics_flush.enqueue()
        if cache.add("analytics:rollup-enqueued", 1, timeout=300):
            analytics_rollup.enqueue()
        if cache.add("analytics:cleanup-enqueued", 1, timeout=86_400):
            analytics_cleanup.enqueue()


_flusher: _Flusher | None = None
_flusher_lock = threading.Lock()


def _flusher_start() -> None:
    global _flusher
    interval = settings.NEWSDESK_ANALYTICS_FLUSH_INTERVAL
    if interval <= 0 or _flusher is not None:
        return
    with _flusher_lock:
        if _flusher is None:
            _flusher = _Flusher(interval)
            _flusher.start()
            atexit.register(wal_writer_reset)


def beacon_dispatch(app: Callable) -> Callable:
    """Wrap a WSGI application so the beacon paths are answered before Django sees them."""

    def dispatch(environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == BEACON_PATH:
            _flusher_start()
            return beacon_answer(environ, start_response)
        if path == PIXEL_PATH:
            _flusher_start()
            return pixel_answer(environ, start_response)
        return app(environ, start_response)

    return dispatch

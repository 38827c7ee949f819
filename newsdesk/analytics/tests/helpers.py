"""Building WSGI environs and beacons for the analytics tests."""

from __future__ import annotations

import json
from io import BytesIO
from wsgiref.util import setup_testing_defaults

from newsdesk.analytics.ingest import beacon_ingest
from newsdesk.analytics.services import analytics_flush_all
from newsdesk.analytics.wal import wal_writer_reset

CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/140.0.0.0 Safari/537.36"
)
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
YANDEXBOT = "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)"
HOST = "news.example.kz"


def environ(
    *, ip: str = "10.0.0.1", ua: str = CHROME, path: str = "/e/", body: bytes = b"", **headers
) -> dict:
    """A WSGI environ as a server would build it for a beacon request."""
    env = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "REMOTE_ADDR": ip,
        "HTTP_HOST": HOST,
        "HTTP_USER_AGENT": ua,
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": BytesIO(body),
    }
    env.update({f"HTTP_{key.upper()}": value for key, value in headers.items()})
    setup_testing_defaults(env)
    return env


def pageview(**fields) -> dict:
    return {"n": "pageview", "u": f"https://{HOST}/gorod/velodorozhka/", **fields}


def send(events, **env) -> int:
    """Send a beacon through the ingest function; returns the HTTP status."""
    body = json.dumps(events).encode()
    return beacon_ingest(environ(body=body, **env), body).status


def flush() -> int:
    """Close this process's segment, as a restart would, and flush it all."""
    wal_writer_reset()
    return analytics_flush_all()

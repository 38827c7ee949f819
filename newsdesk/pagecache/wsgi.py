"""A WSGI layer that answers page-cache hits before Django's middleware stack runs.

``newsdesk/wsgi.py`` wraps Django with it. A hit is served from this process's hot pages
(:class:`newsdesk.pagecache.store.HotPages`) with header lists built when the page was
stored: no shared-cache round trip, no compression, no Django. Otherwise the two tokens
are read from the shared cache and the entry looked up there; a miss goes to Django,
where :class:`newsdesk.pagecache.middleware.PageCacheMiddleware` stores the response.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from . import store
from .lookup import hit_parts, request_eligible, request_identity, request_key, request_path

logger = logging.getLogger(__name__)
STATUS_LINES = {status.value: f"{status.value} {status.phrase}" for status in HTTPStatus}
OK = STATUS_LINES[200]
# Accept-Encoding values seen, mapped to the variant they get: clients send few distinct ones.
_encodings: dict[str, str | None] = {}


def preferred_encoding(accept_encoding: str) -> str | None:
    """``br``, ``gzip`` or None for an Accept-Encoding value, remembered per value."""
    try:
        return _encodings[accept_encoding]
    except KeyError:
        encoding = store.accepted_encoding(accept_encoding)
        if len(_encodings) < 256:
            _encodings[accept_encoding] = encoding
        return encoding


class PageCacheApplication:
    """Wrap a WSGI application: serve cached pages directly, pass everything else on."""

    def __init__(self, app) -> None:
        self.app = app

    def __call__(self, environ, start_response):
        try:
            prepared = self._lookup(environ)
        except Exception:  # a cache outage must not take the site down: Django answers
            logger.exception("page cache lookup failed")
            prepared = None
        if prepared is None:
            return self.app(environ, start_response)
        if (
            environ.get("REQUEST_METHOD") == "GET"
            and not environ.get("HTTP_IF_NONE_MATCH")
            and not environ.get("HTTP_IF_MODIFIED_SINCE")
        ):
            # The common case: a ready header list and stored bytes.
            headers, body = prepared.pick(
                preferred_encoding(environ.get("HTTP_ACCEPT_ENCODING", ""))
            )
            start_response(OK, headers)
            return [body]
        status, headers, body = hit_parts(environ, prepared.entry, "HIT")
        start_response(STATUS_LINES[status], headers)
        return [body]

    @staticmethod
    def _lookup(environ) -> store.Prepared | None:
        if not request_eligible(environ):
            return None
        hot = store.hot
        hot.recheck()
        identity = request_identity(environ)
        prepared = hot.items.get(identity)
        if prepared is not None:
            return prepared
        epoch = hot.epoch  # read before the tokens: see HotPages
        gen, ver = store.tokens_read(request_path(environ))
        if gen is None or ver is None:
            return None
        entry = store.entry_get(request_key(environ, gen, ver))
        return None if entry is None else hot.put(identity, entry, epoch)

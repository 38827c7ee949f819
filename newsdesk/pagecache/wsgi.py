"""A WSGI layer that answers page-cache hits before Django's middleware stack runs.

``newsdesk/wsgi.py`` wraps Django with it. A hit costs one ``get_many`` of two tokens in
the shared cache and, usually, a lookup in this process's LRU; a miss goes to Django, where
:class:`newsdesk.pagecache.middleware.PageCacheMiddleware` stores the response.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from . import store
from .lookup import hit_parts, request_eligible, request_key, request_path

logger = logging.getLogger(__name__)
STATUS_LINES = {status.value: f"{status.value} {status.phrase}" for status in HTTPStatus}


class PageCacheApplication:
    """Wrap a WSGI application: serve cached pages directly, pass everything else on."""

    def __init__(self, app) -> None:
        self.app = app

    def __call__(self, environ, start_response):
        try:
            entry = self._lookup(environ)
        except Exception:  # a cache outage must not take the site down: Django answers
            logger.exception("page cache lookup failed")
            entry = None
        if entry is None:
            return self.app(environ, start_response)
        status, headers, body = hit_parts(environ, entry, "HIT")
        start_response(STATUS_LINES[status], headers)
        return [body]

    @staticmethod
    def _lookup(environ) -> store.Entry | None:
        if not request_eligible(environ):
            return None
        gen, ver = store.tokens_read(request_path(environ))
        if gen is None or ver is None:
            return None
        return store.entry_get(request_key(environ, gen, ver))

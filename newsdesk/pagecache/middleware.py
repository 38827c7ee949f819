"""Store cacheable responses (and answer hits when the WSGI layer is not in front)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from . import store
from .lookup import hit_parts, request_eligible, request_identity, request_key, request_path


def response_storable(response: HttpResponse) -> bool:
    """A 200 page or feed that sets no cookie and that the view did not mark private."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    content_type = response.get("Content-Type", "").split(";", 1)[0].strip().lower()
    if content_type not in store.CACHEABLE_TYPES:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    return "*" not in response.get("Vary", "")


def http_response(status: int, headers: list[tuple[str, str]], body: bytes) -> HttpResponse:
    """An HttpResponse carrying exactly the given status, headers and body."""
    response = HttpResponse(body, status=status)
    del response["Content-Type"]
    for name, value in headers:
        response[name] = value
    return response


class PageCacheMiddleware:
    """Outermost middleware: tokens are read BEFORE the view runs, so a purge that lands
    while a page renders leaves the stale render stored under a dead token."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        meta = request.META
        if not request_eligible(meta):
            return self.get_response(request)
        epoch = store.hot.epoch  # read before the tokens: see store.HotPages
        gen, ver = store.tokens_ensure(request_path(meta))
        key = request_key(meta, gen, ver)
        entry = store.entry_get(key)
        if entry is not None:
            store.hot.put(request_identity(meta), entry, epoch)
            return http_response(*hit_parts(meta, entry, "HIT"))
        response = self.get_response(request)
        if not response_storable(response):
            return response
        entry = store.entry_make(headers=list(response.items()), body=response.content)
        store.entry_store(key, entry)
        store.hot.put(request_identity(meta), entry, epoch)
        return http_response(*hit_parts(meta, entry, "MISS"))

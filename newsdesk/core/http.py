"""HTTP helpers shared by write endpoints: same-origin checks and rate limits."""

from __future__ import annotations

import functools
from collections.abc import Callable
from urllib.parse import urlsplit

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _


def client_ip(request: HttpRequest) -> str:
    """The client's address as the server sees it (a proxy must set REMOTE_ADDR itself)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def is_same_origin(request: HttpRequest) -> bool:
    """True when the browser says the request comes from this site.

    Reader pages are cached whole, so their forms carry no per-visitor CSRF token; the
    ``Sec-Fetch-Site`` and ``Origin`` headers, which browsers set and pages cannot forge,
    protect these endpoints instead, together with the SameSite=Lax reader cookie.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if origin is None or origin == "null":
        # Old browsers send neither header on a same-site form POST; fall back to Referer.
        referer = request.headers.get("Referer")
        if referer is None:
            return False
        origin = referer
    return urlsplit(origin).netloc == request.get_host()


def same_origin_required(view: Callable) -> Callable:
    """Refuse cross-site POSTs with 403 (a tokenless CSRF defence for cached pages)."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method not in ("GET", "HEAD", "OPTIONS") and not is_same_origin(request):
            return JsonResponse(
                {"error": _("Cross-site request refused. Reload the page and try again.")},
                status=403,
            )
        return view(request, *args, **kwargs)

    return wrapper


def rate_limit_hit(*, scope: str, key: str, limit: int, window: int) -> int:
    """Count one request; return the seconds to wait if over ``limit`` per ``window``, else 0.

    Counters live in the shared cache, so every server process sees the same counts.
    """
    bucket = f"ratelimit:{scope}:{key}"
    if cache.add(bucket, 1, timeout=window):
        return 0
    try:
        count = cache.incr(bucket)
    except ValueError:  # expired between add and incr: a new window starts
        cache.add(bucket, 1, timeout=window)
        return 0
    return window if count > limit else 0


def too_many_requests(retry_after: int) -> JsonResponse:
    """A 429 answer with Retry-After and a message a person can act on."""
    response = JsonResponse(
        {"error": _("Too many requests. Please wait a little and try again.")}, status=429
    )
    response["Retry-After"] = str(retry_after)
    return response

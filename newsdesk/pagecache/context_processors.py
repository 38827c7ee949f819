"""Template context for fragment caching of expensive page parts."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from . import store

FRAGMENT_TIMEOUT = 86400


def fragments(request: HttpRequest) -> dict:
    """``fragment_version`` and ``fragment_timeout`` for ``{% cache %}`` blocks.

    The version is this process's purge epoch: it changes with every purge (a publish, an
    author, tag or image save), so a cached fragment never outlives what it shows;
    previews are never cached.
    """
    preview = getattr(request, "is_preview", False)
    return {
        "fragment_version": SimpleLazyObject(store.fragment_version),
        "fragment_timeout": 0 if preview else FRAGMENT_TIMEOUT,
    }

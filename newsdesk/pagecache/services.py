"""Purges: make cached pages unreachable now and again after the transaction commits."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from . import store


def _root_url() -> str:
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL


def _cdn_enqueue(paths: list[str], everything: bool) -> None:
    if not getattr(settings, "NEWSDESK_CDN_PURGE_URL", ""):
        return
    from .tasks import cdn_purge

    root = _root_url().rstrip("/")
    cdn_purge.enqueue([root + path for path in paths], everything)


def paths_purge(*, paths: set[str]) -> list[str]:
    """Purge these paths in the shared cache; tell the CDN once the change is committed.

    The purge runs at once and again on commit: a reader whose request started between
    the two would otherwise store the old page under the new token.
    """
    purged = store.purge_paths(paths)
    if purged:
        transaction.on_commit(lambda: store.purge_paths(purged))
        transaction.on_commit(lambda: _cdn_enqueue(purged, everything=False))
    return purged


def site_purge() -> None:
    """Purge every page (navigation, site settings, an author's byline everywhere)."""
    store.purge_everything()
    transaction.on_commit(store.purge_everything)
    transaction.on_commit(lambda: _cdn_enqueue([], everything=True))


def fragments_purge() -> None:
    """Drop cached template fragments everywhere, now and again once the change is committed."""
    store.fragments_purge()
    transaction.on_commit(store.fragments_purge)

"""Routing of reader requests, with what rarely changes looked up once per purge.

For every page request Wagtail looks up the site, the active locale, the root page and its
specific type (four queries), then checks view restrictions (two more); the page itself is
one more query (``HomePage.route``). A newsroom changes
these only through edits that purge the page cache (publishing the home page, saving a
site, changing a page's privacy), so each process keeps them in a
:class:`~newsdesk.pagecache.store.PurgeMemo` until it sees the next purge.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from newsdesk.pagecache.store import PurgeMemo

_memo = PurgeMemo(size=64)
# Sections and articles by URL path: finding and building one was a third of an uncached
# article's render. Every change a reader could see in them (publish, unpublish, move,
# delete, privacy) purges. Bounded: ~256 page objects are a few MB.
_pages = PurgeMemo(size=256)


def site_and_root(request: HttpRequest) -> tuple[Site | None, Page | None]:
    """The request's site and its root page in the active language, as its specific type."""

    def look_up() -> tuple[Site | None, Page | None]:
        site = Site.find_for_request(request)
        return site, (site.root_page.localized.specific if site else None)

    key = ("root", request._get_raw_host(), request.get_port(), translation.get_language())
    return _memo.remember(key, look_up)


def route(request: HttpRequest, path: str) -> RouteResult | None:
    """Wagtail's ``Page.route_for_request``, starting from the remembered root page."""
    site, root = site_and_root(request)
    request._wagtail_site = site  # Wagtail's own per-request cache of the site
    if root is None:
        return None
    try:
        return root.route(request, [part for part in path.split("/") if part])
    except Http404:
        return None


def page_at(model: type[Page], url_path: str, below: str) -> Page | None:
    """The ``model`` page at ``url_path`` under the tree path ``below``, or None."""

    def look_up() -> Page | None:
        return model.objects.filter(url_path=url_path, path__startswith=below).first()

    return _pages.remember((model, url_path, below), look_up, keep_none=False)


def view_restrictions_exist() -> bool:
    """Whether any page on any site is private (password, sign-in or groups)."""
    return _memo.remember("restrictions", PageViewRestriction.objects.exists)

"""Uncached pages cost a fixed number of queries however much content there is."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdesk.news.tests.factories import article_make
from newsdesk.pagecache import store
from newsdesk.people.tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url: str) -> tuple[int, int]:
    """Queries of one GET with the page cache off: with every cache cold (image renditions
    already made by a first GET), then with template fragments and routing kept."""
    assert client.get(url).status_code == 200
    counts = []
    for cold in (True, False):
        if cold:
            cache.clear()
            store.hot.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(captured))
    return counts[0], counts[1]


def content_grow(sections, author, count: int) -> None:
    """Add articles with distinct photos, all by one author, all tagged «город»."""
    from newsdesk.news.images import placeholder_image

    for index in range(count):
        photo = placeholder_image(
            title=f"Фото для теста {index}", color="#336699", width=400, height=300
        )
        article_make(
            sections["city" if index % 2 else "sport"],
            title=f"Новость номер {index}",
            authors=[author, AuthorFactory()],
            tags=("город", f"тема-{index}"),
            lead_image=photo,
        )


def test_query_count_constant_as_content_grows(site_tree, client):
    home, sections = site_tree
    author = AuthorFactory(slug="columnist")
    content_grow(sections, author, 5)
    article = article_make(sections["city"], authors=[author, AuthorFactory()], tags=("город",))
    urls = [
        "/",
        sections["city"].url,
        article.url,
        "/authors/columnist/",
        "/tags/город/",
        "/kk/",
    ]
    small = {url: queries_for(client, url) for url in urls}
    content_grow(sections, author, 20)
    large = {url: queries_for(client, url) for url in urls}
    assert large == small
    # Bounded as well as constant: a page is a couple of dozen queries at worst (cold: the
    # article's first render fills its fragments), not one per item shown.
    assert max(cold for cold, _warm in small.values()) <= 26, small
    # Header, footer and article body are kept as fragments; routing remembers the site and
    # the article itself until the next purge: a warm article needs the database not at all.
    assert small[article.url][1] == 0, small
    assert small[sections["city"].url][1] < small[sections["city"].url][0], small
    assert max(warm for _cold, warm in small.values()) <= 12, small

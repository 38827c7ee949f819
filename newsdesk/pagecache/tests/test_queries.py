"""Uncached pages cost a fixed number of queries however much content there is."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdesk.news.tests.factories import article_make
from newsdesk.people.tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url: str) -> int:
    """Queries of one uncached GET (after a warm-up that makes image renditions)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


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
    # Bounded as well as constant: a page is a handful of queries, not dozens (image
    # renditions come from Wagtail's rendition cache). The ceiling was 20 before the reader,
    # subscription and search parts joined the page (social links setting, header widgets).
    assert max(small.values()) <= 24, small

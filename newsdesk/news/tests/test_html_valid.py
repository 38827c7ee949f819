"""Every reader page type passes the Nu HTML checker with no errors."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from newsdesk.news.tests.factories import article_make
from tests.html_validation import vnu_errors

pytestmark = pytest.mark.django_db


def test_reader_pages_are_valid_html(client, site_tree, tmp_path):
    _home, sections = site_tree
    for number in range(22):
        article_make(
            sections["city"],
            slug=f"city-{number}",
            title=f"Городская новость {number}",
            with_photo=number % 5 == 0,
            tags=("экология",),
        )
    story = article_make(
        sections["sport"],
        slug="sport-story",
        tags=("футбол",),
        source_name="Федерация футбола",
        source_url="https://football.example.kz/",
    )
    author = story.authors[0]
    urls = {
        "home": "/",
        "section": "/city/",
        "section-page-2": "/city/?page=2",
        "article": story.url,
        "author": author.get_absolute_url(),
        "tag": reverse("news:tag", args=["экология"]),
    }
    pages = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, url
        pages[name] = response.content.decode()
    not_found = client.get("/no-such-page/")
    assert not_found.status_code == 404
    pages["404"] = not_found.content.decode()
    pages["500"] = render_to_string("500.html")
    assert vnu_errors(pages, tmp_path) == []

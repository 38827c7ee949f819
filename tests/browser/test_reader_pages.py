"""A reader opens every page type in Chromium, with and without JavaScript."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from newsdesk.news.demo import reference_article_ensure
from newsdesk.news.importers.plaintext import ImportedPhoto, parse_plaintext_page
from newsdesk.news.tests.factories import article_make
from newsdesk.news.tests.helpers import assert_in_order
from newsdesk.news.tests.test_reference_article import expected_parts
from tests.browser.axe import axe_violations

pytestmark = pytest.mark.browser
SEED = settings.NEWSDESK_SEED_PAGE


def normalise(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.skipif(not SEED.exists(), reason="the reference page is not on this machine")
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_reference_article_reads_in_order_with_alt_texts_and_credits(
    live_site, page, nojs_page, javascript
):
    base_url, home, _sections = live_site
    article = reference_article_ensure(home=home, seed_path=SEED)
    tab = page if javascript else nojs_page
    response = tab.goto(base_url + article.url)
    assert response.status == 200

    text = normalise(tab.inner_text("body"))
    assert_in_order(text, [normalise(part) for part in expected_parts(SEED.read_text())])

    imported = parse_plaintext_page(SEED.read_text())
    photos = [imported.lead_photo, *[p for p in imported.body if isinstance(p, ImportedPhoto)]]
    article_images = tab.locator("article figure.photo img")
    assert article_images.count() == len(photos) == 4
    for index, photo in enumerate(photos):
        image = article_images.nth(index)
        assert image.get_attribute("alt") == photo.alt
        assert image.evaluate("img => img.complete && img.naturalWidth > 0") or index > 0
        caption = tab.locator("article figure.photo").nth(index).locator("figcaption").inner_text()
        assert photo.credit in caption
    if javascript:
        assert axe_violations(tab) == []


def test_every_reader_page_type_has_no_axe_violations(live_site, page):
    base_url, _home, sections = live_site
    story = article_make(sections["city"], slug="velodorozhka", tags=("велосипед",))
    for number in range(3):
        article_make(
            sections["sport"],
            slug=f"sport-{number}",
            title=f"Матч номер {number}",
            with_photo=False,
        )
    urls = [
        "/",
        "/city/",
        story.url,
        story.authors[0].get_absolute_url(),
        reverse("news:tag", args=["велосипед"]),
        "/no-such-page/",
    ]
    for url in urls:
        page.goto(base_url + url)
        assert axe_violations(page) == [], url


def test_pages_work_without_javascript(live_site, nojs_page):
    base_url, _home, sections = live_site
    story = article_make(sections["city"], slug="bez-js")
    nojs_page.goto(base_url + "/")
    nojs_page.get_by_role("link", name=story.title).first.click()
    expect(nojs_page).to_have_url(base_url + story.url)
    expect(nojs_page.get_by_role("heading", level=1)).to_have_text(story.title)
    nojs_page.get_by_role("link", name="Город").first.click()
    expect(nojs_page).to_have_url(re.compile(r"/city/$"))

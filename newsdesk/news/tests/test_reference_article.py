"""The reference page, imported from ``../shared/seed/reference-page.txt``, reads as the
original did: every part of the story in order, photos with alt text, caption and credit.

The story belongs to its publisher, so these tests read it from the seed file at run time
and run only where that file exists.
"""

import html as html_lib
import re

import pytest
from django.conf import settings

from newsdesk.news.demo import reference_article_ensure
from newsdesk.news.importers.plaintext import (
    ImportedParagraph,
    ImportedPhoto,
    ImportedQuote,
    parse_plaintext_page,
)
from newsdesk.news.tests.helpers import assert_in_order
from newsdesk.people.models import Author

SEED = settings.NEWSDESK_SEED_PAGE
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not SEED.exists(), reason="the reference page is not on this machine"),
]


def expected_parts(text: str) -> list[str]:
    """The story's visible parts in page order, as the article page must show them."""
    page = parse_plaintext_page(text)
    parts = [*page.authors, "Бывший сотрудник", page.headline]
    if page.lead_photo:
        parts += [page.lead_photo.caption, page.lead_photo.credit]
    parts.append(page.lede)
    for item in page.body:
        if isinstance(item, ImportedParagraph):
            parts.append(item.text)
        elif isinstance(item, ImportedQuote):
            parts += [f"«{item.text}»", item.verb, item.speaker]
        elif isinstance(item, ImportedPhoto):
            parts += [item.caption, item.credit]
    return parts


def visible_text(page_html: str) -> str:
    """Strip tags and decode entities, keeping the text a reader sees (without <head>)."""
    body = page_html.split("<body", 1)[1]
    text = re.sub(r"<[^>]+>", " ", body)
    return re.sub(r"[ \t\n]+", " ", html_lib.unescape(text))


@pytest.fixture
def reference(site_tree):
    home, _sections = site_tree
    return reference_article_ensure(home=home, seed_path=SEED)


def test_reference_article_shows_every_part_in_order(client, reference):
    response = client.get(reference.url)
    assert response.status_code == 200
    assert_in_order(visible_text(response.content.decode()), expected_parts(SEED.read_text()))


def test_reference_photos_keep_alt_text_caption_and_credit(client, reference):
    page = parse_plaintext_page(SEED.read_text())
    photos = [page.lead_photo, *[p for p in page.body if isinstance(p, ImportedPhoto)]]
    assert len(photos) == 4
    html = client.get(reference.url).content.decode()
    for photo in photos:
        assert f'alt="{html_lib.escape(photo.alt)}"' in html
        assert photo.credit in html
    assert html.count("primeminister.kz") >= 4


def test_reference_author_is_former_staff_and_keeps_the_byline(client, reference):
    author = reference.authors[0]
    assert author.name == "Ливио Манджиаторди"
    assert author.photo is not None  # the card shows an avatar with the name as alt text
    assert author.status == Author.Status.FORMER
    author_page = client.get(author.get_absolute_url())
    assert author_page.status_code == 200
    assert reference.title in author_page.content.decode()


def test_reference_import_is_idempotent(reference, site_tree):
    home, _sections = site_tree
    assert reference_article_ensure(home=home, seed_path=SEED).pk == reference.pk


def test_reference_text_survives_intact(reference):
    """Figures, dashes and no-break spaces come through byte for byte."""
    source = SEED.read_text()
    stored = reference.lede + "".join(str(block.value) for block in reference.body)
    for fragment in re.findall(r"\$\d+,\d+ млрд|\d{4}-\d{4}", source):
        assert fragment in stored

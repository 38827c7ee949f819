"""Article, section and author models: validation, dates and bylines."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from newsdesk.news.images import placeholder_image
from newsdesk.news.models import ArticlePage
from newsdesk.news.tests.factories import article_make
from newsdesk.people.models import Author
from newsdesk.people.tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db


def test_lead_photo_needs_alt_text():
    page = ArticlePage(
        title="Заголовок",
        slug="x",
        lede="Лид.",
        lead_image=placeholder_image(title="Фото без подписи", color="#445566"),
        lead_image_alt="  ",
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "lead_image_alt" in error.value.message_dict


def test_source_link_needs_a_source_name():
    page = ArticlePage(title="Заголовок", slug="x", lede="Лид.", source_url="https://a.example.kz")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "source_name" in error.value.message_dict


def test_article_knows_its_section_and_byline_order(site_tree):
    _home, sections = site_tree
    first, second = AuthorFactory(name="Бекзат Ермеков"), AuthorFactory(name="Алия Серикова")
    story = article_make(sections["sport"], authors=[second, first], slug="two-authors")
    assert story.section.pk == sections["sport"].pk
    assert [a.name for a in story.authors] == ["Алия Серикова", "Бекзат Ермеков"]
    assert {tag.name for tag in story.tags.all()} == {"велосипед", "алматы"}


def test_updated_time_shows_only_for_a_later_republish(site_tree):
    _home, sections = site_tree
    published = timezone.now() - timedelta(days=1)
    story = article_make(sections["city"], slug="dated", published_at=published)
    assert story.first_published_at == published and story.updated_at is None
    story.last_published_at = published + timedelta(minutes=10)
    assert story.updated_at is None  # a quick fix is not an update
    story.last_published_at = published + timedelta(hours=5)
    assert story.updated_at == published + timedelta(hours=5)


def test_former_author_is_labelled_former():
    author = AuthorFactory(status=Author.Status.FORMER)
    assert author.is_former
    assert str(author) == author.name
    assert author.get_absolute_url() == f"/authors/{author.slug}/"
    assert not AuthorFactory(status=Author.Status.CONTRIBUTOR).is_former

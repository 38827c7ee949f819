"""Renditions are made by the worker on publish and photo edits, never by a reader's request."""

import pytest
from django.urls import reverse
from wagtail.images import get_image_model

from newsdesk.news.images import placeholder_image
from newsdesk.news.renditions import articles_showing_image
from newsdesk.news.tests.factories import article_make
from newsdesk.people.tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db

READER_URLS = (
    "/",
    "/city/",
    "/feeds/rss/",
    "/feeds/atom/",
    "/api/v1/articles/",
)


def rendition_count() -> int:
    return get_image_model().get_rendition_model().objects.count()


@pytest.fixture(autouse=True)
def _renditions_on_publish(settings):
    settings.NEWSDESK_RENDITIONS_ON_PUBLISH = True  # off for the rest of the suite


@pytest.fixture
def story(site_tree, django_capture_on_commit_callbacks):
    """A published article with a lead photo, another photo in the body, a separate
    sharing photo and an author with a portrait."""
    _home, sections = site_tree
    author = AuthorFactory(photo=placeholder_image(title="Портрет автора", color="#806040"))
    article = article_make(sections["city"], authors=[author])
    article.social_image = placeholder_image(title="Обложка для соцсетей", color="#406080")
    article.body.append(
        (
            "photo",
            {
                "image": placeholder_image(title="Мост через реку", color="#608040"),
                "alt_text": "Пешеходный мост",
                "caption": "Мост после ремонта.",
                "credit": "Фото: Newsdesk",
            },
        )
    )
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    return article


def test_publishing_makes_every_rendition_readers_ask_for(client, story):
    made = rendition_count()
    assert made >= 12  # four photos, each in several sizes and crops
    author = story.authors[0]
    urls = [
        *READER_URLS,
        story.url,
        reverse("news:author", args=[author.slug]),
        f"/api/v1/articles/{story.pk}/",
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert rendition_count() == made


def test_a_new_crop_centre_is_rendered_by_the_worker(
    client, story, django_capture_on_commit_callbacks
):
    photo = story.social_image
    crops = photo.renditions.filter(filter_spec__startswith="fill-")
    before = crops.count()
    photo.focal_point_x, photo.focal_point_y = 100, 100
    photo.focal_point_width, photo.focal_point_height = 50, 50
    with django_capture_on_commit_callbacks(execute=True):
        photo.save()
    assert crops.count() == before * 2  # the same crops around the new centre
    after = rendition_count()
    assert client.get(story.url).status_code == 200
    assert client.get("/feeds/rss/").status_code == 200
    assert rendition_count() == after


def test_a_photo_in_the_body_is_found_through_the_reference_index(story):
    body_photo = next(b.value["image"] for b in story.body if b.block_type == "photo")
    assert [article.pk for article in articles_showing_image(body_photo)] == [story.pk]
    unused = placeholder_image(title="Неиспользованное фото", color="#202020")
    assert articles_showing_image(unused) == []

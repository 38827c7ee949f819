"""Test data for news: a small site tree and articles written for Newsdesk's tests."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Collection, Locale, Page

from newsdesk.news.images import placeholder_image
from newsdesk.news.models import ArticlePage, HomePage, SectionPage
from newsdesk.news.services import home_page_ensure, newsroom_groups_ensure, section_get_or_create
from newsdesk.people.models import Author
from newsdesk.people.tests.factories import AuthorFactory

SECTIONS = {"city": "Город", "sport": "Спорт"}


def wagtail_roots_ensure() -> None:
    """Recreate what Wagtail's migrations insert, after a transactional test's flush.

    Flushing deletes the root page, the root collection and the default locale, and content types come back
    with new ids, so the cached ones are dropped too.
    """
    ContentType.objects.clear_cache()
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root"))
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")


def site_tree_create() -> tuple[HomePage, dict[str, SectionPage]]:
    """A home page with two sections and the newsroom's groups and workflow."""
    wagtail_roots_ensure()
    home = home_page_ensure()
    newsroom_groups_ensure(home=home)
    sections = {
        slug: section_get_or_create(home=home, slug=slug, title=title)
        for slug, title in SECTIONS.items()
    }
    return home, sections


def article_make(
    section: SectionPage,
    *,
    title: str = "В Алматы открыли новую велодорожку вдоль реки",
    slug: str | None = None,
    authors: list[Author] | None = None,
    tags: tuple[str, ...] = ("велосипед", "алматы"),
    published_at: datetime | None = None,
    with_photo: bool = True,
    **fields,
) -> ArticlePage:
    """Create and publish an article with a lead photo, a quote and a body photo."""
    from newsdesk.news.services import article_create

    photo = (
        placeholder_image(title="Велосипедисты на набережной", color="#55708a")
        if with_photo
        else None
    )
    body = [
        ("paragraph", "<p>Дорожка длиной четыре километра соединила два парка.</p>"),
        (
            "quote",
            {
                "text": "Теперь до работы можно доехать без машины",
                "verb": "сказала",
                "speaker": "Жанна Ахметова, жительница района",
            },
        ),
    ]
    if with_photo:
        body.append(
            (
                "photo",
                {
                    "image": photo,
                    "alt_text": "Разметка велодорожки крупным планом",
                    "caption": "Новая разметка.",
                    "credit": "Фото: Newsdesk",
                },
            )
        )
    body.append(("paragraph", "<p>Следующий участок обещают открыть осенью.</p>"))
    defaults = {
        "lede": "Городские власти завершили первый участок сети велодорожек.",
        "lead_image": photo,
        "lead_image_alt": "Велосипедисты едут по новой дорожке" if with_photo else "",
        "lead_image_caption": "Открытие дорожки." if with_photo else "",
        "lead_image_credit": "Фото: Newsdesk" if with_photo else "",
    }
    defaults.update(fields)
    return article_create(
        section=section,
        title=title,
        slug=slug or f"article-{ArticlePage.objects.count() + 1}",
        body=body,
        authors=authors or [AuthorFactory()],
        tags=tags,
        published_at=published_at or timezone.now(),
        **defaults,
    )

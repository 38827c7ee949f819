"""Build the demo newsroom: sections, authors, 35+ original articles and the reference article.

Photos are drawn with Pillow, so nothing is downloaded. Every step looks up what exists
first, so running it again adds only what is missing.
"""

from __future__ import annotations

import logging
import secrets
from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale

from newsdesk.people.models import Author

from . import demo_content
from .images import placeholder_image
from .importers.pages import article_from_plaintext, slug_from_title
from .importers.plaintext import parse_plaintext_page
from .models import ArticlePage, HomePage
from .services import (
    article_create,
    home_page_ensure,
    newsroom_groups_ensure,
    section_get_or_create,
)

logger = logging.getLogger(__name__)

REFERENCE_SECTION = "politics"


def authors_ensure() -> dict[str, Author]:
    """Create the demo authors (with drawn avatars) that do not exist yet."""
    authors = {}
    for data in demo_content.AUTHORS:
        author = Author.objects.filter(slug=data["slug"]).first()
        if author is None:
            author = Author.objects.create(
                slug=data["slug"],
                name=data["name"],
                role=data["role"],
                bio=data["bio"],
                status=data["status"],
                photo=placeholder_image(
                    title=f"Портрет: {data['name']}", color="#6b7b8c", width=400, height=400
                ),
            )
        authors[author.slug] = author
    return authors


def _body_blocks(body: list[tuple[str, object]]) -> list[tuple[str, object]]:
    blocks: list[tuple[str, object]] = []
    for kind, value in body:
        if kind == "paragraph":
            blocks.append(("paragraph", f"<p>{value}</p>"))
        elif kind == "quote":
            blocks.append(("quote", dict(value)))
        elif kind == "image":
            image = placeholder_image(title=value["alt"], color=value["color"])
            blocks.append(
                (
                    "photo",
                    {
                        "image": image,
                        "alt_text": value["alt"],
                        "caption": value["caption"],
                        "credit": value["credit"],
                    },
                )
            )
    return blocks


def demo_articles_ensure(*, home: HomePage, authors: dict[str, Author]) -> int:
    """Create the original demo articles that are missing; return how many were created."""
    sections = {
        data["slug"]: section_get_or_create(
            home=home, slug=data["slug"], title=data["title"], intro=data["intro"]
        )
        for data in demo_content.SECTIONS
    }
    now = timezone.now()
    existing = set(ArticlePage.objects.values_list("slug", flat=True))
    created = 0
    # Oldest first, so the page tree's order matches publication order.
    for data in sorted(demo_content.ARTICLES, key=lambda a: (-a["days_ago"], a["hour"])):
        if data["slug"] in existing:
            continue
        published = timezone.localtime(now - timedelta(days=data["days_ago"])).replace(
            hour=data["hour"], minute=(created * 7) % 60, second=0, microsecond=0
        )
        published = min(published, now - timedelta(minutes=5))
        lead = data["image"]
        source = data.get("source") or {}
        article_create(
            section=sections[data["section"]],
            title=data["headline"],
            slug=data["slug"],
            lede=data["lede"],
            body=_body_blocks(data["body"]),
            authors=[authors[slug] for slug in data["authors"]],
            tags=data["tags"],
            lead_image=placeholder_image(title=lead["alt"], color=lead["color"]),
            lead_image_alt=lead["alt"],
            lead_image_caption=lead["caption"],
            lead_image_credit=lead["credit"],
            source_name=source.get("name", ""),
            source_url=source.get("url", ""),
            published_at=published,
        )
        created += 1
    return created


def reference_article_ensure(*, home: HomePage, seed_path: Path) -> ArticlePage | None:
    """Import the reference page from the seed file when it is there (once)."""
    if not seed_path.exists():
        return None
    text = seed_path.read_text(encoding="utf-8")
    slug = slug_from_title(parse_plaintext_page(text).headline)
    existing = ArticlePage.objects.filter(slug=slug).first()
    if existing:
        return existing
    section = section_get_or_create(home=home, slug=REFERENCE_SECTION, title="Политика")
    return article_from_plaintext(
        text=text,
        section=section,
        slug=slug,
        source_name="primeminister.kz",
        source_url="https://primeminister.kz/",
        tags=["казахстан", "россия", "правительство"],
        published_at=timezone.now() - timedelta(hours=2),
    )


TRANSLATED_SECTION_TITLES = {
    "kk": {
        "Общество": "Қоғам",
        "Культура": "Мәдениет",
        "Город": "Қала",
        "Политика": "Саясат",
        "Экономика": "Экономика",
        "Спорт": "Спорт",
        "Технологии": "Технологиялар",
    },
    "en": {
        "Общество": "Society",
        "Культура": "Culture",
        "Город": "City",
        "Политика": "Politics",
        "Экономика": "Economy",
        "Спорт": "Sport",
        "Технологии": "Technology",
    },
}


def translations_ensure() -> int:
    """Publish the Kazakh and English versions of the translated demo articles.

    Wagtail copies the article with its section and home page into the other language's
    tree, so ``/kk/`` and ``/en/`` get their own front pages. Returns how many were created.
    """
    created = 0
    for slug, versions in demo_content.TRANSLATIONS.items():
        original = ArticlePage.objects.filter(slug=slug, locale=Locale.get_default()).first()
        if original is None:
            continue
        for language, text in versions.items():
            locale, _created = Locale.objects.get_or_create(language_code=language)
            if original.has_translation(locale):
                continue
            translation = original.copy_for_translation(locale, copy_parents=True)
            titles = TRANSLATED_SECTION_TITLES[language]
            for ancestor in translation.get_ancestors().specific().filter(depth__gt=1):
                # Wagtail copies the parents as aliases of the Russian pages; they become
                # pages of their own so that they can carry translated titles.
                if ancestor.alias_of_id:
                    ConvertAliasPageAction(ancestor).execute(skip_permission_checks=True)
                    ancestor = ancestor.specific_class.objects.get(pk=ancestor.pk)
                if ancestor.title in titles:
                    ancestor.title = titles[ancestor.title]
                    ancestor.save_revision().publish()
            translation.title = text["headline"]
            translation.lede = text["lede"]
            translation.body = [("paragraph", f"<p>{p}</p>") for _kind, p in text["body"]]
            translation.save_revision().publish()
            ArticlePage.objects.filter(pk=translation.pk).update(
                first_published_at=original.first_published_at,
                last_published_at=original.first_published_at,
            )
            created += 1
    return created


@transaction.atomic
def demo_load(*, seed_path: Path) -> dict[str, int]:
    """Load the whole demo newsroom; return counts of what was created."""
    home = home_page_ensure()
    newsroom_groups_ensure(home=home)
    authors = authors_ensure()
    created = demo_articles_ensure(home=home, authors=authors)
    reference = reference_article_ensure(home=home, seed_path=seed_path)
    translations_ensure()
    logger.info("Demo content: %s new articles, reference article: %s", created, bool(reference))
    return {"articles_created": created, "reference": int(reference is not None)}


def demo_editor_ensure(*, credentials_path: Path) -> str:
    """Create the demo editor with a random password kept in ``credentials_path``.

    Only for demo mode: a production install never gets an account with a known password.
    Returns the sign-in line that ``make run`` prints.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from .services import EDITORS_GROUP

    if credentials_path.exists():
        return credentials_path.read_text(encoding="utf-8").strip()
    password = secrets.token_urlsafe(12)
    user_model = get_user_model()
    user, _created = user_model.objects.get_or_create(
        username="editor", defaults={"first_name": "Демо", "last_name": "Редактор"}
    )
    user.is_staff = True
    user.is_superuser = True
    user.set_password(password)
    user.save()
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    line = f"login: editor, password: {password}"
    credentials_path.parent.mkdir(parents=True, exist_ok=True)
    credentials_path.write_text(line + "\n", encoding="utf-8")
    credentials_path.chmod(0o600)
    return line

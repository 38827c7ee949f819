"""``load_demo``: the demo newsroom is complete, dated over weeks, and loads only once."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Workflow

from newsdesk.news import demo_content
from newsdesk.news.importers.pages import slug_from_title
from newsdesk.news.models import ArticlePage, SectionPage
from newsdesk.news.services import EDITORS_GROUP, REPORTERS_GROUP, WORKFLOW_NAME
from newsdesk.people.models import Author

pytestmark = pytest.mark.django_db


def test_load_demo_builds_the_newsroom_and_is_idempotent(tmp_path, settings):
    missing_seed = tmp_path / "absent.txt"
    out = StringIO()
    call_command("load_demo", seed=missing_seed, stdout=out)
    assert "skipped (no seed file)" in out.getvalue()

    articles = ArticlePage.objects.live().filter(locale__language_code="ru")
    assert articles.count() == len(demo_content.ARTICLES) >= 30
    assert SectionPage.objects.live().filter(locale__language_code="ru").count() == len(
        demo_content.SECTIONS
    )
    assert Author.objects.filter(status=Author.Status.FORMER).exists()
    dates = sorted(articles.values_list("first_published_at", flat=True))
    assert dates[-1] - dates[0] >= timedelta(days=21)
    assert dates[-1] <= timezone.now()
    assert {a.section.slug for a in articles} == {s["slug"] for s in demo_content.SECTIONS}
    assert all(a.lead_image and a.lead_image_alt for a in articles)
    assert len({author.pk for a in articles for author in a.authors}) >= 3
    assert Group.objects.filter(name__in=[EDITORS_GROUP, REPORTERS_GROUP]).count() == 2
    assert Workflow.objects.filter(name=WORKFLOW_NAME, active=True).exists()
    assert not settings.NEWSDESK_DEMO
    assert not Group.objects.get(name=EDITORS_GROUP).user_set.exists()  # no demo account

    out = StringIO()
    call_command("load_demo", seed=missing_seed, stdout=out)
    assert "0 new articles" in out.getvalue()
    assert articles.count() == len(demo_content.ARTICLES)


def test_demo_mode_creates_an_editor_with_a_random_password(tmp_path, settings):
    settings.NEWSDESK_DEMO = True
    settings.DATA_DIR = tmp_path
    out = StringIO()
    call_command("load_demo", seed=tmp_path / "absent.txt", stdout=out)
    line = (tmp_path / "demo-editor.txt").read_text().strip()
    assert line in out.getvalue()
    password = line.rsplit(" ", 1)[1]
    assert len(password) >= 12
    from django.contrib.auth import authenticate

    assert authenticate(username="editor", password=password) is not None


def test_demo_content_is_consistent():
    section_slugs = {s["slug"] for s in demo_content.SECTIONS}
    author_slugs = {a["slug"] for a in demo_content.AUTHORS}
    slugs = [a["slug"] for a in demo_content.ARTICLES]
    assert len(slugs) == len(set(slugs))
    for article in demo_content.ARTICLES:
        assert article["section"] in section_slugs
        assert set(article["authors"]) <= author_slugs
        assert article["image"]["alt"]


def test_slug_from_title_transliterates_and_cuts_at_a_word():
    assert slug_from_title("Новый сквер в Шымкенте") == "novyy-skver-v-shymkente"
    long_slug = slug_from_title("Очень длинный заголовок " * 6)
    assert len(long_slug) <= 60 and not long_slug.endswith("-")
    assert long_slug.split("-")[-1] in {"ochen", "dlinnyy", "zagolovok"}


def test_translations_get_their_own_language_trees(client, tmp_path):
    call_command("load_demo", seed=tmp_path / "absent.txt", stdout=StringIO())
    for language, section_title in (("kk", "Қоғам"), ("en", "Society")):
        translated = ArticlePage.objects.live().filter(locale__language_code=language)
        assert translated.count() == len(demo_content.TRANSLATIONS)
        front = client.get(f"/{language}/")
        html = front.content.decode()
        assert f'<html lang="{language}">' in html
        assert all(article.title in html for article in translated)
        assert section_title in html

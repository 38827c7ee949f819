"""Every reader page type renders for an anonymous reader with the parts it promises."""

import pytest
from django.template.loader import render_to_string
from django.test import override_settings
from django.urls import reverse

from newsdesk.news.tests.factories import article_make
from newsdesk.news.tests.helpers import assert_in_order
from newsdesk.people.models import Author
from newsdesk.people.tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db


def test_home_shows_lead_story_latest_and_section_blocks(client, site_tree):
    _home, sections = site_tree
    older = article_make(sections["sport"], title="Футбольный клуб сыграл вничью", slug="draw")
    newest = article_make(sections["city"], title="Трамвай вернулся на проспект", slug="tram")
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["lead_article"].pk == newest.pk
    assert [a.pk for a in response.context["latest_articles"]] == [older.pk]
    assert [b["section"].slug for b in response.context["section_blocks"]] == ["city", "sport"]
    assert '<html lang="ru">' in html
    assert "Трамвай вернулся на проспект" in html
    assert 'fetchpriority="high"' in html  # the lead photo is not lazy


def test_section_page_lists_its_articles_and_paginates(client, site_tree):
    _home, sections = site_tree
    for number in range(21):
        article_make(
            sections["city"],
            title=f"Новость города номер {number}",
            slug=f"n{number}",
            with_photo=False,
        )
    article_make(sections["sport"], title="Чужая новость спорта", slug="other", with_photo=False)
    first = client.get("/city/")
    assert first.status_code == 200
    assert len(first.context["page_obj"]) == 20
    assert "Чужая новость спорта" not in first.content.decode()
    assert 'rel="next"' in first.content.decode()
    second = client.get("/city/?page=2")
    assert len(second.context["page_obj"]) == 1
    assert client.get("/city/?page=99").status_code == 200  # the last page, not an error


def test_article_page_shows_parts_in_reference_order(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    author = article.authors[0]
    assert_in_order(
        html,
        [
            'class="author-card"',
            author.name,
            f'<h1 class="article__title">{article.title}</h1>',
            'alt="Велосипедисты едут по новой дорожке"',
            "Открытие дорожки.",
            "Фото: Newsdesk",
            article.lede,
            "Дорожка длиной четыре километра",
            "«Теперь до работы можно доехать без машины»",
            "Жанна Ахметова",
            'alt="Разметка велодорожки крупным планом"',
        ],
    )
    assert html.count('loading="lazy"') >= 1  # the body photo is below the fold
    assert 'srcset="' in html and 'width="' in html and 'height="' in html


def test_former_author_keeps_byline_and_page(client, site_tree):
    _home, sections = site_tree
    former = AuthorFactory(name="Арман Сейтказы", slug="arman", status=Author.Status.FORMER)
    story = article_make(sections["city"], authors=[former], slug="former-story")
    article_html = client.get(story.url).content.decode()
    assert "Арман Сейтказы" in article_html and "Бывший сотрудник" in article_html
    author_page = client.get(reverse("news:author", args=["arman"]))
    assert author_page.status_code == 200
    assert "Бывший сотрудник" in author_page.content.decode()
    assert [a.pk for a in author_page.context["page_obj"]] == [story.pk]


def test_tag_page_lists_tagged_articles(client, site_tree):
    _home, sections = site_tree
    tagged = article_make(sections["city"], slug="tagged", tags=("экология",))
    article_make(sections["city"], slug="untagged", tags=("транспорт",))
    response = client.get(reverse("news:tag", args=["экология"]))
    assert response.status_code == 200
    assert [a.pk for a in response.context["page_obj"]] == [tagged.pk]
    assert client.get(reverse("news:tag", args=["нет-такого"])).status_code == 404


def test_unknown_page_gets_the_site_404(client, site_tree):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()


@override_settings(LANGUAGE_CODE="ru")
def test_500_page_renders_without_database_context():
    html = render_to_string("500.html")
    assert "Ошибка сервера" in html

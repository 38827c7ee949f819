"""The search page: results, filters, pagination and bad input, never a 500."""

from datetime import timedelta

import pytest
from django.utils import timezone

from newsdesk.search.tests.factories import story_make
from tests.html_validation import vnu_errors

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(site_tree):
    _home, sections = site_tree
    now = timezone.now()
    for number in range(12):
        story_make(
            sections["city"],
            title=f"Субботник в парке номер {number}",
            text="Жители вышли на субботник &amp; убрали &lt;листья&gt; у пруда.",
            slug=f"park-{number}",
            published_at=now - timedelta(days=number),
        )
    story_make(sections["sport"], title="Турнир по дружбе", text="Команды играли с дружбой.")
    return sections


def test_results_are_highlighted_and_escaped(client, stories):
    response = client.get("/search/", {"q": "субботника"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Найдено 12 статей" in html
    assert "<mark>Субботник</mark> в парке номер 0" in html
    assert "&amp; убрали &lt;листья&gt;" in html
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]


def test_header_has_a_search_form(client, stories):
    html = client.get("/").content.decode()
    assert 'action="/search/"' in html and 'name="q"' in html


def test_section_filter_and_pagination_keep_the_query(client, stories):
    response = client.get("/search/", {"q": "субботник", "section": "city"})
    html = response.content.decode()
    assert "Страница 1 из 2" in html
    assert (
        'href="?q=%D1%81%D1%83%D0%B1%D0%B1%D0%BE%D1%82%D0%BD%D0%B8%D0%BA&amp;section=city&amp;page=2"'
        in html
    )
    second = client.get("/search/", {"q": "субботник", "section": "city", "page": "2"})
    assert second.status_code == 200
    assert second.content.decode().count('class="search-result"') == 2
    sport = client.get("/search/", {"q": "субботник", "section": "sport"})
    assert "ничего не найдено" in sport.content.decode()


def test_empty_query_shows_the_form(client, stories):
    for params in ({}, {"q": ""}, {"q": "   "}):
        response = client.get("/search/", params)
        assert response.status_code == 200
        assert 'class="search-form"' in response.content.decode()


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"q": "а" * 201}, "не более 200"),
        ({"q": "!!! ??? ..."}, "только знаки препинания"),
        ({"q": "парк", "page": "abc"}, "целое число"),
        ({"q": "парк", "page": "0"}, "больше либо равно 1"),
        ({"q": "парк", "page": "99999999999999999999"}, "меньше либо равно"),
        ({"q": "парк", "section": "no-such"}, "Выберите корректный вариант"),
        ({"q": "парк", "date_from": "2026-13-45"}, "Введите правильную дату"),
        ({"q": "парк", "date_from": "2026-06-02", "date_to": "2026-06-01"}, "позже"),
    ],
)
def test_bad_input_answers_400_with_a_reason(client, stories, params, reason):
    response = client.get("/search/", params)
    assert response.status_code == 400
    assert reason in response.content.decode()
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize(
    "query",
    ['"субботник', "субботник*", "(парк)", "парк NEAR пруд", "q:парк", "AND", "' OR 1=1 --"],
)
def test_fts_syntax_characters_never_break_the_page(client, stories, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200


def test_page_past_the_end_is_404_with_a_link_back(client, stories):
    response = client.get("/search/", {"q": "субботник", "page": "5"})
    assert response.status_code == 404
    assert "Перейти на первую страницу" in response.content.decode()


def test_unknown_parameters_are_ignored(client, stories):
    response = client.get("/search/", {"q": "дружба", "colour": "red"})
    assert response.status_code == 200
    assert "Найдена 1 статья" in response.content.decode()


def test_post_is_not_allowed(client, stories):
    assert client.post("/search/", {"q": "парк"}).status_code == 405


def test_search_pages_are_valid_html(client, stories, tmp_path):
    pages = {
        "empty": client.get("/search/").content.decode(),
        "results": client.get("/search/", {"q": "субботник", "page": "2"}).content.decode(),
        "none": client.get("/search/", {"q": "вулкан"}).content.decode(),
        "error": client.get("/search/", {"q": "парк", "page": "x"}).content.decode(),
        "beyond": client.get("/search/", {"q": "парк", "page": "9"}).content.decode(),
    }
    assert vnu_errors(pages, tmp_path) == []

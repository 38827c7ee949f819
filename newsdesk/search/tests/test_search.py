"""Search finds word forms, ranks well and follows the site, on SQLite and PostgreSQL."""

from datetime import date, datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from newsdesk.news.tests.factories import article_make
from newsdesk.search.models import SearchDocument
from newsdesk.search.selectors import SearchInputError, search_articles
from newsdesk.search.tests.factories import story_make

pytestmark = pytest.mark.django_db


def found(query: str, **kwargs) -> list[str]:
    return [hit.title for hit in search_articles(query=query, **kwargs).hits]


@pytest.fixture
def sections(site_tree):
    return site_tree[1]


@pytest.mark.parametrize(
    ("query", "text", "title"),
    [
        ("дружба", "Вечер прошёл под знаком дружбой скреплённых соседей.", "Соседи собрались"),
        ("Казахстан", "Команда вернулась в Казахстан с медалями.", "Сборная дома"),
        ("Казахстан", "Гости восхищались Казахстаном и его степью.", "Туристы в степи"),
        ("Мишустина", "Делегацию принял Мишустин в понедельник.", "Приём делегации"),
    ],
)
def test_word_forms_find_each_other(sections, query, text, title):
    story_make(sections["city"], title=title, text=text)
    story_make(sections["city"], title="Посторонняя заметка", text="Ничего общего с запросом.")
    assert found(query) == [title]


def test_kazakh_article_is_found_by_its_exact_word(sections):
    kazakh = Locale.objects.create(language_code="kk")
    article = story_make(
        sections["city"], title="Жаңа мектеп ашылды", text="Ауылда жаңа мектеп салынды."
    )
    article.locale = kazakh
    article.save()
    article.save_revision().publish()
    assert found("мектеп") == ["Жаңа мектеп ашылды"]
    assert found("мектеп", locale=kazakh) == ["Жаңа мектеп ашылды"]
    assert found("мектеп", locale=Locale.get_default()) == []
    assert found("мектептер") == []


def test_headline_match_ranks_above_body_match(sections):
    now = timezone.now()
    story_make(
        sections["city"],
        title="Новости транспорта",
        text="В городе обновили трамваи на линии.",
        published_at=now,
    )
    story_make(
        sections["city"],
        title="Трамвай вышел на линию",
        text="Пассажиры оценили новый маршрут.",
        published_at=now - timedelta(days=30),
    )
    assert found("трамвай") == ["Трамвай вышел на линию", "Новости транспорта"]


def test_fresher_article_ranks_first_among_equals(sections):
    now = timezone.now()
    for days, slug in ((5, "old"), (1, "new"), (3, "mid")):
        story_make(
            sections["city"],
            title="Фестиваль уличной еды",
            text="Повара со всей области.",
            slug=slug,
            published_at=now - timedelta(days=days),
        )
    results = search_articles(query="фестиваль")
    assert [hit.url.rstrip("/").rsplit("/", 1)[-1] for hit in results.hits] == ["new", "mid", "old"]


def test_drafts_are_never_found(sections):
    from newsdesk.news.models import ArticlePage

    article_make(sections["city"], title="Черновик о водопроводе", slug="draft", publish=False)
    assert found("водопровод") == []
    live = story_make(sections["city"], title="Ремонт водопровода", slug="live")
    # A draft revision of a live article does not reach the index until it is published.
    live.title = "Ремонт водопровода отложили"
    live.save_revision()
    assert found("водопровод") == ["Ремонт водопровода"]
    assert found("отложить") == []
    assert not ArticlePage.objects.get(slug="draft").live


def test_index_follows_publish_edit_unpublish_and_delete(sections):
    article = story_make(sections["city"], title="Открытие катка", text="Каток зальют к декабрю.")
    assert found("каток") == ["Открытие катка"]

    article.title = "Каток откроют позже"
    article.save_revision().publish()
    assert found("каток") == ["Каток откроют позже"]
    assert found("открытие") == []

    article.unpublish()
    assert found("каток") == []
    assert not SearchDocument.objects.filter(page_id=article.pk).exists()

    article.save_revision().publish()
    assert found("каток") == ["Каток откроют позже"]
    article.delete()
    assert found("каток") == []
    assert SearchDocument.objects.count() == 0


def test_private_article_is_not_found(sections):
    article = story_make(sections["city"], title="Закрытое совещание")
    assert found("совещание") == ["Закрытое совещание"]
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.LOGIN
    )
    assert found("совещание") == []
    restriction.delete()
    assert found("совещание") == ["Закрытое совещание"]


def test_reindex_command_rebuilds_the_index(sections):
    story_make(sections["city"], title="Новый сквер у вокзала")
    story_make(sections["sport"], title="Сквер для скейтбордистов")
    SearchDocument.objects.all().delete()
    assert found("сквер") == []
    call_command("search_reindex", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert sorted(found("сквер")) == ["Новый сквер у вокзала", "Сквер для скейтбордистов"]


def test_section_and_date_filters(sections):
    tz = timezone.get_current_timezone()
    story_make(
        sections["city"],
        title="Марафон в городе",
        slug="city-run",
        published_at=datetime(2026, 5, 10, 9, 0, tzinfo=tz),
    )
    story_make(
        sections["sport"],
        title="Марафон собрал бегунов",
        slug="sport-run",
        published_at=datetime(2026, 6, 1, 0, 30, tzinfo=tz),
    )
    assert found("марафон", section_slug="city") == ["Марафон в городе"]
    assert found("марафон", date_from=date(2026, 6, 1)) == ["Марафон собрал бегунов"]
    assert found("марафон", date_to=date(2026, 5, 31)) == ["Марафон в городе"]
    assert found("марафон", date_from=date(2026, 5, 10), date_to=date(2026, 5, 10)) == [
        "Марафон в городе"
    ]
    with pytest.raises(SearchInputError):
        search_articles(query="марафон", section_slug="no-such-section")
    with pytest.raises(SearchInputError):
        search_articles(query="марафон", date_from=date(2026, 6, 2), date_to=date(2026, 6, 1))


def test_all_words_must_match_and_snippets_mark_matched_forms(sections):
    story_make(
        sections["city"],
        title="Мост через реку",
        text="Строители закончили мосты. Движение по мостам <b>откроют</b> в мае & июне.",
    )
    story_make(sections["city"], title="Мост в парке")
    results = search_articles(query="мост движение")
    assert [hit.title for hit in results.hits] == ["Мост через реку"]
    hit = results.hits[0]
    assert hit.headline_html == "<mark>Мост</mark> через реку"
    assert "<mark>мосты</mark>" in hit.snippet_html
    assert "<mark>Движение</mark>" in hit.snippet_html
    assert "&amp; июне" in hit.snippet_html


def test_pagination(sections):
    now = timezone.now()
    for number in range(25):
        story_make(
            sections["city"],
            title=f"Выставка картин номер {number}",
            slug=f"show-{number}",
            published_at=now - timedelta(hours=number),
        )
    first = search_articles(query="выставка", per_page=10)
    third = search_articles(query="выставка", per_page=10, page=3)
    beyond = search_articles(query="выставка", per_page=10, page=4)
    assert (first.total, first.num_pages, len(first.hits)) == (25, 3, 10)
    assert first.hits[0].title == "Выставка картин номер 0"
    assert [hit.title for hit in third.hits][-1] == "Выставка картин номер 24"
    assert len(third.hits) == 5 and not third.has_next and third.has_previous
    assert beyond.hits == [] and beyond.total == 25


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "!!! ... ---",
        '" * ( ) :',
        "а" * 201,
        " ".join(["слово"] * 3 + list("абвгдежзийклм")),
    ],
)
def test_bad_queries_raise_a_readable_error(sections, query):
    with pytest.raises(SearchInputError) as error:
        search_articles(query=query)
    assert str(error.value)


@pytest.mark.parametrize(
    "query", ['"дружба', "дружба*", "(дружба", "дружба NEAR город", "title:дружба", "AND OR NOT"]
)
def test_fts_syntax_is_searched_as_plain_words(sections, query):
    story_make(sections["city"], title="Дружба народов", text="Город отметил праздник.")
    results = search_articles(query=query)
    assert results.total >= 0


def test_lede_match_ranks_between_headline_and_body(sections):
    now = timezone.now()
    story_make(
        sections["city"],
        title="Заметка",
        text="Про библиотеку в тексте.",
        slug="b",
        published_at=now,
    )
    story_make(
        sections["city"],
        title="Заметка",
        lede="Библиотека продлила часы.",
        slug="l",
        published_at=now - timedelta(days=1),
    )
    story_make(
        sections["city"],
        title="Библиотека открылась",
        slug="h",
        published_at=now - timedelta(days=2),
    )
    results = search_articles(query="библиотеки")
    assert [hit.url.rstrip("/").rsplit("/", 1)[-1] for hit in results.hits] == ["h", "l", "b"]
    second = search_articles(query="библиотеки", per_page=2, page=2)
    assert [hit.url.rstrip("/").rsplit("/", 1)[-1] for hit in second.hits] == ["b"]


def test_counting_stops_at_the_limit(sections, monkeypatch, client):
    from newsdesk.search import selectors
    from newsdesk.search.backends import postgres, sqlite

    for module in (selectors, sqlite, postgres):
        monkeypatch.setattr(module, "COUNT_LIMIT", 3)
    for number in range(5):
        story_make(sections["city"], title=f"Ярмарка мёда {number}", slug=f"fair-{number}")
    first = search_articles(query="ярмарка", per_page=2)
    assert (first.total, first.total_capped, first.num_pages) == (3, True, 2)
    last = search_articles(query="ярмарка", per_page=2, page=2)
    assert len(last.hits) == 1
    html = client.get("/search/", {"q": "ярмарка"}).content.decode()
    assert "найдено более 3 статей" in html

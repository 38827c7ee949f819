"""The lexicon answers queries as pymorphy3 would, without the web process loading it."""

import importlib

import pytest

from newsdesk.search import text
from newsdesk.search.lexicon import (
    forms_of,
    lemmas_of,
    lexicon_clear,
    lexicon_extend,
    query_alternatives,
)
from newsdesk.search.models import LexiconLemma, WordForm
from newsdesk.search.selectors import search_articles
from newsdesk.search.tests.factories import story_make

pytestmark = pytest.mark.django_db

# Written for these tests: nouns, a surname, verbs with participles, a homonym («стали»).
SAMPLE = (
    "Горожане стали чаще ездить на работу по новым велодорожкам, сообщил Ерлан Сапаров. "
    "Дружбой соседей гордится весь район, а сталь для мостов привезли из Темиртау."
)


def test_query_alternatives_keep_the_form_as_written():
    lexicon_extend(["Дружба народов и Казахстан"])
    assert query_alternatives("дружбой дружбой Казахстан") == [
        ("дружба", "дружбой"),
        ("казахстан",),
    ]


def test_query_of_punctuation_and_operators_has_plain_words_only():
    assert query_alternatives('" * ( ) : ') == []
    assert query_alternatives("NEAR AND") == [("near",), ("and",)]


def test_a_form_no_article_uses_still_finds_its_lemma():
    lexicon_extend(["Дружбой соседей гордится район"])
    assert lemmas_of(["дружбе", "дружбу", "гордились"]) == {
        "дружбе": "дружба",
        "дружбу": "дружба",
        "гордились": "гордиться",
    }


def test_a_word_outside_the_lexicon_is_searched_as_written():
    assert query_alternatives("велодорожками") == [("велодорожками",)]


def test_every_word_and_every_form_of_its_lemma_gets_pymorphys_lemma():
    lexicon_extend([SAMPLE])
    expected = {}
    for word in text.words(SAMPLE):
        for form in text.paradigm(word) if text.has_morphology(word) else {word}:
            expected[form] = text.lemma(form)
    assert lemmas_of(expected) == expected


def test_forms_of_a_lemma_are_what_highlighting_marks():
    lexicon_extend(["Дружбой соседей гордится район"])
    forms = forms_of({"дружба"})
    assert {"дружбой", "дружбе", "дружбу", "дружбы"} <= forms
    assert "дружба" not in forms
    assert "соседей" not in forms


def test_each_lemma_is_inflected_once_and_plain_words_are_not_stored():
    assert lexicon_extend(["Дружбой соседей"]) == 2
    assert lexicon_extend(["дружбе соседа"]) == 0
    lexicon_extend(["Almaty 2026 мектептер"])
    assert not WordForm.objects.filter(form__in=["almaty", "2026", "мектептер"]).exists()
    assert not WordForm.objects.filter(form="дружба").exists()  # its own lemma: no row
    lexicon_clear()
    assert not WordForm.objects.exists() and not LexiconLemma.objects.exists()


def test_searching_never_loads_the_analyser(site_tree, monkeypatch):
    story_make(site_tree[1]["city"], title="Соседи", text="Вечер прошёл под знаком дружбой.")

    def refuse():
        raise AssertionError("a search loaded pymorphy3")

    monkeypatch.setattr(text, "_morph", refuse)
    text.lemma.cache_clear()
    results = search_articles(query="дружбе")
    assert [hit.title for hit in results.hits] == ["Соседи"]
    assert "<mark>дружбой</mark>" in results.hits[0].snippet_html


def test_the_migration_fills_the_lexicon_for_articles_indexed_before_it(site_tree):
    from django.apps import apps

    migration = importlib.import_module("newsdesk.search.migrations.0003_lexicon")
    story_make(site_tree[1]["city"], title="Соседи", text="Вечер прошёл под знаком дружбой.")
    lexicon_clear()
    assert lemmas_of(["дружбе"]) == {"дружбе": "дружбе"}
    migration.lexicon_fill(apps, None)
    assert lemmas_of(["дружбе"]) == {"дружбе": "дружба"}

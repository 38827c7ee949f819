from newsdesk.search.text import index_terms, lemmas, query_alternatives


def test_lemmas_reduce_russian_word_forms():
    assert lemmas("Дружбой, Казахстаном и Мишустина!") == ["дружба", "казахстан", "и", "мишустин"]


def test_yo_is_folded_and_latin_words_kept():
    assert lemmas("Ёлки Almaty") == ["елка", "almaty"]


def test_kazakh_text_is_indexed_by_exact_lowercase_words():
    assert index_terms("Бағдарлама Алматыда басталды", language_code="kk") == [
        "бағдарлама",
        "алматыда",
        "басталды",
    ]


def test_query_alternatives_keep_the_form_as_written():
    assert query_alternatives("дружбой дружбой Казахстан") == [
        ("дружба", "дружбой"),
        ("казахстан",),
    ]


def test_query_of_punctuation_and_operators_has_plain_words_only():
    assert query_alternatives('" * ( ) : ') == []
    assert query_alternatives("NEAR AND") == [("near",), ("and",)]

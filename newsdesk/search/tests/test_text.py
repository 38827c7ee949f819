from newsdesk.search.text import index_terms, lemmas, paradigm


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


def test_paradigm_holds_every_form_of_the_lemma():
    forms = paradigm("дружбой")
    assert {"дружба", "дружбы", "дружбе", "дружбу", "дружбой", "дружбою"} <= forms
    assert {"идти", "иду", "шел", "шедший"} <= paradigm("шла")

"""The lexicon: word forms and their lemmas, kept in the database by the indexer.

Why: pymorphy3's dictionaries cost ~20 MB in every process that loads them. Only the indexer
(the task worker) loads them. For each article it indexes, it records every word whose lemma
differs from it, and, once per new lemma, every form of that lemma (``WordForm``). A web
process then needs two indexed lookups per search instead of the dictionaries:

- ``query_alternatives``: a query word is its lexicon lemma, or itself when it has none;
- ``forms_of``: every recorded form of the query's lemmas, which the snippets highlight.

Both give what pymorphy3 itself would for every word of the indexed articles and every form
of their lemmas. A query word outside all of those has no article to find by its lemma, so
it is searched as written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db import transaction

from .models import LexiconLemma, WordForm
from .text import has_morphology, words

# Rows per IN (...) lookup: well under SQLite's limit on query parameters.
LOOKUP_CHUNK = 500
# Forms longer than this are not recorded (the column's length; queries are ≤ 200 chars).
FORM_MAX_LENGTH = 200


def _rows_where(model, field: str, values: Iterable[str], *columns: str) -> Iterator[tuple]:
    """``columns`` of the rows whose ``field`` is one of ``values``, asked for in chunks."""
    wanted = sorted(set(values))
    for start in range(0, len(wanted), LOOKUP_CHUNK):
        chunk = wanted[start : start + LOOKUP_CHUNK]
        yield from model.objects.filter(**{f"{field}__in": chunk}).values_list(*columns)


def lemmas_of(forms: Iterable[str]) -> dict[str, str]:
    """Each given lowercase word mapped to its lemma; a word without an entry is its own."""
    wanted = set(forms)
    found = dict(_rows_where(WordForm, "form", wanted, "form", "lemma"))
    return {form: found.get(form, form) for form in sorted(wanted)}


def forms_of(lemmas: Iterable[str]) -> frozenset[str]:
    """Every recorded form whose lemma is one of these (the lemmas themselves not included)."""
    return frozenset(form for (form,) in _rows_where(WordForm, "lemma", lemmas, "form"))


def query_alternatives(text: str) -> list[tuple[str, ...]]:
    """Each distinct query word as the terms that may match it: its lemma and its form.

    ``[("казахстан",), ("дружба", "дружбой")]`` means «казахстан AND (дружба OR дружбой)».
    The form as written is kept for Kazakh articles, which are indexed by exact words.
    """
    distinct = list(dict.fromkeys(words(text)))
    lemma_of = lemmas_of(distinct)
    groups = []
    for word in distinct:
        base = lemma_of[word]
        groups.append((base,) if base == word else (base, word))
    return groups


def lexicon_extend(texts: Iterable[str]) -> int:
    """Record the words of these texts and every form of their new lemmas (indexer only).

    Loads pymorphy3. Returns how many lemmas were new. Rows only ever get added: a form's
    lemma is what pymorphy3 says of the form alone, the same whichever article brought it.
    """
    from .text import lemma, paradigm

    candidates = {
        word
        for text in texts
        for word in words(text)
        if len(word) <= FORM_MAX_LENGTH and has_morphology(word)
    }
    lemma_of = {word: lemma(word) for word in candidates}
    known = {base for (base,) in _rows_where(LexiconLemma, "lemma", lemma_of.values(), "lemma")}
    rows = {word: base for word, base in lemma_of.items() if base != word}
    new_lemmas: set[str] = set()
    for word, base in sorted(lemma_of.items()):
        if base in known or base in new_lemmas:
            continue
        new_lemmas.add(base)
        for form in paradigm(word):
            form_lemma = lemma(form)
            if form_lemma != form and len(form) <= FORM_MAX_LENGTH:
                rows[form] = form_lemma
    with transaction.atomic():
        WordForm.objects.bulk_create(
            [WordForm(form=form, lemma=base) for form, base in rows.items()],
            ignore_conflicts=True,
            batch_size=LOOKUP_CHUNK,
        )
        LexiconLemma.objects.bulk_create(
            [LexiconLemma(lemma=base) for base in new_lemmas if len(base) <= FORM_MAX_LENGTH],
            ignore_conflicts=True,
            batch_size=LOOKUP_CHUNK,
        )
    return len(new_lemmas)


def lexicon_clear() -> None:
    """Forget every recorded form (a full reindex records them again)."""
    WordForm.objects.all().delete()
    LexiconLemma.objects.all().delete()

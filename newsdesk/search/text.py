"""Words and lemmas: what the index stores, computed by the indexer with pymorphy3.

Russian (and any Cyrillic word without Kazakh letters) is reduced to its dictionary form with
pymorphy3, so «дружбой» and «дружба» both become ``дружба``. Kazakh has no morphology here:
Kazakh articles are indexed by their lowercase words.

Only the indexer (the task worker) calls ``lemma`` and ``paradigm``: it also records every
form it meets in the lexicon (``lexicon.py``), from which web processes answer queries
without loading pymorphy3's dictionaries.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

WORD_RE = re.compile(r"[^\W_]+")
KAZAKH_LETTERS = frozenset("әғқңөұүһі")
CYRILLIC_RE = re.compile(r"[а-яё]")
# Languages whose articles are indexed by exact words rather than lemmas.
EXACT_WORD_LANGUAGES = frozenset({"kk"})

_analyzer = None
_analyzer_lock = threading.Lock()


def _morph():
    """The pymorphy3 analyser, loaded once (its dictionaries take ~20 MB and ~0.3 s)."""
    global _analyzer
    if _analyzer is None:
        with _analyzer_lock:
            if _analyzer is None:
                import pymorphy3

                _analyzer = pymorphy3.MorphAnalyzer(lang="ru")
    return _analyzer


def words(text: str) -> list[str]:
    """The text's words, lowercased, with «ё» folded into «е» as readers type it."""
    return [word.replace("ё", "е") for word in WORD_RE.findall(text.lower())]


def has_morphology(word: str) -> bool:
    """Whether a lowercase word is analysed (Cyrillic without Kazakh letters) or kept as is."""
    return bool(CYRILLIC_RE.search(word)) and not KAZAKH_LETTERS.intersection(word)


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of one lowercase word; non-Russian words are returned as they are."""
    if not has_morphology(word):
        return word
    return _morph().parse(word)[0].normal_form.replace("ё", "е")


def paradigm(word: str) -> set[str]:
    """Every form of the word's lemma that pymorphy3 knows, «ё» folded, the word included.

    Both the word's own inflection and every dictionary entry of its lemma are taken, so a
    reader's form finds the article even where the two entries differ (guessed words).
    """
    morph = _morph()
    best = morph.parse(word)[0]
    parses = [
        best,
        *(p for p in morph.parse(best.normal_form) if p.normal_form == best.normal_form),
    ]
    return {word, *(form.word.replace("ё", "е") for p in parses for form in p.lexeme)}


def lemmas(text: str) -> list[str]:
    """The lemma of every word of the text, in order (repeats kept: they count in ranking)."""
    return [lemma(word) for word in words(text)]


def index_terms(text: str, *, language_code: str) -> list[str]:
    """What the index stores for a text in a language: lemmas, or exact words for Kazakh."""
    if language_code in EXACT_WORD_LANGUAGES:
        return words(text)
    return lemmas(text)

"""Words and lemmas: what the index stores and what a query is turned into.

Russian (and any Cyrillic word without Kazakh letters) is reduced to its dictionary form with
pymorphy3, so «дружбой» and «дружба» both become ``дружба``. Kazakh has no morphology here:
Kazakh articles are indexed by their lowercase words. A query word is looked up both as its
lemma and as written, so one query finds Russian and Kazakh articles alike.
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
    """The pymorphy3 analyser, loaded once (its dictionaries take ~15 MB and ~0.3 s)."""
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


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of one lowercase word; non-Russian words are returned as they are."""
    if not CYRILLIC_RE.search(word) or KAZAKH_LETTERS.intersection(word):
        return word
    return _morph().parse(word)[0].normal_form.replace("ё", "е")


def lemmas(text: str) -> list[str]:
    """The lemma of every word of the text, in order (repeats kept: they count in ranking)."""
    return [lemma(word) for word in words(text)]


def index_terms(text: str, *, language_code: str) -> list[str]:
    """What the index stores for a text in a language: lemmas, or exact words for Kazakh."""
    if language_code in EXACT_WORD_LANGUAGES:
        return words(text)
    return lemmas(text)


def query_alternatives(text: str) -> list[tuple[str, ...]]:
    """Each distinct query word as the terms that may match it: its lemma and its form.

    ``[("казахстан",), ("дружба", "дружбой")]`` means «казахстан AND (дружба OR дружбой)».
    """
    seen: set[str] = set()
    groups = []
    for word in words(text):
        if word in seen:
            continue
        seen.add(word)
        base = lemma(word)
        groups.append((base,) if base == word else (base, word))
    return groups

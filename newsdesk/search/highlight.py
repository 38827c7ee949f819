"""Highlighted headlines and snippets built from the stored text around matched words.

A word is highlighted when it is one of the given words: the caller passes the query's terms
and every form of their lemmas (``lexicon.forms_of``). Everything is HTML-escaped first; only
the ``<mark>`` tags are ours.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .text import WORD_RE

SNIPPET_WORDS = 32


def _matches(word: str, terms: frozenset[str]) -> bool:
    return word.lower().replace("ё", "е") in terms


def _render(text: str, spans: Iterable[tuple[int, int]], start: int, end: int) -> str:
    out, position = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        out.append(escape(text[position:span_start]))
        out.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    out.append(escape(text[position:end]))
    return "".join(out)


def highlight(text: str, terms: frozenset[str]) -> SafeString:
    """The whole text, escaped, with the words in ``terms`` (lowercase, «ё» as «е») marked."""
    spans = [m.span() for m in WORD_RE.finditer(text) if _matches(m.group(), terms)]
    return mark_safe(_render(text, spans, 0, len(text)))  # noqa: S308 - escaped in _render


def snippet(texts: Iterable[str], terms: frozenset[str]) -> SafeString:
    """About ``SNIPPET_WORDS`` words around the densest cluster of matches, with ellipses.

    The texts (lede, then body) are tried in order; without any match the lede's start is
    shown, so a result always says what the article is about.
    """
    texts = [text for text in texts if text]
    for text in texts:
        found = list(WORD_RE.finditer(text))
        hits = [index for index, m in enumerate(found) if _matches(m.group(), terms)]
        if not hits:
            continue
        # The window that holds the most matches, starting a few words before one of them.
        best_first, best_count = hits[0], 0
        for hit in hits:
            first = max(0, hit - 4)
            count = sum(1 for other in hits if first <= other < first + SNIPPET_WORDS)
            if count > best_count:
                best_first, best_count = first, count
        last = min(len(found), best_first + SNIPPET_WORDS) - 1
        start = found[best_first].start() if best_first > 0 else 0
        end = found[last].end() if last < len(found) - 1 else len(text)
        spans = [found[index].span() for index in hits]
        body = _render(text, spans, start, end)
        prefix = "… " if start > 0 else ""
        suffix = " …" if end < len(text) else ""
        return mark_safe(prefix + body + suffix)  # noqa: S308 - escaped in _render
    if not texts:
        return mark_safe("")
    found = list(WORD_RE.finditer(texts[0]))
    if len(found) <= SNIPPET_WORDS:
        return mark_safe(escape(texts[0]))  # noqa: S308
    end = found[SNIPPET_WORDS - 1].end()
    return mark_safe(escape(texts[0][:end]) + " …")  # noqa: S308

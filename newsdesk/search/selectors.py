"""Reads of the search index.

Public entry point (used by the search page and the JSON API)::

    search_articles(*, query, section_slug=None, date_from=None, date_to=None, locale=None,
                    page=1, per_page=10) -> SearchResults

- ``query``: what the reader typed. Words become lemmas (looked up in the lexicon that the
  indexer fills with pymorphy3), so «дружба» finds «дружбой»; Kazakh words match exactly.
  All words must match.
- ``section_slug``: only articles filed in sections with this slug (in ``locale`` if given).
- ``date_from`` / ``date_to``: ``datetime.date``, inclusive, in the newsroom's time zone.
- ``locale``: a ``wagtail.models.Locale``; ``None`` searches every language.
- ``page`` (from 1) and ``per_page`` (1–50) choose the page of results.

Results are only live, public articles, best first: headline matches above lede above body
matches, fresher first among equals. Counting stops at 1,000 (``total_capped`` is then
true, and only the first 1,000 results can be paged through). Bad input raises ``SearchInputError`` whose message is a
translated sentence a reader can act on (views answer 400 with it); asking for a page past the
end returns an empty page with the true ``total``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from wagtail.models import Locale

from newsdesk.news.models import SectionPage

from .backends import SearchFilters, get_backend
from .backends.base import COUNT_LIMIT
from .highlight import highlight, snippet
from .lexicon import forms_of, query_alternatives
from .models import SearchDocument

QUERY_MAX_LENGTH = 200
QUERY_MAX_WORDS = 12
PER_PAGE_MAX = 50
PAGE_MAX = 100


class SearchInputError(ValueError):
    """A query or filter the search cannot answer; ``str()`` is the reader-facing reason."""


@dataclass(frozen=True)
class SearchHit:
    """One found article, ready to show."""

    page_id: int
    title: str
    url: str
    section_title: str
    published_at: datetime
    language_code: str
    headline_html: SafeString
    snippet_html: SafeString


@dataclass(frozen=True)
class SearchResults:
    """One page of results and what is needed to page through them."""

    query: str
    total: int
    page: int
    per_page: int
    hits: list[SearchHit] = field(default_factory=list)
    # True when more than ``total`` articles match: counting stops at COUNT_LIMIT.
    total_capped: bool = False

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def start_index(self) -> int:
        """The 1-based position of the first hit on this page."""
        return (self.page - 1) * self.per_page + 1


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def query_clean(query: str) -> list[tuple[str, ...]]:
    """Validate a query and return its term groups, or raise ``SearchInputError``."""
    query = (query or "").strip()
    if not query:
        raise SearchInputError(_("Type one or more words to search for."))
    if len(query) > QUERY_MAX_LENGTH:
        raise SearchInputError(
            _("The query is too long: at most %(max)d characters.") % {"max": QUERY_MAX_LENGTH}
        )
    groups = query_alternatives(query)
    if not groups:
        raise SearchInputError(_("The query has no words to search for, only punctuation."))
    if len(groups) > QUERY_MAX_WORDS:
        raise SearchInputError(
            _("The query has too many words: at most %(max)d.") % {"max": QUERY_MAX_WORDS}
        )
    return groups


def search_articles(
    *,
    query: str,
    section_slug: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    locale: Locale | None = None,
    page: int = 1,
    per_page: int = 10,
) -> SearchResults:
    """Search live, public articles; see the module docstring for the parameters."""
    groups = query_clean(query)
    if not 1 <= page <= PAGE_MAX:
        raise SearchInputError(
            _("The page number must be between 1 and %(max)d.") % {"max": PAGE_MAX}
        )
    if not 1 <= per_page <= PER_PAGE_MAX:
        raise SearchInputError(
            _("The page size must be between 1 and %(max)d.") % {"max": PER_PAGE_MAX}
        )
    if date_from and date_to and date_from > date_to:
        raise SearchInputError(_("The start date is after the end date."))
    section_ids = None
    if section_slug:
        sections = SectionPage.objects.live().filter(slug=section_slug)
        if locale is not None:
            sections = sections.filter(locale=locale)
        section_ids = tuple(sections.values_list("pk", flat=True))
        if not section_ids:
            raise SearchInputError(_("There is no such section."))
    filters = SearchFilters(
        locale_id=locale.pk if locale is not None else None,
        section_ids=section_ids,
        start=_day_start(date_from) if date_from else None,
        end=_day_start(date_to + timedelta(days=1)) if date_to else None,
    )
    offset = (page - 1) * per_page
    total, page_ids = get_backend().search(
        groups, filters, offset=offset, limit=min(per_page, max(0, COUNT_LIMIT - offset))
    )
    total_capped = total > COUNT_LIMIT
    total = min(total, COUNT_LIMIT)
    documents = SearchDocument.objects.select_related("locale").in_bulk(page_ids)
    terms = frozenset(term for group in groups for term in group)
    if page_ids:
        terms |= forms_of(terms)
    hits = [
        SearchHit(
            page_id=document.page_id,
            title=document.title,
            url=document.url,
            section_title=document.section_title,
            published_at=document.published_at,
            language_code=document.locale.language_code,
            headline_html=highlight(document.title, terms),
            snippet_html=snippet([document.lede, document.body_text], terms),
        )
        for page_id in page_ids
        if (document := documents.get(page_id)) is not None
    ]
    return SearchResults(
        query=query.strip(),
        total=total,
        page=page,
        per_page=per_page,
        hits=hits,
        total_capped=total_capped,
    )

"""What a full-text backend must do."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from . import SearchFilters


# Low bits of a rank key hold the page id, so keys are unique and sort like
# (published_at, page_id).
RANK_KEY_PAGE_BITS = 24
TIERS = 3
# Counting stops here: a reader cannot page past it, and counting every one of 95,000
# matches costs PostgreSQL a visit to every matching row.
COUNT_LIMIT = 1000


def rank_key(*, published_at: datetime, page_id: int) -> int:
    """An integer that sorts documents by publication time, then page id."""
    return (int(published_at.timestamp()) << RANK_KEY_PAGE_BITS) | (
        page_id & ((1 << RANK_KEY_PAGE_BITS) - 1)
    )


def tiered_page(
    fetch_tier: Callable[[int, int], list[int]], *, offset: int, limit: int
) -> list[int]:
    """One page of results ranked by tier, then freshness, without sorting all matches.

    Tier 0: every query word is in the headline; tier 1: in headline and lede; tier 2: the
    rest. ``fetch_tier(tier, n)`` returns up to ``n`` page ids of one tier, newest first;
    the work is bounded by ``offset + limit`` rows per tier, however many articles match.
    """
    collected: list[int] = []
    for tier in range(TIERS):
        wanted = offset + limit - len(collected)
        if wanted <= 0:
            break
        collected.extend(fetch_tier(tier, wanted))
    return collected[offset : offset + limit]


@dataclass(frozen=True)
class IndexRow:
    """The index terms of one document (space-separated lemmas or words per field)."""

    page_id: int
    rank_key: int
    locale_id: int
    section_id: int | None
    published_at: datetime
    headline: str
    lede: str
    body: str


class SearchBackend(Protocol):
    """Writes terms for documents already saved as ``SearchDocument`` and searches them."""

    def write(self, rows: Iterable[IndexRow]) -> None:
        """Store (or replace) the terms of these documents."""

    def delete(self, page_ids: Sequence[int]) -> None:
        """Forget these documents."""

    def clear(self) -> None:
        """Forget every document (before a full reindex)."""

    def search(
        self,
        groups: Sequence[tuple[str, ...]],
        filters: SearchFilters,
        *,
        offset: int,
        limit: int,
    ) -> tuple[int, list[int]]:
        """Matches counted up to ``COUNT_LIMIT + 1``, and one page of page ids, best first.

        ``groups`` are AND-ed; the terms within a group are OR-ed. Order: see
        ``tiered_page`` (headline matches, then lede, then body; newest first in each).
        """

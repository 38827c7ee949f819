"""What a full-text backend must do."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from . import SearchFilters


@dataclass(frozen=True)
class IndexRow:
    """The index terms of one document (space-separated lemmas or words per field)."""

    page_id: int
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
        """Total matches and one page of page ids, best first.

        ``groups`` are AND-ed; the terms within a group are OR-ed. Headline matches weigh
        most, then the lede, then the body; equal scores go fresher first.
        """

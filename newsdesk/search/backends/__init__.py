"""Interchangeable full-text backends, chosen by the database vendor.

Both store the same lemmatised terms (see ``newsdesk.search.text``) and answer the same
question: which documents match every query word, best first, and how many there are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import connection

from .base import IndexRow, SearchBackend, rank_key


@dataclass(frozen=True)
class SearchFilters:
    """Restrictions on a search; ``None`` means no restriction."""

    locale_id: int | None = None
    section_ids: tuple[int, ...] | None = None
    start: datetime | None = None
    end: datetime | None = None


def get_backend() -> SearchBackend:
    """The backend for the default database's vendor."""
    if connection.vendor == "postgresql":
        from .postgres import PostgresBackend

        return PostgresBackend()
    from .sqlite import SqliteBackend

    return SqliteBackend()


__all__ = ["IndexRow", "SearchBackend", "SearchFilters", "get_backend", "rank_key"]

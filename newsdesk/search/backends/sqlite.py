"""SQLite: an FTS5 table ``search_fts`` whose rowid is the document's rank key.

FTS5 has no stemming; it receives terms that are already lemmas, so its tokenizer only
splits on spaces. The rowid sorts by publication time, so "newest matches first" is the
index's own order: FTS5 stops after the rows a page needs, even when 95% of articles match.
Column filters give the tiers (headline, headline + lede, everything). Language and section
are tokens in a ``meta`` column, and dates are a rowid range, so filters stay in the index.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection

from .base import COUNT_LIMIT, RANK_KEY_PAGE_BITS, IndexRow, tiered_page


def fts_quote(term: str) -> str:
    """A term as an FTS5 string: operators and punctuation inside quotes are plain text."""
    return '"' + term.replace('"', '""') + '"'


def match_expression(groups: Sequence[tuple[str, ...]]) -> str:
    """FTS5 MATCH text: every group must match, any term of a group will do."""
    return " AND ".join(
        "(" + " OR ".join(fts_quote(term) for term in group) + ")" for group in groups
    )


def meta_text(row: IndexRow) -> str:
    return f"locale{row.locale_id}" + (f" section{row.section_id}" if row.section_id else "")


class SqliteBackend:
    """Full-text search with SQLite's FTS5."""

    def write(self, rows: Iterable[IndexRow]) -> None:
        rows = list(rows)
        with connection.cursor() as cursor:
            # A changed rank key already dropped the old row (trigger in migration 0002).
            cursor.executemany(
                "INSERT OR REPLACE INTO search_fts (rowid, headline, lede, body, meta, page_id)"
                " VALUES (%s, %s, %s, %s, %s, %s)",
                [
                    (row.rank_key, row.headline, row.lede, row.body, meta_text(row), row.page_id)
                    for row in rows
                ],
            )

    def delete(self, page_ids: Sequence[int]) -> None:
        # The trigger on search_searchdocument removes FTS rows with their documents.
        return None

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")

    def search(self, groups, filters, *, offset: int, limit: int) -> tuple[int, list[int]]:
        words = match_expression(groups)
        required = []
        if filters.locale_id is not None:
            required.append(f'{{meta}} : "locale{int(filters.locale_id)}"')
        if filters.section_ids is not None:
            sections = " OR ".join(f'"section{int(pk)}"' for pk in filters.section_ids)
            required.append(f"{{meta}} : ({sections})")

        def both(columns: str) -> str:
            return " AND ".join([f"({{{columns}}} : ({words}))", *required])

        headline, top, everything = (
            both("headline"),
            both("headline lede"),
            both("headline lede body"),
        )
        tiers = [headline, f"({top}) NOT ({headline})", f"({everything}) NOT ({top})"]
        rowid_sql, rowid_params = "", []
        if filters.start is not None:
            rowid_sql += " AND rowid >= %s"
            rowid_params.append(int(filters.start.timestamp()) << RANK_KEY_PAGE_BITS)
        if filters.end is not None:
            rowid_sql += " AND rowid < %s"
            rowid_params.append(int(filters.end.timestamp()) << RANK_KEY_PAGE_BITS)

        with connection.cursor() as cursor:

            def fetch_tier(tier: int, count: int) -> list[int]:
                cursor.execute(
                    f"SELECT page_id FROM search_fts WHERE search_fts MATCH %s{rowid_sql}"
                    " ORDER BY rowid DESC LIMIT %s",
                    [tiers[tier], *rowid_params, count],
                )
                return [row[0] for row in cursor.fetchall()]

            cursor.execute(
                "SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH"
                f" %s{rowid_sql} LIMIT %s)",
                [everything, *rowid_params, COUNT_LIMIT + 1],
            )
            total = cursor.fetchone()[0]
            if offset >= total:
                return total, []
            return total, tiered_page(fetch_tier, offset=offset, limit=limit)

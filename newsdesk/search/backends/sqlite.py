"""SQLite: an FTS5 table ``search_fts`` whose rowid is the article's page id.

FTS5 has no stemming; it receives terms that are already lemmas, so its default tokenizer
only splits on spaces. bm25 column weights rank headline above lede above body.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection

from .base import IndexRow

# bm25() takes one weight per column, the UNINDEXED ones included.
BM25_WEIGHTS = "10.0, 4.0, 1.0, 0.0, 0.0, 0.0"


def fts_quote(term: str) -> str:
    """A term as an FTS5 string: operators and punctuation inside quotes are plain text."""
    return '"' + term.replace('"', '""') + '"'


def match_expression(groups: Sequence[tuple[str, ...]]) -> str:
    """FTS5 MATCH text: every group must match, any term of a group will do."""
    return " AND ".join(
        "(" + " OR ".join(fts_quote(term) for term in group) + ")" for group in groups
    )


class SqliteBackend:
    """Full-text search with SQLite's FTS5."""

    def write(self, rows: Iterable[IndexRow]) -> None:
        rows = list(rows)
        with connection.cursor() as cursor:
            cursor.executemany(
                "DELETE FROM search_fts WHERE rowid = %s", [(row.page_id,) for row in rows]
            )
            cursor.executemany(
                "INSERT INTO search_fts (rowid, headline, lede, body, locale_id, section_id,"
                " published_ts) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                [
                    (
                        row.page_id,
                        row.headline,
                        row.lede,
                        row.body,
                        row.locale_id,
                        row.section_id,
                        row.published_at.timestamp(),
                    )
                    for row in rows
                ],
            )

    def delete(self, page_ids: Sequence[int]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                "DELETE FROM search_fts WHERE rowid = %s", [(page_id,) for page_id in page_ids]
            )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")

    def search(self, groups, filters, *, offset: int, limit: int) -> tuple[int, list[int]]:
        where = ["search_fts MATCH %s"]
        params: list = [match_expression(groups)]
        if filters.locale_id is not None:
            where.append("locale_id = %s")
            params.append(filters.locale_id)
        if filters.section_ids is not None:
            where.append(f"section_id IN ({', '.join(['%s'] * len(filters.section_ids))})")
            params.extend(filters.section_ids)
        if filters.start is not None:
            where.append("published_ts >= %s")
            params.append(filters.start.timestamp())
        if filters.end is not None:
            where.append("published_ts < %s")
            params.append(filters.end.timestamp())
        condition = " AND ".join(where)
        with connection.cursor() as cursor:
            # bm25() cannot sit next to a window function, so matches are ranked first.
            cursor.execute(
                "WITH matches AS MATERIALIZED ("
                f"SELECT rowid AS id, bm25(search_fts, {BM25_WEIGHTS}) AS score, published_ts"
                f" FROM search_fts WHERE {condition}) "  # noqa: S608
                "SELECT id, count(*) OVER () FROM matches"
                " ORDER BY score, published_ts DESC, id DESC LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
            rows = cursor.fetchall()
            if rows:
                return rows[0][1], [row[0] for row in rows]
            cursor.execute(f"SELECT count(*) FROM search_fts WHERE {condition}", params)  # noqa: S608
            return cursor.fetchone()[0], []

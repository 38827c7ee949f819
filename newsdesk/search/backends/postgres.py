"""PostgreSQL: a weighted ``tsvector`` column ``document`` on ``search_searchdocument``.

The text search config is 'simple' (lowercase, no stemming) because the terms are already
lemmas: the 'russian' Snowball stemmer would split «Казахстан» and «Казахстаном», and there
is no Kazakh config at all. Weights: A headline, B lede, C body; a GIN index serves ``@@``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection

from .base import IndexRow

# ts_rank weights in {D, C, B, A} order.
RANK_WEIGHTS = "{0.05, 0.1, 0.4, 1.0}"
DOCUMENT_SQL = (
    "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B')"
    " || setweight(to_tsvector('simple', %s), 'C')"
)


def tsquery_quote(term: str) -> str:
    """A term as a tsquery lexeme: quoted, so operators inside it are plain text."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery_text(groups: Sequence[tuple[str, ...]]) -> str:
    """``to_tsquery`` text: every group must match, any term of a group will do."""
    return " & ".join(
        "(" + " | ".join(tsquery_quote(term) for term in group) + ")" for group in groups
    )


class PostgresBackend:
    """Full-text search with PostgreSQL's tsvector and a GIN index."""

    def write(self, rows: Iterable[IndexRow]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE search_searchdocument SET document = {DOCUMENT_SQL}"  # noqa: S608
                " WHERE page_id = %s",
                [(row.headline, row.lede, row.body, row.page_id) for row in rows],
            )

    def delete(self, page_ids: Sequence[int]) -> None:
        # The document lives on the SearchDocument row; deleting that row deletes it.
        return None

    def clear(self) -> None:
        return None

    def search(self, groups, filters, *, offset: int, limit: int) -> tuple[int, list[int]]:
        where = ["document @@ query"]
        params: list = [tsquery_text(groups)]
        if filters.locale_id is not None:
            where.append("locale_id = %s")
            params.append(filters.locale_id)
        if filters.section_ids is not None:
            where.append("section_id = ANY(%s)")
            params.append(list(filters.section_ids))
        if filters.start is not None:
            where.append("published_at >= %s")
            params.append(filters.start)
        if filters.end is not None:
            where.append("published_at < %s")
            params.append(filters.end)
        condition = " AND ".join(where)
        source = "search_searchdocument, to_tsquery('simple', %s) AS query"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT page_id, count(*) OVER () FROM {source} WHERE {condition}"  # noqa: S608
                f" ORDER BY ts_rank('{RANK_WEIGHTS}', document, query) DESC,"
                " published_at DESC, page_id DESC LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
            rows = cursor.fetchall()
            if rows:
                return rows[0][1], [row[0] for row in rows]
            cursor.execute(f"SELECT count(*) FROM {source} WHERE {condition}", params)  # noqa: S608
            return cursor.fetchone()[0], []

"""PostgreSQL: ``tsvector`` columns on ``search_searchdocument``, each with a GIN index.

The text search config is 'simple' (lowercase, no stemming) because the terms are already
lemmas: the 'russian' Snowball stemmer would split «Казахстан» and «Казахстаном», and there
is no Kazakh config at all. ``head_doc`` holds the headline, ``top_doc`` headline + lede,
``document`` everything (weights A headline, B lede, C body, for anyone ranking with
``ts_rank``) plus ``nd_locale_<id>`` / ``nd_section_<id>`` lexemes that no query word can
produce (they contain "_"), so the total count is answered from the GIN index alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection, transaction

from .base import COUNT_LIMIT, IndexRow, tiered_page

DOCUMENT_SQL = (
    "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B')"
    " || setweight(to_tsvector('simple', %s), 'C') || array_to_tsvector(%s::text[])"
)
HEAD_SQL = "to_tsvector('simple', %s)"
TOP_SQL = "to_tsvector('simple', %s)"
TIER_CONDITIONS = [
    "head_doc @@ query",
    "top_doc @@ query AND NOT head_doc @@ query",
    "document @@ query AND NOT top_doc @@ query",
]


def tsquery_quote(term: str) -> str:
    """A term as a tsquery lexeme: quoted, so operators inside it are plain text."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery_text(groups: Sequence[tuple[str, ...]]) -> str:
    """``to_tsquery`` text: every group must match, any term of a group will do."""
    return " & ".join(
        "(" + " | ".join(tsquery_quote(term) for term in group) + ")" for group in groups
    )


def meta_lexemes(row: IndexRow) -> list[str]:
    lexemes = [f"nd_locale_{row.locale_id}"]
    if row.section_id:
        lexemes.append(f"nd_section_{row.section_id}")
    return lexemes


def write_params(row: IndexRow) -> tuple:
    """Parameters for ``head_doc, top_doc, document`` in that order."""
    return (
        row.headline,
        f"{row.headline} {row.lede}",
        row.headline,
        row.lede,
        row.body,
        meta_lexemes(row),
    )


class PostgresBackend:
    """Full-text search with PostgreSQL's tsvector and GIN indexes."""

    def write(self, rows: Iterable[IndexRow]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE search_searchdocument SET head_doc = {HEAD_SQL}, top_doc = {TOP_SQL},"
                f" document = {DOCUMENT_SQL} WHERE page_id = %s",
                [(*write_params(row), row.page_id) for row in rows],
            )

    def delete(self, page_ids: Sequence[int]) -> None:
        # The vectors live on the SearchDocument row; deleting that row deletes them.
        return None

    def clear(self) -> None:
        return None

    def search(self, groups, filters, *, offset: int, limit: int) -> tuple[int, list[int]]:
        words = tsquery_text(groups)
        meta = []
        where, params = [], []
        if filters.locale_id is not None:
            meta.append(tsquery_quote(f"nd_locale_{int(filters.locale_id)}"))
            where.append("locale_id = %s")
            params.append(filters.locale_id)
        if filters.section_ids is not None:
            meta.append(
                "("
                + " | ".join(tsquery_quote(f"nd_section_{int(pk)}") for pk in filters.section_ids)
                + ")"
            )
            where.append("section_id = ANY(%s)")
            params.append(list(filters.section_ids))
        if filters.start is not None:
            where.append("published_at >= %s")
            params.append(filters.start)
        if filters.end is not None:
            where.append("published_at < %s")
            params.append(filters.end)
        dates = [condition for condition in where if condition.startswith("published_at")]
        date_params = [p for c, p in zip(where, params, strict=True) if c.startswith("published")]
        extra = "".join(f" AND {condition}" for condition in where)

        with connection.cursor() as cursor:

            def fetch_tier(tier: int, count: int) -> list[int]:
                cursor.execute(
                    "SELECT page_id FROM search_searchdocument, to_tsquery('simple', %s) AS query"
                    f" WHERE {TIER_CONDITIONS[tier]}{extra}"
                    " ORDER BY published_at DESC, page_id DESC LIMIT %s",
                    [words, *params, count],
                )
                return [row[0] for row in cursor.fetchall()]

            # Language and section are lexemes of ``document``, so the GIN index applies them.
            if meta:
                count_sql = "document @@ (to_tsquery('simple', %s) && %s::tsquery)"
                count_params = [words, " & ".join(meta)]
            else:
                count_sql, count_params = "document @@ to_tsquery('simple', %s)", [words]
            with transaction.atomic():
                # Half the table may match: the planner then picks a sequential scan that
                # unpacks every document. The GIN bitmap finds the matches without that.
                # The setting is put back at once: an outer transaction may go on.
                cursor.execute("SELECT set_config('enable_seqscan', 'off', true)")
                cursor.execute(
                    "SELECT count(*) FROM (SELECT 1 FROM search_searchdocument"
                    f" WHERE {count_sql}"
                    + "".join(f" AND {condition}" for condition in dates)
                    + " LIMIT %s) AS matches",
                    [*count_params, *date_params, COUNT_LIMIT + 1],
                )
                total = cursor.fetchone()[0]
                cursor.execute("SELECT set_config('enable_seqscan', 'on', true)")
            if offset >= total:
                return total, []
            return total, tiered_page(fetch_tier, offset=offset, limit=limit)

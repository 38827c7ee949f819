"""Search latency on 100,000 synthetic Russian articles, on SQLite and on PostgreSQL.

Usage::

    .venv/bin/python bench/search.py [--articles 100000] [--runs 20]
        [--postgres postgres://postgres@127.0.0.1:5432/nd_search_bench]

(``BENCH_POSTGRES_URL`` works too; without either, only SQLite is measured.) The PostgreSQL
database named in the URL is DROPPED and recreated: give it a scratch name.

What is generated: a vocabulary of ~11,500 Russian nouns and adjectives taken from the
pymorphy3 dictionary (offline), each with several inflected forms, lemmatised ONCE with the
same ``lemma()`` the site uses. Each article is a headline (8 words), a lede (20) and a body
(120), drawn from that vocabulary with a Zipf (s=1) distribution, dated over three years.

What is stored: only what ``search_articles`` reads — ``search_searchdocument`` rows (stored
text for snippets, filters, URL) and the vendor's full-text structure (the FTS5 table on
SQLite; the three ``tsvector`` columns and their GIN indexes on PostgreSQL, indexes built
after the load, then VACUUM ANALYZE), inserted in bulk with the backends' own SQL.
The lexicon (``search_wordform``: every form of every vocabulary lemma, with its lemma) is
filled with the indexer's own ``lexicon_extend``. No Wagtail page rows are made: search
never reads them. The schema comes from the real migrations.

What is measured: wall time of ``newsdesk.search.selectors.search_articles`` (validation,
the query's lemmas and the forms to highlight, both looked up in the lexicon, the full-text
query with ranking and the total count, loading the 10 documents of page 1, building
highlighted snippets) for a fixed query list: single words
from frequent (in most articles) to rare, two-word queries, and one with a date filter; each
query once to warm up, then ``--runs`` times. In the same run, as a reference, a plain
indexed lookup through the ORM: the 10 newest documents (``ORDER BY published_at LIMIT 10``
on its B-tree index). The ratio says how many such lookups one search costs.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ALPHABET = "абвгдежзиклмнопрстуфхцчшэюя"
EXCLUDED_TAGS = {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Trad", "Infr", "Slng", "Arch"}
WORDS = {"headline": 8, "lede": 20, "body": 120}
BATCH = 2000
# Ranks in the Zipf vocabulary: 5 is in ~half of all articles, 5000 in a few hundred.
SINGLE_RANKS = [5, 20, 60, 200, 600, 2000, 5000, 10000]
PAIR_RANKS = [(20, 200), (60, 600), (5, 2000), (200, 5000)]


def vocabulary(seed: int) -> list[tuple[str, list[str]]]:
    """(lemma, inflected forms) pairs of common-looking nouns and adjectives, shuffled."""
    from newsdesk.search.text import _morph

    morph = _morph()
    found: dict[str, list[str]] = {}
    for first, second in itertools.product(ALPHABET, repeat=2):
        taken = 0
        for parse in itertools.islice(morph.iter_known_word_parses(first + second), 10000):
            tag = parse.tag
            if parse.word != parse.normal_form or tag.POS not in ("NOUN", "ADJF"):
                continue
            if EXCLUDED_TAGS & set(tag.grammemes) or len(parse.word) < 4:
                continue
            if parse.word in found:
                continue
            forms = sorted({form.word for form in parse.lexeme})[:6]
            found[parse.word] = forms
            taken += 1
            if taken >= 40:
                break
    items = sorted(found.items())
    random.Random(seed).shuffle(items)
    return items


def generate(articles: int, seed: int):
    """Yield (page_id, published_at, headline, lede, body, index terms per field)."""
    from newsdesk.search.text import lemma

    vocab = vocabulary(seed)
    forms = [f for _lemma, f in vocab]
    term_of = {form: lemma(form) for group in forms for form in group}
    weights = list(itertools.accumulate(1 / rank for rank in range(1, len(vocab) + 1)))
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    span = 3 * 365 * 24 * 3600
    for page_id in range(1, articles + 1):
        fields = {}
        for name, count in WORDS.items():
            picks = rng.choices(range(len(vocab)), cum_weights=weights, k=count)
            fields[name] = [rng.choice(forms[index]) for index in picks]
        published = start + timedelta(seconds=rng.randrange(span))
        text = {name: " ".join(words) for name, words in fields.items()}
        text["headline"] = text["headline"].capitalize()
        terms = {name: " ".join(term_of[word] for word in words) for name, words in fields.items()}
        yield page_id, published, text, terms


def queries(seed: int) -> list[dict]:
    """The fixed query list, chosen by vocabulary rank (same seed, same words)."""
    vocab = vocabulary(seed)
    rng = random.Random(seed + 1)

    def form(rank: int) -> str:
        return rng.choice(vocab[rank - 1][1])

    listed = [{"query": form(rank), "label": f"rank {rank}"} for rank in SINGLE_RANKS]
    listed += [{"query": f"{form(a)} {form(b)}", "label": f"ranks {a}+{b}"} for a, b in PAIR_RANKS]
    listed.append(
        {
            "query": form(60),
            "label": "rank 60, 2025 only",
            "date_from": date(2025, 1, 1),
            "date_to": date(2025, 12, 31),
        }
    )
    return listed


def load(articles: int, seed: int) -> float:
    """Fill the scratch database; returns seconds taken."""
    from django.db import connection, transaction
    from wagtail.models import Locale

    from newsdesk.search.backends import IndexRow, rank_key

    started = time.perf_counter()
    locale_id = Locale.objects.get(language_code="ru").pk
    postgres = connection.vendor == "postgresql"
    columns = (
        "page_id, rank_key, locale_id, section_id, section_title, title, lede, body_text,"
        " url, published_at"
    )
    gin = ["head_doc", "top_doc", "document"]
    with connection.cursor() as cursor:
        if postgres:
            from newsdesk.search.backends.postgres import (
                DOCUMENT_SQL,
                HEAD_SQL,
                TOP_SQL,
                write_params,
            )

            for name in gin:
                cursor.execute(f"DROP INDEX IF EXISTS search_{name}_gin")
        rows = generate(articles, seed)
        while True:
            batch = list(itertools.islice(rows, BATCH))
            if not batch:
                break
            with transaction.atomic():
                documents, index_rows = [], []
                for page_id, published, text, terms in batch:
                    key = rank_key(published_at=published, page_id=page_id)
                    documents.append(
                        (
                            page_id,
                            key,
                            locale_id,
                            None,
                            "",
                            text["headline"],
                            text["lede"],
                            text["body"],
                            f"/bench/{page_id}/",
                            published
                            if postgres
                            else published.replace(tzinfo=None).isoformat(" "),
                        )
                    )
                    index_rows.append(
                        IndexRow(
                            page_id=page_id,
                            rank_key=key,
                            locale_id=locale_id,
                            section_id=None,
                            published_at=published,
                            headline=terms["headline"],
                            lede=terms["lede"],
                            body=terms["body"],
                        )
                    )
                placeholders = ", ".join(["%s"] * 10)
                if postgres:
                    cursor.executemany(
                        f"INSERT INTO search_searchdocument ({columns}, head_doc, top_doc,"
                        f" document) VALUES ({placeholders}, {HEAD_SQL}, {TOP_SQL},"
                        f" {DOCUMENT_SQL})",
                        [
                            (*document, *write_params(row))
                            for document, row in zip(documents, index_rows, strict=True)
                        ],
                    )
                else:
                    cursor.executemany(
                        f"INSERT INTO search_searchdocument ({columns}) VALUES ({placeholders})",
                        documents,
                    )
                    from newsdesk.search.backends.sqlite import SqliteBackend

                    SqliteBackend().write(index_rows)
        if postgres:
            for name in gin:
                cursor.execute(
                    f"CREATE INDEX search_{name}_gin ON search_searchdocument USING gin ({name})"
                )
            # Like autovacuum would: statistics for the planner, the visibility map for
            # index-only counting.
            cursor.execute("VACUUM ANALYZE search_searchdocument")
        else:
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
    lexicon_fill(seed)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return time.perf_counter() - started


def lexicon_fill(seed: int) -> None:
    """Record every vocabulary word in the lexicon, as indexing the articles would."""
    from newsdesk.search.lexicon import lexicon_extend

    lexicon_extend(" ".join(forms) for _lemma, forms in vocabulary(seed))


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(runs: int, seed: int) -> dict:
    """Time search_articles over the query list and the reference lookup."""
    from newsdesk.search.models import SearchDocument
    from newsdesk.search.selectors import search_articles

    samples, per_query = [], []
    for item in queries(seed):
        kwargs = {k: v for k, v in item.items() if k != "label"}
        results = search_articles(**kwargs)  # warm-up
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            search_articles(**kwargs)
            times.append((time.perf_counter() - started) * 1000)
        samples += times
        per_query.append(
            {
                "label": item["label"],
                "query": item["query"],
                "total": f"{results.total:,}{'+' if results.total_capped else ''}",
                "p50": statistics.median(times),
            }
        )
    reference = []
    list(SearchDocument.objects.order_by("-published_at")[:10])
    for _ in range(runs * len(per_query)):
        started = time.perf_counter()
        list(SearchDocument.objects.order_by("-published_at")[:10])
        reference.append((time.perf_counter() - started) * 1000)
    return {
        "p50": statistics.median(samples),
        "p95": percentile(samples, 0.95),
        "max": max(samples),
        "ref_p50": statistics.median(reference),
        "ref_p95": percentile(reference, 0.95),
        "queries": per_query,
    }


def child(args) -> None:
    """Run one backend in this process: migrate a scratch database, load, measure."""
    import django
    from django.core.management import call_command

    django.setup()
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrate_seconds = time.perf_counter() - started
    load_seconds = load(args.articles, args.seed)
    result = measure(args.runs, args.seed)
    result.update(
        vendor=connection.vendor,
        articles=args.articles,
        migrate_s=migrate_seconds,
        load_s=load_seconds,
    )
    print("RESULT " + json.dumps(result, ensure_ascii=False))


def recreate_postgres(url: str) -> None:
    """Drop and create the scratch database named in the URL."""
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    name = config["NAME"]
    if name in {"test", "postgres", "template0", "template1"}:
        raise SystemExit(f"Refusing to drop the database {name!r}: use a scratch name.")
    admin = psycopg.connect(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')


def run_backend(label: str, args, env: dict) -> dict:
    command = [sys.executable, __file__, "--child", *sys.argv[1:]]
    started = time.perf_counter()
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=False, cwd=ROOT)
    if output.returncode != 0:
        raise SystemExit(f"{label} run failed:\n{output.stderr[-3000:]}")
    line = next(ln for ln in output.stdout.splitlines() if ln.startswith("RESULT "))
    result = json.loads(line[len("RESULT ") :])
    result["wall_s"] = time.perf_counter() - started
    return result


def report(label: str, result: dict) -> None:
    print(
        f"\n{label}: {result['articles']:,} articles; migrate {result['migrate_s']:.0f} s,"
        f" load {result['load_s']:.0f} s"
    )
    print(f"  {'query':<24}{'matches':>9}{'p50 ms':>9}")
    for item in result["queries"]:
        print(f"  {item['label']:<24}{item['total']:>9}{item['p50']:>9.1f}")
    print(
        f"  search_articles: p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms,"
        f" max {result['max']:.1f} ms"
    )
    print(
        f"  reference (10 newest, indexed): p50 {result['ref_p50']:.2f} ms,"
        f" p95 {result['ref_p95']:.2f} ms; ratio p50 {result['p50'] / result['ref_p50']:.0f}x"
    )
    verdict = "meets" if result["p95"] <= 50 else "MISSES"
    print(f"  target p95 <= 50 ms: {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--postgres", default=os.environ.get("BENCH_POSTGRES_URL", ""))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return

    base_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings.test",
        "PYTHONPATH": str(ROOT),
    }
    with tempfile.TemporaryDirectory(prefix="nd-search-bench-") as scratch:
        env = {**base_env, "NEWSDESK_DATA_DIR": scratch}
        env.pop("DATABASE_URL", None)
        report("SQLite (FTS5)", run_backend("SQLite", args, env))
    if args.postgres:
        recreate_postgres(args.postgres)
        with tempfile.TemporaryDirectory(prefix="nd-search-bench-") as scratch:
            env = {**base_env, "NEWSDESK_DATA_DIR": scratch, "DATABASE_URL": args.postgres}
            report("PostgreSQL (tsvector + GIN)", run_backend("PostgreSQL", args, env))
    else:
        print("\nPostgreSQL skipped: pass --postgres URL or set BENCH_POSTGRES_URL.")


if __name__ == "__main__":
    main()

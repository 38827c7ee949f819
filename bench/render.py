"""Article page render time: median of 200 in-process renders of the reference article.

Usage: .venv/bin/python bench/render.py [--runs 200]

Builds a throwaway SQLite database with the demo content (the reference article when the
seed file is present), then times full Django requests through the test client. As a
reference measured in the same run, it also times the 404 page (template + middleware,
no article), and prints the ratio.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(client, url: str, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code in (200, 404), (url, response.status_code)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="newsdesk-bench-"))
    os.environ["NEWSDESK_DATA_DIR"] = str(workdir)
    os.environ["NEWSDESK_STATIC_ROOT"] = str(workdir / "static")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.dev")
    os.environ["DJANGO_DEBUG"] = "false"
    # Measure rendering, not the page cache (a cached article is a dictionary lookup).
    os.environ["NEWSDESK_PAGE_CACHE"] = "false"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from newsdesk.news.models import ArticlePage

    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    article = (
        ArticlePage.objects.filter(source_name="primeminister.kz").first()
        or ArticlePage.objects.live().first()
    )
    client = Client()
    client.get(article.url)  # the first render makes the image renditions
    article_ms = timed(client, article.url, args.runs)
    reference_ms = timed(client, "/no-such-page/", args.runs)
    median, reference = statistics.median(article_ms), statistics.median(reference_ms)
    print(f"database: {settings.DATABASES['default']['ENGINE']}")
    print(f"article: {article.url}")
    print(
        f"article render, median of {args.runs}: {median:.2f} ms "
        f"(p95 {statistics.quantiles(article_ms, n=20)[-1]:.2f} ms)"
    )
    print(f"reference (404 page), median of {args.runs}: {reference:.2f} ms")
    print(f"ratio article / 404 page: {median / reference:.2f}")


if __name__ == "__main__":
    main()

"""Print the dashboard's figures for scripts."""

import json

from django.core.management.base import BaseCommand, CommandError

from newsdesk.analytics.selectors import figures, period_parse


class Command(BaseCommand):
    help = "Print reader figures for a period (e.g. --period 7d) as text or --json."

    def add_arguments(self, parser):
        parser.add_argument("--period", default="7d", help="Like 24h, 7d or 30d.")
        parser.add_argument("--article", type=int, help="One article's page id.")
        parser.add_argument("--json", action="store_true", help="Print JSON.")

    def handle(self, *args, period: str, article: int | None, json: bool, **options):
        try:
            span = period_parse(period)
        except ValueError:
            raise CommandError("--period must look like 24h or 7d") from None
        data = figures(period=span, article_id=article)
        if json:
            self.stdout.write(_dumps(data))
            return
        for key in ("views", "visitors", "bot_views", "avg_engaged_seconds", "read_through"):
            self.stdout.write(f"{key}: {data[key]}")
        for kind, views in data["referrers"].items():
            self.stdout.write(f"referrer {kind}: {views}")
        for device, views in data["devices"].items():
            self.stdout.write(f"device {device}: {views}")
        for row in data.get("top_articles", []):
            self.stdout.write(f"top {row['article_id']} {row['views']} {row['title']}")


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)

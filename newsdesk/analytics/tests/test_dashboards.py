"""Editors' dashboards in the admin, CSV export and the report command."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from newsdesk.people.tests.factories import UserFactory

from .helpers import IPHONE, flush, pageview, send

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client):
    user = UserFactory(username="admin-analytics", is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


@pytest.fixture
def readership(article):
    """Three human views (two readers) and a bot view of the article, one of another page."""
    send(pageview(a=article.id, r="https://www.google.com/"), ip="10.0.0.1")
    send(pageview(a=article.id, r="https://vk.com/feed"), ip="10.0.0.2", ua=IPHONE)
    send(pageview(a=article.id), ip="10.0.0.1")
    send(pageview(a=article.id), ua="Googlebot/2.1 (+http://www.google.com/bot.html)")
    send(pageview(), ip="10.0.0.3")
    flush()
    return article


def test_site_dashboard_shows_figures_chart_and_realtime_in_russian(client, admin, readership):
    response = client.get(reverse("analytics:dashboard"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Читаемость сайта" in html and "Последние 30 минут" in html
    assert "<svg" in html and "cdn" not in html.lower()
    assert readership.title in html
    assert "Поисковые системы" in html and "Телефоны" in html


def test_article_dashboard_and_csv_export(client, admin, readership):
    url = reverse("analytics:article", args=[readership.id])
    response = client.get(url, {"period": "24h"})
    assert response.status_code == 200
    assert "Читаемость статьи" in response.content.decode()
    export = client.get(url, {"period": "24h", "csv": "referrers"})
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows[0] == ["Источник", "Просмотры"]
    assert dict(rows[1:])["search"] == "1" and dict(rows[1:])["social"] == "1"
    top = client.get(reverse("analytics:dashboard"), {"csv": "top"})
    top_rows = list(csv.reader(io.StringIO(top.content.decode("utf-8-sig"))))
    assert top_rows[1][:3] == [readership.title, str(readership.id), "3"]
    assert client.get(url, {"csv": "nonsense"}).status_code == 404


def test_dashboards_need_an_admin_login(client, readership):
    response = client.get(reverse("analytics:dashboard"))
    assert response.status_code == 302


def test_article_edit_screen_links_to_its_figures(client, admin, readership):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[readership.id]))
    assert reverse("analytics:article", args=[readership.id]) in response.content.decode()


def test_report_command_prints_the_same_figures_as_json(readership):
    out = io.StringIO()
    call_command("analytics_report", "--period", "7d", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert (data["views"], data["visitors"], data["bot_views"]) == (4, 3, 1)
    assert data["referrers"]["search"] == 1 and data["devices"]["mobile"] == 1
    assert data["top_articles"][0]["article_id"] == readership.id
    assert data["top_articles"][0]["views"] == 3


def test_article_pages_carry_identity_and_the_noscript_pixel(client, article):
    html = client.get(article.url).content.decode()
    assert f'data-a="{article.id}"' in html
    assert f'src="/e.gif?a={article.id}&amp;s={article.get_parent().id}' in html
    assert "analytics/beacon.js" in html


def test_series_has_a_bar_for_every_hour_and_day_of_the_period(readership):
    from datetime import timedelta

    from newsdesk.analytics.selectors import figures

    hourly = figures(period=timedelta(hours=24))["series"]
    daily = figures(period=timedelta(days=7))["series"]
    assert len(hourly) in (24, 25) and sum(row["views"] for row in hourly) == 4
    assert len(daily) == 8 and sum(row["views"] for row in daily) == 4

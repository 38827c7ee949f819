"""The streak «Провели подряд N дней с нами» counted in the browser with a controlled clock:
days in a row, a missed day, and midnight in Asia/Almaty."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from newsdesk.news.tests.factories import article_make

pytestmark = pytest.mark.browser
ALMATY = ZoneInfo("Asia/Almaty")


def visit(page, url: str, when: datetime) -> str:
    page.clock.set_fixed_time(when)
    page.goto(url)
    streak = page.locator("[data-streak]")
    streak.wait_for(state="visible")
    return streak.inner_text()


def test_streak_across_days_a_missed_day_and_midnight(live_site, page):
    base_url, _home, sections = live_site
    story = article_make(sections["city"], slug="streak")
    url = base_url + story.url

    assert visit(page, url, datetime(2026, 3, 1, 9, 0, tzinfo=ALMATY)) == (
        "Провели подряд 1 день с нами"
    )
    assert visit(page, url, datetime(2026, 3, 2, 20, 0, tzinfo=ALMATY)) == (
        "Провели подряд 2 дня с нами"
    )
    # The home page does not count as a read, but shows the streak.
    page.clock.set_fixed_time(datetime(2026, 3, 3, 10, 0, tzinfo=ALMATY))
    page.goto(base_url + "/")
    expect(page.locator("[data-streak]")).to_have_text("Провели подряд 2 дня с нами")
    # 3 March had no article read: on 4 March the streak starts again.
    assert visit(page, url, datetime(2026, 3, 4, 23, 59, tzinfo=ALMATY)) == (
        "Провели подряд 1 день с нами"
    )
    # One minute after midnight in Almaty is the next day (still 4 March in UTC).
    assert visit(page, url, datetime(2026, 3, 5, 0, 1, tzinfo=ALMATY)) == (
        "Провели подряд 2 дня с нами"
    )
    for day in range(6, 10):
        text = visit(page, url, datetime(2026, 3, day, 12, 0, tzinfo=ALMATY))
    assert text == "Провели подряд 6 дней с нами"


def test_streak_widget_is_hidden_for_a_new_reader_on_the_home_page(live_site, page):
    base_url, _home, _sections = live_site
    page.goto(base_url + "/")
    assert page.locator("[data-streak]").is_hidden()

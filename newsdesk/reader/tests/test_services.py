"""The streak arithmetic and its Russian plural forms."""

from datetime import date, timedelta

from django.utils import translation

from newsdesk.reader.services import parse_days, streak_current, streak_longest, streak_phrase

TODAY = date(2026, 3, 10)


def days_back(*offsets: int) -> list[date]:
    return [TODAY - timedelta(days=n) for n in offsets]


def test_current_streak_counts_consecutive_days_up_to_today():
    assert streak_current([], TODAY) == 0
    assert streak_current(days_back(0), TODAY) == 1
    assert streak_current(days_back(0, 1, 2), TODAY) == 3
    # Not read yet today: yesterday's run still stands until the day ends.
    assert streak_current(days_back(1, 2), TODAY) == 2
    # A missed day breaks the run; the next read starts again at 1.
    assert streak_current(days_back(0, 2, 3, 4), TODAY) == 1
    assert streak_current(days_back(2, 3), TODAY) == 0


def test_longest_streak():
    assert streak_longest([]) == 0
    assert streak_longest(days_back(0, 1, 5, 6, 7, 9)) == 3


def test_streak_phrase_has_russian_plural_forms():
    with translation.override("ru"):
        assert streak_phrase(1) == "Провели подряд 1 день с нами"
        assert streak_phrase(2) == "Провели подряд 2 дня с нами"
        assert streak_phrase(5) == "Провели подряд 5 дней с нами"
        assert streak_phrase(21) == "Провели подряд 21 день с нами"
        assert streak_phrase(22) == "Провели подряд 22 дня с нами"
        assert streak_phrase(111) == "Провели подряд 111 дней с нами"


def test_days_from_the_browser_drop_garbage_and_future_days():
    raw = "2026-03-09,not-a-date,2026-03-10,2026-03-11,,2026-02-30"
    assert parse_days(raw, today=TODAY) == [date(2026, 3, 9), date(2026, 3, 10)]

"""Deadlines in working days: weekends and English bank holidays do not count."""

import datetime

import pytest

from localdigital.core.working_days import add_working_days, working_days_between


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        # Wednesday to Monday: the weekend is skipped.
        (datetime.date(2026, 11, 25), 3, datetime.date(2026, 11, 30)),
        # Monday to Thursday: an ordinary week.
        (datetime.date(2026, 11, 23), 3, datetime.date(2026, 11, 26)),
        # Christmas Day (Friday) and the substitute Boxing Day (Monday 28th)
        # are bank holidays: the 24th, 29th and 30th are the three days.
        (datetime.date(2026, 12, 23), 3, datetime.date(2026, 12, 30)),
        # Good Friday and Easter Monday 2027.
        (datetime.date(2027, 3, 25), 3, datetime.date(2027, 4, 1)),
        # Sent on a Saturday: the count starts on Monday.
        (datetime.date(2026, 11, 28), 3, datetime.date(2026, 12, 2)),
        # The early May bank holiday 2027 is Monday 3rd.
        (datetime.date(2027, 4, 30), 1, datetime.date(2027, 5, 4)),
    ],
)
def test_working_days_skip_weekends_and_english_bank_holidays(start, days, due):
    assert add_working_days(start, days) == due
    # Counting back is the same rule: the due date is that many working days on.
    assert working_days_between(start, due) == days


def test_working_days_between_agrees_with_adding_them_over_years():
    start = datetime.date(2019, 1, 1)
    for offset in range(0, 2900, 7):
        day = start + datetime.timedelta(days=offset)
        for days in (0, 1, 3, 10):
            assert working_days_between(day, add_working_days(day, days)) == days


def test_a_day_before_the_start_is_no_working_days():
    assert working_days_between(datetime.date(2026, 12, 2), datetime.date(2026, 11, 30)) == 0


def test_no_working_days_is_the_same_day():
    assert add_working_days(datetime.date(2026, 12, 25), 0) == datetime.date(2026, 12, 25)


def test_a_scottish_only_bank_holiday_is_a_working_day_in_england():
    # St Andrew's Day, Monday 30 November 2026, is a holiday in Scotland only.
    assert add_working_days(datetime.date(2026, 11, 27), 1) == datetime.date(2026, 11, 30)

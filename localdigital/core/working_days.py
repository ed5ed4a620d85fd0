"""Working days in England, for deadlines that staff must meet."""

import datetime
from bisect import bisect_right
from functools import cache

from govuk_bank_holidays.bank_holidays import BankHolidays


@cache
def _bank_holidays() -> BankHolidays:
    # The copy of GOV.UK's list that ships with the package: no network call
    # at run time. Keep the package up to date to cover future years.
    return BankHolidays(use_cached_holidays=True)


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date `days` working days after `start` (weekends and bank holidays skipped)."""
    date = start
    for _ in range(days):
        date = _bank_holidays().get_next_work_day(
            division=BankHolidays.ENGLAND_AND_WALES, date=date
        )
    return date


@cache
def _weekday_holidays() -> tuple[datetime.date, ...]:
    """England and Wales's bank holidays that fall on weekdays, in order."""
    holidays = _bank_holidays().get_holidays(division=BankHolidays.ENGLAND_AND_WALES)
    return tuple(sorted(day["date"] for day in holidays if day["date"].weekday() < 5))


def _weekdays_before(day: datetime.date) -> int:
    """How many Mondays to Fridays come before `day`, counted from a fixed Monday."""
    days = (day - datetime.date(1970, 1, 5)).days  # 5 January 1970 was a Monday
    weeks, rest = divmod(days, 7)
    return weeks * 5 + min(rest, 5)


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """How many working days after `start` `end` is: 0 on the same day, 1 on the next
    working day, so that a date within `add_working_days(start, n)` is within n.

    Counted arithmetically rather than day by day, because the service performance
    page counts it for every review the moderators have made.
    """
    if end <= start:
        return 0
    holidays = _weekday_holidays()
    # Working days in (start, end]: weekdays up to and including end, less those up
    # to and including start, less the bank holidays between.
    weekdays = _weekdays_before(end + datetime.timedelta(days=1)) - _weekdays_before(
        start + datetime.timedelta(days=1)
    )
    return weekdays - (bisect_right(holidays, end) - bisect_right(holidays, start))

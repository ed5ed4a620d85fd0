"""Working days in England, for deadlines that staff must meet."""

import datetime
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

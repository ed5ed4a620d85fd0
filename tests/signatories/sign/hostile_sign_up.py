"""Helpers for the tests that post random and hostile values to the sign-up
journey's forms and emailed links (tests/hostile.py has the values).

Hypothesis runs many examples inside one test, and one database transaction:
rows made by one example are still there in the next, so each example compares
counts before and after rather than assuming an empty database.
"""

from signatories.models import Organisation, SignUp


def counts() -> tuple[int, int]:
    return SignUp.objects.count(), Organisation.objects.count()

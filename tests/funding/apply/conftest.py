"""Fixtures shared by the tests of this folder."""

import pytest

from funding.models import Bid
from tests.factories import RoundFactory, signed_council
from tests.funding.apply.journey import OFFICER, sign_in
from tests.funding.apply.sections import (
    new_draft,
    officer_email,
    signed_in,
)


@pytest.fixture
def draft() -> Bid:
    return new_draft()


@pytest.fixture
def client_of(draft):
    return signed_in(officer_email(draft))


@pytest.fixture
def council():
    return signed_council(name="Testshire County Council", email_domains="testshire.gov.uk")


@pytest.fixture
def round_():
    return RoundFactory(name="Round 7", slug="round-7", reference_prefix="R7")


@pytest.fixture
def officer(client, council):
    sign_in(client, OFFICER)
    return client

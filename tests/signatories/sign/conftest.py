"""Fixtures shared by the tests of the sign-up journey."""

import pytest

from tests.factories import OrganisationFactory


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Testshire District Council", email_domains="testshire.gov.uk")

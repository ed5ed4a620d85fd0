"""The staff who work on the fund in these tests: an assessor and a content editor.

Here for both the fund's admin pages (admin/) and the export of a round's bids
(test_export.py)."""

import pytest

from tests.admin_pages import make_staff
from tests.staff import sign_in_staff


@pytest.fixture
def assessor(django_user_model):
    return make_staff(
        django_user_model, "assessor", "Fund assessors", first_name="Ada", last_name="Okoro"
    )


@pytest.fixture
def assessor_client(client, assessor):
    sign_in_staff(client, assessor)
    return client


@pytest.fixture
def content_editor(django_user_model):
    return make_staff(django_user_model, "editor", "Content editors")

"""The staff who work on the fund in these tests: an assessor and a content editor.

Here for both the fund's admin pages (admin/) and the export of a round's bids
(test_export.py)."""

import pytest
from django.contrib.auth.models import Group

from tests.admin_pages import make_staff
from tests.staff import sign_in_staff


@pytest.fixture
def assessor(django_user_model):
    """The assessor who runs the round's assessment: a fund manager too, so she
    sees and may score every bid, assigned or not. Assessors who see only the
    bids assigned to them: tests/funding/admin/assignments.py."""
    ada = make_staff(
        django_user_model, "assessor", "Fund assessors", first_name="Ada", last_name="Okoro"
    )
    ada.groups.add(Group.objects.get(name="Fund managers"))
    return ada


@pytest.fixture
def assessor_client(client, assessor):
    sign_in_staff(client, assessor)
    return client


@pytest.fixture
def content_editor(django_user_model):
    return make_staff(django_user_model, "editor", "Content editors")

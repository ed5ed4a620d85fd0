"""Staff sessions end after 30 minutes idle and 12 hours at most; officers' are their own."""

import datetime
import re
from html import unescape

import pytest
import time_machine
from django.contrib.auth import get_user_model

from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def text(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.fixture
def traveller():
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)) as t:
        yield t


@pytest.fixture
def staff_client(client, traveller):
    user = get_user_model().objects.create_user("jo", password="unused passphrase", is_staff=True)
    sign_in_staff(client, user)
    return client


def is_signed_in(client) -> bool:
    return client.get("/admin/").status_code == 200


def test_29_minutes_idle_is_still_signed_in(staff_client, traveller):
    traveller.shift(datetime.timedelta(minutes=29))

    assert is_signed_in(staff_client)


def test_31_minutes_idle_signs_them_out_and_says_why(staff_client, traveller):
    traveller.shift(datetime.timedelta(minutes=31))

    response = staff_client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0].startswith(LOGIN)
    assert "You were signed out after 30 minutes without activity." in text(response)
    assert not is_signed_in(staff_client)


def test_using_the_admin_keeps_them_signed_in_until_12_hours(staff_client, traveller):
    for _ in range(11 * 3 + 2):  # every 20 minutes for 11 hours 40 minutes
        traveller.shift(datetime.timedelta(minutes=20))
        assert is_signed_in(staff_client)

    traveller.shift(datetime.timedelta(minutes=21))

    response = staff_client.get("/admin/", follow=True)
    assert "You were signed out because you had been signed in for 12 hours." in text(response)
    assert not is_signed_in(staff_client)


def test_the_session_is_not_kept_long_after_the_idle_limit(staff_client, traveller):
    assert staff_client.session.get_expiry_age() == 60 * 60

    traveller.shift(datetime.timedelta(minutes=61))

    response = staff_client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith(LOGIN)


def test_an_officers_session_keeps_its_own_hours(client, traveller):
    """Officers have no accounts: their 8-hour sign-in is funding's, untouched."""
    from funding.officer_session import SESSION_KEY

    session = client.session
    session[SESSION_KEY] = "sam.patel@leedscitycouncil.gov.uk"
    session.set_expiry(datetime.timedelta(hours=8))
    session.save()

    traveller.shift(datetime.timedelta(minutes=45))
    client.get("/fund/apply/sign-in/")

    assert client.session[SESSION_KEY] == "sam.patel@leedscitycouncil.gov.uk"

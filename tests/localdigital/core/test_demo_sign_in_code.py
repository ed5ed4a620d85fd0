"""On a demo site, a developer without an authenticator app can still sign in as staff."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from localdigital.core import staff_devices

pytestmark = pytest.mark.django_db

PASSWORD = "a long demo passphrase"


@pytest.fixture
def demo_moderator():
    user = get_user_model().objects.create_user("moderator", password=PASSWORD, is_staff=True)
    # As a demo loader would: an app whose secret it prints, or this command reads.
    staff_devices.add_authenticator(user)
    return user


def printed_code(username: str) -> str:
    out = io.StringIO()
    call_command("demo_sign_in_code", username, stdout=out)
    return out.getvalue().strip()


def test_the_printed_code_signs_the_demo_account_in(client, settings, demo_moderator):
    settings.DEBUG = True
    client.post("/admin/login/", {"username": "moderator", "password": PASSWORD})

    response = client.post("/admin/login/code/", {"code": printed_code("moderator")})

    assert response["Location"] == "/admin/"


def test_a_second_code_in_the_same_half_minute_works_too(client, settings, demo_moderator):
    settings.DEBUG = True
    for _ in range(2):
        client.post("/admin/login/", {"username": "moderator", "password": PASSWORD})
        assert (
            client.post("/admin/login/code/", {"code": printed_code("moderator")})["Location"]
            == "/admin/"
        )
        client.post("/admin/logout/")


def test_it_refuses_on_a_real_site(settings, demo_moderator):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="Only for demo sites"):
        printed_code("moderator")


def test_an_account_with_no_app_yet_is_given_one(client, settings):
    settings.DEBUG = True
    get_user_model().objects.create_user("editor", password=PASSWORD, is_staff=True)
    client.post("/admin/login/", {"username": "editor", "password": PASSWORD})

    code = printed_code("editor")

    response = client.post("/admin/login/code/", {"code": code})
    assert response["Location"] == "/admin/"

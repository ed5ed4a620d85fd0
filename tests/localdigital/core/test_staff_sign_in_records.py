"""The records django-axes keeps of staff signing in go when they are past keeping."""

import datetime

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth import get_user_model
from django.utils import timezone

from localdigital.core.staff_sign_in_records import forget_old_sign_in_records
from tests.staff import current_code

pytestmark = pytest.mark.django_db

PASSWORD = "a long staff passphrase"


def sign_in(client, username: str, password: str = PASSWORD):
    response = client.post("/admin/login/", {"username": username, "password": password})
    if password == PASSWORD:
        user = get_user_model().objects.get(username=username)
        client.post("/admin/login/code/", {"code": current_code(user)})
    return response


def made_ago(records, **age) -> None:
    """Date the records as if written that long ago (axes stamps them with now)."""
    records.update(attempt_time=timezone.now() - datetime.timedelta(**age))


def test_wrong_passwords_go_once_they_no_longer_count_and_recent_ones_stay(client, settings):
    users = get_user_model().objects
    users.create_user("jo", password=PASSWORD, is_staff=True)
    users.create_user("sam", password=PASSWORD, is_staff=True)
    sign_in(client, "jo", "not the password")
    sign_in(client, "sam", "not the password")
    made_ago(AccessAttempt.objects.filter(username="jo"), minutes=31)
    made_ago(AccessAttempt.objects.filter(username="sam"), minutes=29)

    forget_old_sign_in_records()

    assert datetime.timedelta(minutes=30) == settings.AXES_COOLOFF_TIME
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["sam"]


def test_sign_ins_go_after_90_days_and_recent_ones_stay(client):
    users = get_user_model().objects
    users.create_user("jo", password=PASSWORD, is_staff=True)
    users.create_user("sam", password=PASSWORD, is_staff=True)
    sign_in(client, "jo")
    client.logout()
    sign_in(client, "sam")
    assert AccessLog.objects.count() == 2
    made_ago(AccessLog.objects.filter(username="jo"), days=91)
    made_ago(AccessLog.objects.filter(username="sam"), days=89)

    assert forget_old_sign_in_records() == (0, 1)

    assert list(AccessLog.objects.values_list("username", flat=True)) == ["sam"]

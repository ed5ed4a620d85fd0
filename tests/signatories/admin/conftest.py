"""The moderator who works through the sign-up queue in these tests."""

import pytest
from django.contrib.auth.models import Group

from tests.staff import sign_in_staff


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(
        username="moderator", password="unused-password-123", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def moderator_client(client, moderator):
    sign_in_staff(client, moderator)
    return client

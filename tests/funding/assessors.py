"""Helpers for the tests of assessor assignment, conflicts and reminders:
fund managers and plain assessors, with or without an organisation."""

from django.contrib.auth.models import Group

from funding.models import AssessorProfile
from tests.admin_pages import make_staff


def plain_assessor(django_user_model, username: str, *, organisation=None, **fields):
    """An assessor who sees only the bids assigned to them."""
    user = make_staff(
        django_user_model,
        username,
        "Fund assessors",
        email=f"{username}@mhclg.example.gov.uk",
        **fields,
    )
    if organisation is not None:
        AssessorProfile.objects.create(user=user, organisation=organisation)
    return user


def fund_manager(django_user_model, username: str = "manager", **fields):
    user = make_staff(
        django_user_model, username, "Fund assessors", email=f"{username}@mhclg.example.gov.uk"
    )
    user.groups.add(Group.objects.get(name="Fund managers"))
    for name, value in fields.items():
        setattr(user, name, value)
    user.save()
    return user

"""Assessors and conflicts of interest, told in Chromium: a fund manager
assigns two assessors to a bid and is told one of them cannot have it (their
council leads it); the other finds it in "My assessments", declares a
conflict of their own, and is then refused the bid, shown why and nothing
of it."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from funding import services
from funding.models import AssessorProfile, Conflict
from tests.browser.fund_staff_steps import messages_shown
from tests.browser.steps import (
    MODERATOR_PASSWORD,
    follow_link,
    main_text,
    moderator_signs_in,
    open_from_admin_list,
    press_button,
)
from tests.factories import BidFactory, signed_council

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def staff(username: str, first_name: str, *groups: str, organisation=None):
    user = get_user_model().objects.create_user(
        username,
        email=f"{username}@communities.gov.uk",
        password=MODERATOR_PASSWORD,
        first_name=first_name,
        last_name="Tester",
        is_staff=True,
    )
    user.groups.add(*Group.objects.filter(name__in=groups))
    if organisation is not None:
        AssessorProfile.objects.create(user=user, organisation=organisation)
    return user


def test_a_conflicted_assessor_is_refused_the_bid(new_browser):
    lead = signed_council(name="Leadshire County Council")
    bid = BidFactory(lead=lead, title="Shared street lighting faults")
    bid = services.bid_submit(bid=bid, email=bid.created_by_email)
    reference = bid.reference
    staff("manager", "Mo", "Fund assessors", "Fund managers")
    staff("ana", "Ana", "Fund assessors", organisation=lead)
    staff("ben", "Ben", "Fund assessors")

    manager = new_browser()
    moderator_signs_in(manager, username="manager")
    open_from_admin_list(manager, "/admin/funding/bid/", reference, state="Submitted")
    follow_link(manager, "Assign assessors", within=manager.locator("#assessment"))
    manager.get_by_label("Ana Tester (Leadshire County Council)").check()
    manager.get_by_label("Ben Tester").check()
    press_button(manager, "Assign")
    shown = messages_shown(manager)
    assert "1 assignment made." in shown
    assert (
        f"Ana Tester cannot assess {reference}: Their organisation, Leadshire County Council, "
        "leads the bid."
    ) in shown
    conflicts = manager.locator("#conflicts tbody tr").inner_text()
    assert conflicts.startswith("Ana Tester\tAutomatic: their organisation is on the bid")

    ben = new_browser()
    moderator_signs_in(ben, username="ben")
    ben.goto("/admin/funding/bid/")
    follow_link(ben, "My assessments")
    row = ben.locator("#my-assessments tbody tr")
    assert row.count() == 1
    assert "Shared street lighting faults" in row.inner_text()
    follow_link(ben, f"Declare a conflict with {reference}", within=row)
    ben.get_by_label("Why you have a conflict of interest with this bid").fill(
        "I managed the lighting contract with Leadshire until March."
    )
    press_button(ben, "Declare the conflict")
    assert f"Your conflict of interest with {reference} is recorded." in messages_shown(ben)

    response = ben.goto(f"/admin/funding/bid/{bid.pk}/change/")
    assert response.status == 403
    refused = main_text(ben)
    assert f"You have a conflict of interest with {reference}" in refused
    assert "I managed the lighting contract with Leadshire until March." in refused
    assert "Shared street lighting faults" not in refused
    assert Conflict.objects.filter(assessor__username="ben").exists()

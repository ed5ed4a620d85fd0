"""Who may open what in the fund's admin: the assessors' and content editors'
groups, and staff and visitors without them refused."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group

from funding.models import Bid, BidState
from tests.admin_pages import make_staff
from tests.factories import RoundFactory
from tests.funding.admin.fund_admin import (
    BIDS,
    ROUNDS,
    bid_in_assessment,
    change_url,
    submitted_bid,
)
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db


# The groups


def group_permissions(name: str) -> set[tuple[str, str]]:
    return set(
        Group.objects.get(name=name).permissions.values_list("content_type__app_label", "codename")
    )


def test_fund_assessors_may_assess_bids_but_not_set_up_rounds():
    assert {codename for app, codename in group_permissions("Fund assessors")} == {
        "view_fund",
        "view_round",
        "view_roundphase",
        "view_criterion",
        "view_bid",
        "change_bid",
        "view_bidsubmission",
        "view_bidstatechange",
        "add_score",
        "change_score",
        "view_score",
        "add_bidcomment",
        "view_bidcomment",
        "add_projectlink",
        "change_projectlink",
        "delete_projectlink",
        "view_projectlink",
        # Assessors see the bids assigned to them, and declare conflicts on them.
        "view_assignment",
        "add_conflict",
        "add_agreedscore",
        "change_agreedscore",
        "view_agreedscore",
        "view_bidapproval",
        "view_criterionfeedback",
        "add_grantpayment",
        "change_grantpayment",
        "delete_grantpayment",
        "view_grantpayment",
        # Expressions of interest: read them and their history, invite or decline.
        "view_expression",
        "change_expression",
        "view_expressionstatechange",
    }
    assert {app for app, _ in group_permissions("Fund assessors")} == {"funding"}


def test_content_editors_may_set_up_funds_and_rounds_and_keep_the_declaration():
    found = group_permissions("Content editors")

    assert ("declaration", "change_declaration") in found
    assert ("declaration", "change_principle") in found
    for model in ["fund", "round", "roundphase", "criterion"]:
        for action in ["add", "change", "view"]:
            assert ("funding", f"{action}_{model}") in found
    assert ("funding", "delete_roundphase") in found
    assert ("funding", "delete_criterion") in found
    assert ("funding", "delete_round") not in found
    assert not {codename for app, codename in found if app == "funding" and "bid" in codename}


def test_the_group_migration_can_be_undone_and_done_again():
    migration = importlib.import_module("funding.migrations.0002_fund_assessors_group")
    before = group_permissions("Content editors")

    migration.remove_groups(django_apps, None)

    assert not Group.objects.filter(name="Fund assessors").exists()
    assert group_permissions("Content editors") == {
        permission for permission in before if permission[0] != "funding"
    }

    migration.create_groups(django_apps, None)

    assert group_permissions("Content editors") == before
    assert len(group_permissions("Fund assessors")) == 17


# Who may open what


@pytest.mark.parametrize(
    "path",
    [
        "/admin/funding/",
        BIDS,
        ROUNDS,
        "/admin/funding/fund/",
    ],
)
def test_an_assessor_can_open_the_fund_admin(assessor_client, path):
    RoundFactory()

    assert assessor_client.get(path).status_code == 200


def test_an_assessor_can_read_rounds_but_not_change_them(assessor_client):
    round_ = RoundFactory()

    page = assessor_client.get(f"{ROUNDS}{round_.pk}/change/")

    assert page.status_code == 200
    assert 'name="name"' not in page.content.decode()
    assert assessor_client.get(f"{ROUNDS}add/").status_code == 403
    assert assessor_client.post(f"{ROUNDS}{round_.pk}/change/", {"name": "X"}).status_code == 403


def test_a_moderator_without_fund_permissions_is_refused(client, django_user_model):
    sign_in_staff(client, make_staff(django_user_model, "moderator", "Moderators"))
    bid = bid_in_assessment()
    paths = [
        BIDS,
        change_url(bid),
        f"{BIDS}{bid.pk}/score/",
        f"{BIDS}{bid.pk}/move/fund/",
        ROUNDS,
        f"{ROUNDS}{bid.round.pk}/export/",
    ]

    for path in paths:
        assert client.get(path).status_code == 403, path
    assert client.post(f"{BIDS}{bid.pk}/move/fund/", {"seen_state": bid.state}).status_code == 403
    bid.refresh_from_db()
    assert bid.state == BidState.IN_ASSESSMENT


def test_a_content_editor_cannot_read_bids(client, content_editor):
    sign_in_staff(client, content_editor)
    bid = submitted_bid()

    assert client.get(BIDS).status_code == 403
    assert client.get(change_url(bid)).status_code == 403
    assert client.get(f"{ROUNDS}{bid.round.pk}/export/").status_code == 403
    round_page = client.get(f"{ROUNDS}{bid.round.pk}/change/").content.decode()
    assert "Download bids and scores" not in round_page


def test_nobody_adds_or_deletes_bids_in_admin(assessor_client):
    bid = submitted_bid()

    assert assessor_client.get(f"{BIDS}add/").status_code == 403
    assert assessor_client.post(f"{BIDS}{bid.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Bid.objects.filter(pk=bid.pk).exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    bid = bid_in_assessment()

    for path in [BIDS, f"{BIDS}{bid.pk}/score/", f"{BIDS}{bid.pk}/move/fund/"]:
        response = client.get(path)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_an_unknown_bid_is_not_found(assessor_client):
    for path in [f"{BIDS}999999/score/", f"{BIDS}999999/move/fund/"]:
        assert assessor_client.get(path).status_code == 404
    assert assessor_client.get(f"{BIDS}1/move/approve/").status_code == 404
    assert assessor_client.get(f"{ROUNDS}999999/export/").status_code == 404

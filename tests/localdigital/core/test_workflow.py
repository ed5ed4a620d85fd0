"""The workflow engine owns every record's history and checks who may make each move."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail

from funding import services as fund_services
from funding.models import BidState
from funding.workflow import BID_WORKFLOW
from localdigital.core.models import OutboundEmail
from localdigital.core.workflow import MoveNotPermitted
from signatories import services
from signatories.models import SignUp, SignUpState
from signatories.workflow import SIGN_UP_WORKFLOW
from tests.factories import BidFactory, OrganisationFactory, RejectionReasonFactory, SignUpFactory
from tests.factories import answers as sign_up_answers
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db


def staff(django_user_model, username: str, *, group: str | None = None, permissions=()):
    user = django_user_model.objects.create_user(
        username=username, password="unused-password-123", is_staff=True
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def test_a_new_sign_up_s_first_history_row_is_written_by_the_engine():
    sign_up = services.sign_up_submit(
        organisation=OrganisationFactory(), answers=sign_up_answers(officer_name="Ada Lovelace")
    )

    first = sign_up.state_changes.get()
    assert (first.from_state, first.to_state) == ("", SignUpState.AWAITING_CONFIRMATION)
    assert first.by_label == "Ada Lovelace (officer)"


def test_a_new_bid_s_first_history_row_is_written_by_the_engine():
    bid = BidFactory()
    started = fund_services.bid_start(round_=bid.round, lead=bid.lead, email=bid.created_by_email)

    first = started.state_changes.get()
    assert (first.from_state, first.to_state, first.note) == ("", BidState.DRAFT, "Bid started")


def test_staff_without_the_moderators_permission_cannot_approve_and_nothing_changes(
    django_user_model,
):
    # May read sign-ups, may not moderate them.
    reader = staff(django_user_model, "reader", permissions=["view_signup"])
    sign_up = SignUpFactory(state=SignUpState.AWAITING_REVIEW)
    mail.outbox.clear()

    with pytest.raises(MoveNotPermitted):
        services.sign_up_approve(sign_up=SignUp.objects.get(pk=sign_up.pk), by=reader)

    sign_up.refresh_from_db()
    assert sign_up.state == SignUpState.AWAITING_REVIEW
    assert not sign_up.state_changes.filter(to_state=SignUpState.AWAITING_SIGN_OFF).exists()
    assert not OutboundEmail.objects.filter(reference=sign_up.reference).exists()
    assert mail.outbox == []


def test_an_assessor_may_not_moderate_nor_a_moderator_assess(django_user_model):
    assessor = staff(django_user_model, "assessor", group="Fund assessors")
    moderator = staff(django_user_model, "moderator", group="Moderators")

    assert SIGN_UP_WORKFLOW.may_make(moderator, "reject")
    assert not SIGN_UP_WORKFLOW.may_make(assessor, "reject")
    assert BID_WORKFLOW.may_make(assessor, "fund")
    assert not BID_WORKFLOW.may_make(moderator, "fund")

    sign_up = SignUpFactory(state=SignUpState.AWAITING_REVIEW)
    with pytest.raises(MoveNotPermitted):
        services.sign_up_reject(sign_up=sign_up, by=assessor, reason=RejectionReasonFactory())
    sign_up.refresh_from_db()
    assert sign_up.state == SignUpState.AWAITING_REVIEW


def test_officers_moves_need_no_staff_permission(django_user_model):
    # Officers prove who they are by link; the engine asks nothing of them.
    assert SIGN_UP_WORKFLOW.permission_for("confirm_email") is None
    assert BID_WORKFLOW.permission_for("submit") is None
    assert SIGN_UP_WORKFLOW.permission_for("approve") == "signatories.change_signup"
    assert BID_WORKFLOW.permission_for("start_assessment") == "funding.change_bid"


def test_the_admin_refuses_a_moderation_page_to_staff_without_the_permission(
    client, django_user_model
):
    reader = staff(django_user_model, "reader", permissions=["view_signup"])
    sign_up = SignUpFactory(state=SignUpState.AWAITING_REVIEW)
    sign_in_staff(client, reader)

    page = client.get(f"/admin/signatories/signup/{sign_up.pk}/moderate/approve/")
    posted = client.post(
        f"/admin/signatories/signup/{sign_up.pk}/moderate/approve/",
        {"seen_state": SignUpState.AWAITING_REVIEW},
    )
    change_page = client.get(f"/admin/signatories/signup/{sign_up.pk}/change/")

    assert page.status_code == 403
    assert posted.status_code == 403
    assert change_page.status_code == 200
    assert "moderate/approve/" not in change_page.content.decode()
    sign_up.refresh_from_db()
    assert sign_up.state == SignUpState.AWAITING_REVIEW

"""What each sign-up service does: the state it leaves, what it saves, the links
and the emails it sends."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import resolve
from django.utils import timezone

from localdigital.core.models import OutboundEmail
from localdigital.core.tokens import hash_token
from localdigital.core.working_days import add_working_days
from signatories import services
from signatories.models import (
    LinkPurpose,
    Organisation,
    SignUp,
    SignUpLink,
    SignUpState,
    StateChange,
)
from tests.factories import (
    OrganisationFactory,
    SignUpFactory,
    answers,
    moderator_user,
)
from tests.signatories.services.emailed_links import LINK, link_in

pytestmark = pytest.mark.django_db

State = SignUpState


@pytest.fixture
def moderator(django_user_model):
    return moderator_user("mod", password="unused-password-123")


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Otherton Borough Council", email_domains="otherton.gov.uk")


def otherton_answers(**overrides):
    values = {
        "officer_email": "priya.shah@otherton.gov.uk",
        "approver_email": "tom.evans@otherton.gov.uk",
    }
    return answers(**(values | overrides))


def submit(organisation, django_capture_on_commit_callbacks, **overrides) -> SignUp:
    with django_capture_on_commit_callbacks(execute=True):
        return services.sign_up_submit(
            organisation=organisation, answers=otherton_answers(**overrides)
        )


def confirm(sign_up, django_capture_on_commit_callbacks) -> SignUp:
    _, link = link_in(mail.outbox[-1], LinkPurpose.CONFIRM_EMAIL)
    with django_capture_on_commit_callbacks(execute=True):
        return services.sign_up_confirm_email(link=link)


# Submitting


def test_submitting_saves_the_answers_and_waits_for_the_officer_to_confirm(
    organisation, django_capture_on_commit_callbacks
):
    sign_up = submit(organisation, django_capture_on_commit_callbacks)

    sign_up.refresh_from_db()
    assert sign_up.state == State.AWAITING_CONFIRMATION
    assert re.fullmatch(r"LDD-[A-HJ-NP-Z2-9]{8}", sign_up.reference)
    assert (sign_up.officer_name, sign_up.approver_name) == ("Priya Shah", "Tom Evans")
    assert sign_up.approver_email == "tom.evans@otherton.gov.uk"
    assert sign_up.confirmed_at is None and sign_up.review_due is None
    assert sign_up.commitment.title == "Online licence renewals by March 2027"
    assert sorted(p.number for p in sign_up.commitment.principles.all()) == [1, 2]
    change = sign_up.state_changes.get()
    assert (change.from_state, change.to_state) == ("", State.AWAITING_CONFIRMATION)
    assert change.by_label == "Priya Shah (officer)"


def test_submitting_emails_the_officer_a_working_confirmation_link(
    organisation, django_capture_on_commit_callbacks
):
    sign_up = submit(organisation, django_capture_on_commit_callbacks)

    [message] = mail.outbox
    assert message.to == ["priya.shah@otherton.gov.uk"]
    assert sign_up.reference in message.subject
    assert sign_up.reference in message.body
    assert "Otherton Borough Council" in message.body
    path, link = link_in(message, LinkPurpose.CONFIRM_EMAIL)
    assert resolve(path).view_name == "sign:confirm-email"
    assert link.sign_up == sign_up
    assert OutboundEmail.objects.get().state == OutboundEmail.State.SENT


def test_only_a_hash_of_the_link_is_stored(organisation, django_capture_on_commit_callbacks):
    submit(organisation, django_capture_on_commit_callbacks)
    token = LINK.search(mail.outbox[0].body).group(2)

    stored = SignUpLink.objects.get()
    assert stored.token_hash == hash_token(token)
    assert not SignUpLink.objects.filter(token_hash=token).exists()
    assert token not in stored.token_hash


def test_a_second_live_sign_up_for_an_organisation_is_refused(
    organisation, django_capture_on_commit_callbacks
):
    submit(organisation, django_capture_on_commit_callbacks)

    with pytest.raises(services.OrganisationAlreadySigning):
        submit(organisation, django_capture_on_commit_callbacks)

    assert SignUp.objects.count() == 1
    assert len(mail.outbox) == 1


def test_an_organisation_whose_sign_up_was_rejected_may_sign_up_again(
    organisation, django_capture_on_commit_callbacks
):
    SignUpFactory(organisation=organisation, state=State.REJECTED)

    sign_up = submit(organisation, django_capture_on_commit_callbacks)

    assert sign_up.state == State.AWAITING_CONFIRMATION


# The email domain check


@pytest.mark.parametrize(
    ("officer_email", "approver_email", "mismatch"),
    [
        ("priya.shah@otherton.gov.uk", "tom.evans@otherton.gov.uk", False),
        ("priya.shah@digital.otherton.gov.uk", "tom.evans@otherton.gov.uk", False),
        ("priya.shah@gmail.com", "tom.evans@otherton.gov.uk", True),
        ("priya.shah@otherton.gov.uk", "tom.evans@supplier.example.com", True),
        ("priya.shah@nototherton.gov.uk", "tom.evans@otherton.gov.uk", True),
    ],
)
def test_addresses_outside_the_organisations_domains_are_flagged(
    organisation, django_capture_on_commit_callbacks, officer_email, approver_email, mismatch
):
    sign_up = submit(
        organisation,
        django_capture_on_commit_callbacks,
        officer_email=officer_email,
        approver_email=approver_email,
    )

    assert sign_up.email_domain_mismatch is mismatch


def test_an_organisation_with_no_known_domains_is_not_flagged(django_capture_on_commit_callbacks):
    # Nothing to compare with: moderators see it as a new organisation instead.
    organisation = Organisation.objects.create(
        name="Friends of Otherton Library", organisation_type="charity", needs_review=True
    )

    sign_up = submit(
        organisation, django_capture_on_commit_callbacks, officer_email="chair@friends.org.uk"
    )

    assert sign_up.email_domain_mismatch is False


def test_a_very_long_officer_name_does_not_break_the_record(
    organisation, django_capture_on_commit_callbacks
):
    sign_up = submit(organisation, django_capture_on_commit_callbacks, officer_name="P" * 200)

    assert len(sign_up.state_changes.get().by_label) == 200


# Confirming the email address


def test_confirming_sends_the_sign_up_for_review_with_a_deadline(
    organisation, django_capture_on_commit_callbacks
):
    sign_up = submit(organisation, django_capture_on_commit_callbacks)

    confirmed = confirm(sign_up, django_capture_on_commit_callbacks)

    sign_up.refresh_from_db()
    assert confirmed == sign_up
    assert sign_up.state == State.AWAITING_REVIEW
    assert sign_up.confirmed_at is not None
    assert sign_up.review_due == add_working_days(timezone.localdate(), 3)
    assert sign_up.review_due > timezone.localdate()
    change = sign_up.state_changes.last()
    assert (change.from_state, change.to_state) == (
        State.AWAITING_CONFIRMATION,
        State.AWAITING_REVIEW,
    )
    received = mail.outbox[-1]
    assert received.to == ["priya.shah@otherton.gov.uk"]
    assert sign_up.reference in received.subject and sign_up.reference in received.body
    assert sign_up.review_due.strftime("%-d %B %Y") in received.body


def test_a_confirmation_link_works_once(organisation, django_capture_on_commit_callbacks):
    sign_up = submit(organisation, django_capture_on_commit_callbacks)
    _, link = link_in(mail.outbox[0], LinkPurpose.CONFIRM_EMAIL)
    services.sign_up_confirm_email(link=link)

    assert services.sign_up_confirm_email(link=link) is None
    assert link_in(mail.outbox[0], LinkPurpose.CONFIRM_EMAIL)[1] is None
    assert sign_up.state_changes.count() == 2


def test_an_expired_link_does_not_work(organisation, django_capture_on_commit_callbacks):
    submit(organisation, django_capture_on_commit_callbacks)
    SignUpLink.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    assert link_in(mail.outbox[0], LinkPurpose.CONFIRM_EMAIL)[1] is None


def test_a_link_does_not_work_for_another_purpose(organisation, django_capture_on_commit_callbacks):
    submit(organisation, django_capture_on_commit_callbacks)

    assert link_in(mail.outbox[0], LinkPurpose.SIGN)[1] is None


def test_resending_the_confirmation_replaces_the_old_link(
    organisation, django_capture_on_commit_callbacks
):
    sign_up = submit(organisation, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        services.sign_up_resend_confirmation(sign_up=sign_up)

    first, second = mail.outbox
    assert second.to == ["priya.shah@otherton.gov.uk"]
    assert sign_up.reference in second.subject
    assert link_in(first, LinkPurpose.CONFIRM_EMAIL)[1] is None
    assert link_in(second, LinkPurpose.CONFIRM_EMAIL)[1].sign_up == sign_up


def test_resending_after_confirmation_sends_nothing(django_capture_on_commit_callbacks):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)

    with django_capture_on_commit_callbacks(execute=True):
        services.sign_up_resend_confirmation(sign_up=sign_up)

    assert mail.outbox == []
    assert not sign_up.links.exists()


# The changes the officer sends, and the senior approver's signature


def test_resubmitting_saves_the_changes_and_returns_the_sign_up_to_the_queue(
    organisation, moderator, django_capture_on_commit_callbacks
):
    sign_up = confirm(
        submit(organisation, django_capture_on_commit_callbacks),
        django_capture_on_commit_callbacks,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.sign_up_request_changes(sign_up=sign_up, by=moderator, advice="Add a date.")
    _, link = link_in(mail.outbox[-1], LinkPurpose.EDIT)
    SignUp.objects.filter(pk=sign_up.pk).update(review_due=datetime.date(2020, 1, 1))

    with django_capture_on_commit_callbacks(execute=True):
        services.sign_up_resubmit(
            link=link,
            answers=otherton_answers(
                title="Online licence renewals live by 31 March 2027",
                approver_email="tom.evans@gmail.com",
            ),
        )

    sign_up.refresh_from_db()
    assert sign_up.state == State.AWAITING_REVIEW
    assert sign_up.commitment.title == "Online licence renewals live by 31 March 2027"
    assert sign_up.approver_email == "tom.evans@gmail.com"
    assert sign_up.email_domain_mismatch is True
    assert sign_up.review_due == add_working_days(timezone.localdate(), 3)
    change = sign_up.state_changes.last()
    assert (change.from_state, change.to_state, change.by_label) == (
        State.CHANGES_REQUESTED,
        State.AWAITING_REVIEW,
        "Priya Shah (officer)",
    )
    assert sign_up.reference in mail.outbox[-1].subject
    # The edit link is single-use.
    assert services.sign_up_resubmit(link=link, answers=otherton_answers()) is None


def test_signing_makes_the_organisation_a_signatory_and_sends_both_a_copy(
    moderator, django_capture_on_commit_callbacks
):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        services.sign_up_approve(sign_up=sign_up, by=moderator)
    _, link = link_in(mail.outbox[0], LinkPurpose.SIGN)

    with django_capture_on_commit_callbacks(execute=True):
        signed = services.sign_up_sign(link=link, typed_name="Tom Evans")

    sign_up.refresh_from_db()
    assert signed == sign_up
    assert sign_up.state == State.SIGNED
    assert sign_up.signed_by_name == "Tom Evans"
    assert sign_up.signed_at is not None
    assert SignUp.objects.signed().get() == sign_up
    assert sign_up.state_changes.last().by_label == "Tom Evans (senior approver)"
    copies = mail.outbox[1:]
    assert sorted(m.to[0] for m in copies) == sorted(
        [sign_up.officer_email, sign_up.approver_email]
    )
    for message in copies:
        assert sign_up.reference in message.subject and sign_up.reference in message.body
        assert sign_up.commitment.title in message.body
        assert f"Signed on: {timezone.localdate():%-d %B %Y}" in message.body
    assert services.sign_up_sign(link=link, typed_name="Tom Evans") is None


# Clearing out sign-ups nobody confirmed


def test_sign_ups_never_confirmed_are_deleted_after_30_days():
    now = timezone.now()
    old = SignUpFactory(state=State.AWAITING_CONFIRMATION, confirmed_at=None)
    recent = SignUpFactory(state=State.AWAITING_CONFIRMATION, confirmed_at=None)
    old_but_confirmed = SignUpFactory(state=State.AWAITING_REVIEW)
    SignUp.objects.filter(pk__in=[old.pk, old_but_confirmed.pk]).update(
        created_at=now - datetime.timedelta(days=31)
    )
    SignUp.objects.filter(pk=recent.pk).update(created_at=now - datetime.timedelta(days=29))

    assert services.purge_unconfirmed(now=now) == 1

    assert set(SignUp.objects.values_list("pk", flat=True)) == {recent.pk, old_but_confirmed.pk}
    assert not StateChange.objects.filter(sign_up_id=old.pk).exists()


def test_clearing_out_with_nothing_to_clear_deletes_nothing():
    SignUpFactory(state=State.AWAITING_CONFIRMATION, confirmed_at=None)

    assert services.purge_unconfirmed() == 0
    assert SignUp.objects.count() == 1


def test_clearing_out_also_deletes_their_emails_and_typed_in_organisations(
    django_capture_on_commit_callbacks,
):
    typed_in = OrganisationFactory(
        name="Newtown Parish Council", is_from_register=False, register_code=""
    )
    with django_capture_on_commit_callbacks(execute=True):
        stale = services.sign_up_submit(organisation=typed_in, answers=answers())
        kept = services.sign_up_submit(organisation=OrganisationFactory(), answers=answers())
    SignUp.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )

    services.purge_unconfirmed()

    assert not OutboundEmail.objects.filter(reference=stale.reference).exists()
    assert OutboundEmail.objects.filter(reference=kept.reference).exists()
    assert not Organisation.objects.filter(pk=typed_in.pk).exists()
    assert Organisation.objects.filter(pk=kept.organisation_id).exists()

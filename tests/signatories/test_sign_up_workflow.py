"""The sign-up workflow refuses every move its table does not allow, and records every one it makes."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from signatories import services
from signatories.models import SignUp, SignUpState, StateChange
from signatories.workflow import MOVES, IllegalMove, allowed_moves, move
from tests.factories import RejectionReasonFactory, SignUpFactory

pytestmark = pytest.mark.django_db

State = SignUpState

# The product's rules, written out again here rather than read from the
# table, so that a change to the table has to be made on purpose in both.
EXPECTED_MOVES = {
    State.AWAITING_CONFIRMATION: {"confirm_email"},
    State.AWAITING_REVIEW: {"approve", "request_changes", "reject"},
    State.CHANGES_REQUESTED: {"resubmit", "reject"},
    State.AWAITING_SIGN_OFF: {"sign", "reject"},
    State.SIGNED: {"remove"},
    State.REJECTED: set(),
    State.REMOVED: set(),
}

ILLEGAL = [
    (state, name) for state in State.values for name in MOVES if name not in EXPECTED_MOVES[state]
]
LEGAL = [(state, name) for state in State.values for name in sorted(EXPECTED_MOVES[state])]


def make_moderator(django_user_model, username: str):
    user = django_user_model.objects.create_user(username=username, password="unused-pass-123")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def moderator(django_user_model):
    return make_moderator(django_user_model, "mod")


@pytest.mark.parametrize("state", State.values)
def test_each_state_allows_exactly_the_moves_the_product_describes(state):
    assert set(allowed_moves(state)) == EXPECTED_MOVES[state]


def test_rejected_and_removed_are_final():
    assert allowed_moves(State.REJECTED) == []
    assert allowed_moves(State.REMOVED) == []


@pytest.mark.parametrize(("state", "move_name"), ILLEGAL)
def test_an_illegal_move_is_refused_and_changes_nothing(state, move_name, moderator):
    sign_up = SignUpFactory(state=state)
    history_before = list(sign_up.state_changes.values_list("pk", flat=True))

    with pytest.raises(IllegalMove) as refused:
        move(
            sign_up,
            move_name,
            by_user=moderator,
            note="should not be kept",
            fields={"signed_at": timezone.now()},
        )

    assert refused.value.move_name == move_name
    assert move_name in str(refused.value)
    sign_up.refresh_from_db()
    assert sign_up.state == state
    assert list(sign_up.state_changes.values_list("pk", flat=True)) == history_before


@pytest.mark.parametrize(("state", "move_name"), LEGAL)
def test_a_legal_move_records_from_to_who_when_and_why(state, move_name, moderator):
    sign_up = SignUpFactory(state=state)
    before = timezone.now()

    change = move(
        sign_up,
        move_name,
        by_user=moderator,
        note="Looks right to me",
        fields={"signed_at": timezone.now()},
    )

    sign_up.refresh_from_db()
    target = MOVES[move_name].target
    assert sign_up.state == target
    recorded = StateChange.objects.get(pk=change.pk)
    assert recorded.sign_up == sign_up
    assert (recorded.from_state, recorded.to_state) == (state, target)
    assert recorded.by_user == moderator
    assert recorded.by_label == "mod"
    assert recorded.note == "Looks right to me"
    assert before <= recorded.at <= timezone.now()


def test_a_move_by_someone_who_is_not_staff_is_recorded_by_their_label():
    sign_up = SignUpFactory(state=State.AWAITING_CONFIRMATION)

    change = move(sign_up, "confirm_email", by_label="Priya Shah (officer)")

    assert change.by_user is None
    assert change.by_label == "Priya Shah (officer)"


def test_a_move_with_no_one_named_is_recorded_as_its_actor():
    sign_up = SignUpFactory(state=State.AWAITING_SIGN_OFF)

    assert move(sign_up, "sign", fields={"signed_at": timezone.now()}).by_label == "approver"


def test_a_very_long_name_is_shortened_to_fit_the_record():
    sign_up = SignUpFactory(state=State.AWAITING_CONFIRMATION)

    change = move(sign_up, "confirm_email", by_label="A" * 200 + " (officer)")

    change.refresh_from_db()
    assert len(change.by_label) == 200
    assert change.by_label.startswith("AAAA")


def test_a_move_checks_the_saved_state_not_the_copy_in_hand(moderator):
    # A page opened before someone else acted holds an out-of-date copy.
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    stale = SignUp.objects.get(pk=sign_up.pk)
    SignUp.objects.filter(pk=sign_up.pk).update(state=State.REJECTED)

    with pytest.raises(IllegalMove):
        move(stale, "approve", by_user=moderator)

    assert stale.state == State.REJECTED
    sign_up.refresh_from_db()
    assert sign_up.state == State.REJECTED


def test_of_two_moderators_acting_on_one_sign_up_the_second_is_refused(django_user_model):
    first = make_moderator(django_user_model, "first")
    second = make_moderator(django_user_model, "second")
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    # Both opened the sign-up while it was awaiting review.
    seen_by_first = SignUp.objects.get(pk=sign_up.pk)
    seen_by_second = SignUp.objects.get(pk=sign_up.pk)

    services.sign_up_approve(sign_up=seen_by_first, by=first)
    with pytest.raises(IllegalMove):
        services.sign_up_reject(
            sign_up=seen_by_second, by=second, reason=RejectionReasonFactory(), note="Too late"
        )

    sign_up.refresh_from_db()
    assert sign_up.state == State.AWAITING_SIGN_OFF
    assert sign_up.rejection_reason is None
    moves = list(sign_up.state_changes.exclude(from_state="").values_list("by_label", "to_state"))
    assert moves == [("first", State.AWAITING_SIGN_OFF)]


def test_a_moderator_who_decided_on_an_out_of_date_copy_is_refused_even_if_the_move_is_allowed(
    django_user_model,
):
    # Rejecting is allowed from awaiting sign-off, but this moderator decided
    # to reject what they saw awaiting review, before the other approved it.
    first = make_moderator(django_user_model, "first")
    second = make_moderator(django_user_model, "second")
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    seen_by_second = SignUp.objects.get(pk=sign_up.pk)
    services.sign_up_approve(sign_up=SignUp.objects.get(pk=sign_up.pk), by=first)

    with pytest.raises(IllegalMove) as refused:
        move(seen_by_second, "reject", by_user=second)

    assert refused.value.stale
    assert seen_by_second.state == State.AWAITING_SIGN_OFF
    # Having seen the sign-up as it now is, the moderator may reject it.
    move(seen_by_second, "reject", by_user=second)
    sign_up.refresh_from_db()
    assert sign_up.state == State.REJECTED


def test_of_a_rejection_and_an_approval_at_once_the_second_is_refused(moderator):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    seen_by_other = SignUp.objects.get(pk=sign_up.pk)
    services.sign_up_reject(sign_up=sign_up, by=moderator, reason=RejectionReasonFactory())

    with pytest.raises(IllegalMove):
        services.sign_up_approve(sign_up=seen_by_other, by=moderator)

    sign_up.refresh_from_db()
    assert sign_up.state == State.REJECTED
    assert not sign_up.links.exists()


def test_the_history_lists_every_change_in_order(moderator):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    move(sign_up, "request_changes", by_user=moderator, note="Name a date")
    move(sign_up, "resubmit", by_label="Priya Shah (officer)")
    move(sign_up, "approve", by_user=moderator)
    move(
        sign_up,
        "sign",
        by_label="Tom Evans (senior approver)",
        fields={"signed_at": timezone.now()},
    )

    assert [str(change) for change in sign_up.state_changes.all()] == [
        "new → Awaiting review",
        "Awaiting review → Changes requested",
        "Changes requested → Awaiting review",
        "Awaiting review → Awaiting senior sign-off",
        "Awaiting senior sign-off → Signed",
    ]


def test_a_move_can_write_what_the_new_state_requires_in_the_same_update():
    # The database refuses a signed sign-up without the date it was signed.
    sign_up = SignUpFactory(state=State.AWAITING_SIGN_OFF)
    signed_at = timezone.now() - datetime.timedelta(minutes=1)

    move(sign_up, "sign", fields={"signed_at": signed_at, "signed_by_name": "Tom Evans"})

    sign_up.refresh_from_db()
    assert (sign_up.state, sign_up.signed_at, sign_up.signed_by_name) == (
        State.SIGNED,
        signed_at,
        "Tom Evans",
    )

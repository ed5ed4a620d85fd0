"""The states of a sign-up, and the groups of them that rules are written in."""

from django.db import models


class SignUpState(models.TextChoices):
    AWAITING_CONFIRMATION = "awaiting_confirmation", "Awaiting email confirmation"
    AWAITING_REVIEW = "awaiting_review", "Awaiting review"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    AWAITING_SIGN_OFF = "awaiting_sign_off", "Awaiting senior sign-off"
    SIGNED = "signed", "Signed"
    REJECTED = "rejected", "Rejected"
    REMOVED = "removed", "Removed"


# An organisation may have one sign-up in one of these states at a time.
LIVE_STATES = [
    SignUpState.AWAITING_CONFIRMATION,
    SignUpState.AWAITING_REVIEW,
    SignUpState.CHANGES_REQUESTED,
    SignUpState.AWAITING_SIGN_OFF,
    SignUpState.SIGNED,
]
# States in which the moderators have something to do.
QUEUE_STATES = [SignUpState.AWAITING_REVIEW]

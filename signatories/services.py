"""Everything that changes a sign-up. Each function is one transaction; the
emails it owes are written to the outbox in that transaction and sent after
commit, so a change and its emails happen together or not at all."""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from declaration.models import Principle, ServiceArea
from localdigital.core.models import OutboundEmail
from localdigital.core.outbox import queue_email
from localdigital.core.tokens import hash_token, new_token
from localdigital.core.working_days import add_working_days
from signatories import emails
from signatories.models import (
    LINK_LIFETIMES,
    Commitment,
    LinkPurpose,
    Organisation,
    RejectionReason,
    SignUp,
    SignUpLink,
    SignUpState,
)
from signatories.workflow import SIGN_UP_WORKFLOW, move

REVIEW_WORKING_DAYS = 3
UNCONFIRMED_LIFETIME = datetime.timedelta(days=30)


class OrganisationAlreadySigning(Exception):
    """The organisation already has a sign-up in progress, or has signed."""


@dataclass
class SignUpAnswers:
    """What the officer tells us, whether first time or after changes were asked for."""

    officer_name: str
    officer_job_title: str
    officer_email: str
    approver_name: str
    approver_role: str
    approver_email: str
    title: str
    partners: str
    mission: str
    impact: str
    principles: list[Principle]
    service_area: ServiceArea
    has_authority: bool


def _new_link(*, sign_up: SignUp, purpose: LinkPurpose) -> str:
    """Make a single-use link and return its path; only the token's hash is stored."""
    token, token_hash = new_token()
    SignUpLink.objects.create(
        sign_up=sign_up,
        purpose=purpose,
        token_hash=token_hash,
        expires_at=timezone.now() + LINK_LIFETIMES[purpose],
    )
    url_names = {
        LinkPurpose.CONFIRM_EMAIL: "sign:confirm-email",
        LinkPurpose.EDIT: "sign:edit",
        LinkPurpose.SIGN: "sign:approver-sign",
    }
    return reverse(url_names[purpose], kwargs={"token": token})


def _email(*, to: str, message: tuple[str, str], sign_up: SignUp) -> None:
    subject, body = message
    queue_email(to=to, subject=subject, body=body, reference=sign_up.reference)


def _apply_answers(sign_up: SignUp, answers: SignUpAnswers) -> None:
    for field in (
        "officer_name",
        "officer_job_title",
        "officer_email",
        "approver_name",
        "approver_role",
        "approver_email",
        "has_authority",
    ):
        setattr(sign_up, field, getattr(answers, field))
    organisation = sign_up.organisation
    # Known domains are a hint for moderators, not a rule: councils use many.
    sign_up.email_domain_mismatch = bool(organisation.domain_list) and not (
        organisation.has_email_domain(answers.officer_email)
        and organisation.has_email_domain(answers.approver_email)
    )


def _save_commitment(sign_up: SignUp, answers: SignUpAnswers) -> None:
    commitment, _ = Commitment.objects.update_or_create(
        sign_up=sign_up,
        defaults={
            "title": answers.title,
            "partners": answers.partners,
            "mission": answers.mission,
            "impact": answers.impact,
            "service_area": answers.service_area,
        },
    )
    commitment.principles.set(answers.principles)


def find_link(*, token: str, purpose: LinkPurpose) -> SignUpLink | None:
    """The unused, unexpired link for `token`, or None."""
    return (
        SignUpLink.objects.usable()
        .select_related("sign_up__organisation")
        .filter(token_hash=hash_token(token), purpose=purpose)
        .first()
    )


def _close_links(sign_up: SignUp) -> None:
    """Stop every unused link: once a sign-up is rejected or removed, an old email
    must not let the officer edit it or the approver sign it."""
    sign_up.links.filter(used_at__isnull=True, expires_at__gt=timezone.now()).update(
        expires_at=timezone.now()
    )


def _use_link(link: SignUpLink) -> bool:
    """Mark the link used; False if someone else used it first."""
    return bool(
        SignUpLink.objects.filter(pk=link.pk, used_at__isnull=True).update(used_at=timezone.now())
    )


def sign_up_submit(*, organisation: Organisation, answers: SignUpAnswers) -> SignUp:
    """Record a new sign-up and email the officer a link to confirm their address."""
    try:
        with transaction.atomic():
            sign_up = SignUp(organisation=organisation)
            _apply_answers(sign_up, answers)
            sign_up.save()
            _save_commitment(sign_up, answers)
            SIGN_UP_WORKFLOW.start(sign_up, by_label=f"{answers.officer_name} (officer)")
            path = _new_link(sign_up=sign_up, purpose=LinkPurpose.CONFIRM_EMAIL)
            _email(
                to=sign_up.officer_email,
                message=emails.confirm_email(sign_up, path=path),
                sign_up=sign_up,
            )
    except IntegrityError as error:
        if (
            "one_live_sign_up_per_organisation" in str(error)
            or SignUp.objects.live().filter(organisation=organisation).exists()
        ):
            raise OrganisationAlreadySigning from error
        raise
    return sign_up


def sign_up_resend_confirmation(*, sign_up: SignUp) -> None:
    """Send a fresh confirmation link; earlier ones stop working."""
    with transaction.atomic():
        if sign_up.state != SignUpState.AWAITING_CONFIRMATION:
            return
        sign_up.links.filter(purpose=LinkPurpose.CONFIRM_EMAIL, used_at__isnull=True).update(
            expires_at=timezone.now()
        )
        path = _new_link(sign_up=sign_up, purpose=LinkPurpose.CONFIRM_EMAIL)
        _email(
            to=sign_up.officer_email,
            message=emails.confirm_email(sign_up, path=path),
            sign_up=sign_up,
        )


def _start_review_clock(sign_up: SignUp) -> None:
    sign_up.review_due = add_working_days(timezone.localdate(), REVIEW_WORKING_DAYS)


def sign_up_confirm_email(*, link: SignUpLink) -> SignUp | None:
    """The officer pressed the button: their address works; the sign-up goes for review."""
    with transaction.atomic():
        if not _use_link(link):
            return None
        sign_up = link.sign_up
        move(sign_up, "confirm_email", by_label=f"{sign_up.officer_name} (officer)")
        sign_up.confirmed_at = timezone.now()
        _start_review_clock(sign_up)
        sign_up.save(update_fields=["confirmed_at", "review_due"])
        _email(to=sign_up.officer_email, message=emails.received(sign_up), sign_up=sign_up)
    return sign_up


def sign_up_approve(*, sign_up: SignUp, by) -> None:
    """A moderator is content: the senior approver is asked to sign."""
    with transaction.atomic():
        move(sign_up, "approve", by_user=by)
        path = _new_link(sign_up=sign_up, purpose=LinkPurpose.SIGN)
        _email(
            to=sign_up.approver_email,
            message=emails.please_sign(sign_up, path=path),
            sign_up=sign_up,
        )


def sign_up_request_changes(*, sign_up: SignUp, by, advice: str) -> None:
    with transaction.atomic():
        move(sign_up, "request_changes", by_user=by, note=advice)
        sign_up.changes_advice = advice
        sign_up.save(update_fields=["changes_advice"])
        path = _new_link(sign_up=sign_up, purpose=LinkPurpose.EDIT)
        _email(
            to=sign_up.officer_email,
            message=emails.changes_requested(sign_up, path=path),
            sign_up=sign_up,
        )


def sign_up_resubmit(*, link: SignUpLink, answers: SignUpAnswers) -> SignUp | None:
    """The officer has made the changes: save them and return the sign-up to the queue."""
    with transaction.atomic():
        if not _use_link(link):
            return None
        sign_up = link.sign_up
        move(sign_up, "resubmit", by_label=f"{answers.officer_name} (officer)")
        _apply_answers(sign_up, answers)
        _start_review_clock(sign_up)
        sign_up.save()
        _save_commitment(sign_up, answers)
        _email(to=sign_up.officer_email, message=emails.received(sign_up), sign_up=sign_up)
    return sign_up


def sign_up_reject(*, sign_up: SignUp, by, reason: RejectionReason, note: str = "") -> None:
    with transaction.atomic():
        reason_text = str(reason).strip()
        if not reason_text.endswith((".", "!", "?")):
            reason_text += "."
        move(sign_up, "reject", by_user=by, note=f"{reason_text} {note.strip()}".strip())
        _close_links(sign_up)
        sign_up.rejection_reason = reason
        sign_up.rejection_note = note
        sign_up.save(update_fields=["rejection_reason", "rejection_note"])
        _email(to=sign_up.officer_email, message=emails.rejected(sign_up), sign_up=sign_up)


def sign_up_sign(*, link: SignUpLink, typed_name: str) -> SignUp | None:
    """The senior approver signs: the organisation becomes a public signatory."""
    with transaction.atomic():
        if not _use_link(link):
            return None
        sign_up = link.sign_up
        move(
            sign_up,
            "sign",
            by_label=f"{typed_name} (senior approver)",
            fields={"signed_at": timezone.now(), "signed_by_name": typed_name},
        )
        declaration_url = reverse("declaration:index")
        for name, address in (
            (sign_up.officer_name, sign_up.officer_email),
            (sign_up.approver_name, sign_up.approver_email),
        ):
            message = emails.signed_copy(
                sign_up, recipient_name=name, declaration_url=declaration_url
            )
            _email(to=address, message=message, sign_up=sign_up)
    return sign_up


def sign_up_remove(*, sign_up: SignUp, by, reason: str) -> None:
    with transaction.atomic():
        move(sign_up, "remove", by_user=by, note=reason)
        _close_links(sign_up)
        sign_up.removal_reason = reason
        sign_up.save(update_fields=["removal_reason"])
        _email(to=sign_up.officer_email, message=emails.removed(sign_up), sign_up=sign_up)


def purge_unconfirmed(*, now: datetime.datetime | None = None) -> int:
    """Delete sign-ups whose email was never confirmed within 30 days.

    With them go the copies of their emails in the outbox and any organisation
    that was typed in for them alone: all of it is personal data, or data
    nobody vouched for, that we have no reason to keep.
    """
    cutoff = (now or timezone.now()) - UNCONFIRMED_LIFETIME
    with transaction.atomic():
        stale = SignUp.objects.filter(
            state=SignUpState.AWAITING_CONFIRMATION, created_at__lt=cutoff
        )
        references = list(stale.values_list("reference", flat=True))
        typed_in = list(
            stale.filter(organisation__is_from_register=False).values_list(
                "organisation", flat=True
            )
        )
        _, deleted = stale.delete()
        OutboundEmail.objects.filter(reference__in=references).delete()
        Organisation.objects.filter(
            pk__in=typed_in, is_from_register=False, sign_ups__isnull=True
        ).delete()
    return deleted.get("signatories.SignUp", 0)

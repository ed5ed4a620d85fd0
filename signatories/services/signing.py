"""What people outside the Local Digital team do to a sign-up: the officer
sends it, confirms their address and makes the changes asked for; the senior
approver signs it."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from declaration.models import Principle, ServiceArea
from localdigital.core import content_version
from localdigital.core.working_days import add_working_days
from signatories import counts, emails, partner_listing
from signatories.models import (
    Commitment,
    LinkPurpose,
    Organisation,
    SignUp,
    SignUpLink,
)
from signatories.services.announcing import announce_new_signatory
from signatories.services.links import new_link, use_link
from signatories.services.refusals import OrganisationAlreadySigning
from signatories.workflow import SIGN_UP_WORKFLOW, allowed_moves, move

REVIEW_WORKING_DAYS = 3


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


def _start_review_clock(sign_up: SignUp) -> None:
    sign_up.review_due = add_working_days(timezone.localdate(), REVIEW_WORKING_DAYS)


def _email_confirmation_link(sign_up: SignUp) -> None:
    path = new_link(sign_up=sign_up, purpose=LinkPurpose.CONFIRM_EMAIL)
    emails.queue(
        emails.confirm_email(sign_up, path=path), to=sign_up.officer_email, sign_up=sign_up
    )


def _is_signing(organisation: Organisation) -> bool:
    return SignUp.objects.live().filter(organisation=organisation).exists()


def sign_up_check_organisation(*, organisation: Organisation) -> None:
    """Refuse, as early as the organisation is chosen, one that may not start a sign-up.

    Raises: OrganisationAlreadySigning (organisation_name) when it has a live sign-up.
    """
    if _is_signing(organisation):
        raise OrganisationAlreadySigning(organisation_name=organisation.name)


def sign_up_submit(*, organisation: Organisation, answers: SignUpAnswers) -> SignUp:
    """Record a new sign-up and email the officer a link to confirm their address.

    Raises: OrganisationAlreadySigning (organisation_name) when the organisation
    has a live sign-up, even one sent at the same moment.
    """
    try:
        with transaction.atomic():
            sign_up = SignUp(organisation=organisation)
            _apply_answers(sign_up, answers)
            sign_up.save()
            _save_commitment(sign_up, answers)
            SIGN_UP_WORKFLOW.start(sign_up, by_label=f"{answers.officer_name} (officer)")
            _email_confirmation_link(sign_up)
    except IntegrityError as error:
        if "one_live_sign_up_per_organisation" in str(error) or _is_signing(organisation):
            raise OrganisationAlreadySigning(organisation_name=organisation.name) from error
        raise
    return sign_up


def sign_up_submit_new_organisation(
    *, name: str, organisation_type: str, answers: SignUpAnswers
) -> SignUp:
    """Record a sign-up for an organisation the officer typed in, creating it.

    It is created only now, so that journeys abandoned half way leave no
    unchecked organisations behind; moderators check it (needs_review).
    Raises: OrganisationAlreadySigning, as sign_up_submit.
    """
    with transaction.atomic():
        organisation = Organisation.objects.create(
            name=name,
            organisation_type=organisation_type,
            needs_review=True,
            is_from_register=False,
        )
        return sign_up_submit(organisation=organisation, answers=answers)


def may_resend_confirmation(sign_up: SignUp) -> bool:
    """Whether a new confirmation link would be any use: the address can still be confirmed."""
    return "confirm_email" in allowed_moves(sign_up.state)


def sign_up_resend_confirmation(*, sign_up: SignUp) -> None:
    """Send a fresh confirmation link; earlier ones stop working.

    Does nothing, silently, for a sign-up no longer waiting for confirmation:
    the pages that ask answer the same either way.
    """
    with transaction.atomic():
        if not may_resend_confirmation(sign_up):
            return
        sign_up.links.filter(purpose=LinkPurpose.CONFIRM_EMAIL, used_at__isnull=True).update(
            expires_at=timezone.now()
        )
        _email_confirmation_link(sign_up)


def sign_up_confirm_email(*, link: SignUpLink) -> SignUp | None:
    """The officer pressed the button: their address works; the sign-up goes for review.

    Returns None if the link was used first (another tab, another click).
    Raises: IllegalMove when the sign-up is no longer awaiting confirmation.
    """
    with transaction.atomic():
        if not use_link(link):
            return None
        sign_up = link.sign_up
        move(sign_up, "confirm_email", by_label=f"{sign_up.officer_name} (officer)")
        sign_up.confirmed_at = timezone.now()
        _start_review_clock(sign_up)
        sign_up.save(update_fields=["confirmed_at", "review_due"])
        emails.queue(emails.received(sign_up), to=sign_up.officer_email, sign_up=sign_up)
    return sign_up


def sign_up_resubmit(*, link: SignUpLink, answers: SignUpAnswers) -> SignUp | None:
    """The officer has made the changes: save them and return the sign-up to the queue.

    Returns None if the link was used first.
    Raises: IllegalMove when changes are no longer asked for (rejected meanwhile).
    """
    with transaction.atomic():
        if not use_link(link):
            return None
        sign_up = link.sign_up
        move(sign_up, "resubmit", by_label=f"{answers.officer_name} (officer)")
        _apply_answers(sign_up, answers)
        _start_review_clock(sign_up)
        sign_up.save()
        _save_commitment(sign_up, answers)
        emails.queue(emails.received(sign_up), to=sign_up.officer_email, sign_up=sign_up)
    return sign_up


def sign_up_sign(*, link: SignUpLink, typed_name: str) -> SignUp | None:
    """The senior approver signs: the organisation becomes a public signatory.

    Returns None if the link was used first.
    Raises: IllegalMove when the sign-up is no longer awaiting sign-off.
    """
    with transaction.atomic():
        if not use_link(link):
            return None
        sign_up = link.sign_up
        move(
            sign_up,
            "sign",
            by_label=f"{typed_name} (senior approver)",
            fields={"signed_at": timezone.now(), "signed_by_name": typed_name},
        )
        content_version.bump()
        counts.recount(groups=[counts.group_of(sign_up.organisation)])
        partner_listing.refresh(organisation=sign_up.organisation)
        announce_new_signatory(sign_up)
        declaration_url = reverse("declaration:index")
        for name, address in (
            (sign_up.officer_name, sign_up.officer_email),
            (sign_up.approver_name, sign_up.approver_email),
        ):
            message = emails.signed_copy(
                sign_up, recipient_name=name, declaration_url=declaration_url
            )
            emails.queue(message, to=address, sign_up=sign_up)
    return sign_up

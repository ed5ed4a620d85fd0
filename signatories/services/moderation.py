"""What moderators do to a sign-up, from Django admin: approve it, ask for
changes, reject it, or remove a signatory. The workflow checks their
permission (MoveNotPermitted) and the sign-up's state (IllegalMove)."""

from django.db import transaction

from localdigital.core import content_version
from signatories import counts, emails, partner_listing
from signatories.models import LinkPurpose, RejectionReason, SignUp
from signatories.services.links import close_links, new_link
from signatories.workflow import move


def sign_up_approve(*, sign_up: SignUp, by) -> None:
    """A moderator is content: the senior approver is asked to sign.

    Raises: IllegalMove (not awaiting review, or moved since read), MoveNotPermitted.
    """
    with transaction.atomic():
        move(sign_up, "approve", by_user=by)
        path = new_link(sign_up=sign_up, purpose=LinkPurpose.SIGN)
        emails.queue(
            emails.please_sign(sign_up, path=path), to=sign_up.approver_email, sign_up=sign_up
        )


def sign_up_request_changes(*, sign_up: SignUp, by, advice: str) -> None:
    """A moderator asks the officer for changes, emailing them a link to make them.

    Raises: IllegalMove (not awaiting review, or moved since read), MoveNotPermitted.
    """
    with transaction.atomic():
        move(sign_up, "request_changes", by_user=by, note=advice)
        sign_up.changes_advice = advice
        sign_up.save(update_fields=["changes_advice"])
        path = new_link(sign_up=sign_up, purpose=LinkPurpose.EDIT)
        emails.queue(
            emails.changes_requested(sign_up, path=path), to=sign_up.officer_email, sign_up=sign_up
        )


def sign_up_reject(*, sign_up: SignUp, by, reason: RejectionReason, note: str = "") -> None:
    """A moderator turns the sign-up down; its links stop working and the officer is told why.

    Raises: IllegalMove (not in review, changes or sign-off), MoveNotPermitted.
    """
    with transaction.atomic():
        reason_text = str(reason).strip()
        if not reason_text.endswith((".", "!", "?")):
            reason_text += "."
        move(sign_up, "reject", by_user=by, note=f"{reason_text} {note.strip()}".strip())
        close_links(sign_up)
        sign_up.rejection_reason = reason
        sign_up.rejection_note = note
        sign_up.save(update_fields=["rejection_reason", "rejection_note"])
        emails.queue(emails.rejected(sign_up), to=sign_up.officer_email, sign_up=sign_up)


def sign_up_remove(*, sign_up: SignUp, by, reason: str) -> None:
    """A moderator takes a signatory off the public list; the officer is told why.

    Raises: IllegalMove (not signed), MoveNotPermitted.
    """
    with transaction.atomic():
        move(sign_up, "remove", by_user=by, note=reason)
        counts.recount(groups=[counts.group_of(sign_up.organisation)])
        partner_listing.refresh(organisation=sign_up.organisation)
        close_links(sign_up)
        sign_up.removal_reason = reason
        sign_up.save(update_fields=["removal_reason"])
        content_version.bump()
        emails.queue(emails.removed(sign_up), to=sign_up.officer_email, sign_up=sign_up)

"""Submitting a bid, and withdrawing it; the emails each owes."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from funding import emails, sections
from funding.answers import bid_answers
from funding.models import Bid, BidState, BidSubmission, Round
from funding.services.drafts import locked_draft, officer_label
from funding.services.eligibility import is_signed_current_council
from funding.services.refusals import BidIncomplete, LeadLimitReached, NotEligible, RoundClosed
from funding.workflow import move
from localdigital.core.outbox import queue_email
from signatories.models import SignUpState


def _check_sendable(bid: Bid, *, round_: Round) -> None:
    """Raise unless the round is open, the lead may still lead and every section is done."""
    if not round_.is_open():
        raise RoundClosed(round_name=round_.name, closes_at=round_.closes_at)
    if not is_signed_current_council(bid.lead):
        raise NotEligible([("lead_no_longer_signed", {"lead": bid.lead.name})])
    if left := sections.sections_left(bid):
        raise BidIncomplete(left)


def _free_lead_slot(bid: Bid, *, round_: Round) -> int:
    """The first of the lead's places in the round that no counted bid holds."""
    limit = round_.max_bids_per_lead
    taken = set(
        Bid.objects.filter(round=round_, lead=bid.lead)
        .exclude(lead_slot=None)
        .values_list("lead_slot", flat=True)
    )
    free = [slot for slot in range(1, limit + 1) if slot not in taken]
    # Counted as well as looked for: staff may lower the limit after some
    # bids have taken places above the new one.
    if not free or len(taken) >= limit:
        raise LeadLimitReached(lead_name=bid.lead.name, limit=limit, round_name=round_.name)
    return free[0]


def _move_to_submitted(bid: Bid, *, round_: Round, slot: int, email: str) -> datetime.datetime:
    """Make the "submit" move, numbering the bid in its round; return when it was made.

    Raises: LeadLimitReached, should the database find the place taken after all.
    """
    number = (Bid.objects.filter(round=round_).aggregate(most=Max("number"))["most"] or 0) + 1
    now = timezone.now()
    try:
        # A savepoint, so that a refusal by the database leaves the
        # transaction usable for the exception to be reported.
        with transaction.atomic():
            move(
                bid,
                "submit",
                by_label=officer_label(email),
                fields={
                    "lead_slot": slot,
                    "number": number,
                    "reference": f"{round_.reference_prefix}-{number:04d}",
                    "submitted_at": now,
                    "submitted_by_email": email,
                },
            )
    except IntegrityError as refused:
        raise LeadLimitReached(
            lead_name=bid.lead.name, limit=round_.max_bids_per_lead, round_name=round_.name
        ) from refused
    return now


def bid_submit(*, bid: Bid, email: str) -> Bid:
    """Submit a complete draft: freeze a copy, give it a reference, email those concerned.

    Raises: BidNotEditable, RoundClosed, NotEligible (lead_no_longer_signed),
    BidIncomplete, LeadLimitReached; in that order of checking.
    """
    with transaction.atomic():
        # Locking the round makes submissions to it one at a time, so numbers
        # follow on without gaps and two bids cannot count the same free place.
        # FOR NO KEY UPDATE, not FOR UPDATE: saving a bid's section checks
        # its round still exists (PostgreSQL's foreign-key check takes KEY
        # SHARE on the round) while it holds the bid's lock; a FOR UPDATE here
        # would wait for that bid while the save waited for the round, a
        # deadlock. NO KEY UPDATE still makes two submissions wait in turn.
        round_ = Round.objects.select_for_update(no_key=True).get(pk=bid.round_id)
        locked_draft(bid)
        current = Bid.objects.with_answers().get(pk=bid.pk)
        _check_sendable(current, round_=round_)
        slot = _free_lead_slot(current, round_=round_)
        now = _move_to_submitted(current, round_=round_, slot=slot, email=email)
        BidSubmission.objects.create(
            bid=current,
            answers=bid_answers(current),
            submitted_at=now,
            submitted_by_email=email,
        )
        _email_submission(current, email=email)
    bid.refresh_from_db()
    return bid


def _email_submission(bid: Bid, *, email: str) -> None:
    subject, body = emails.submitted_to_officer(bid)
    queue_email(to=email, subject=subject, body=body, reference=bid.reference)
    for partner in bid.partners.all():
        contacts = {
            address.lower(): address
            for sign_up in partner.sign_ups.all()
            if sign_up.state == SignUpState.SIGNED
            for address in (sign_up.officer_email,)
        }
        for address in contacts.values():
            subject, body = emails.submitted_to_partner(bid, partner_name=partner.name)
            queue_email(to=address, subject=subject, body=body, reference=bid.reference)


def officers_to_tell(bid: Bid) -> list[str]:
    """The addresses of the officers who started and submitted the bid, each once."""
    addresses = {}
    for address in (bid.submitted_by_email, bid.created_by_email):
        if address:
            addresses.setdefault(address.lower(), address)
    return list(addresses.values())


def bid_withdraw(*, bid: Bid, email: str, reason: str = "") -> None:
    """The lead's officer takes the bid back before a decision; its place is freed.

    A draft taken back is simply deleted from the officer's view: nobody else
    knew of it, so nobody is emailed.

    Raises: IllegalMove, when the workflow does not allow "withdraw" from the
    bid's state (decided, or withdrawn already) or the bid has moved since read.
    """
    was_draft = bid.state == BidState.DRAFT
    with transaction.atomic():
        move(
            bid,
            "withdraw",
            by_label=officer_label(email),
            note=reason,
            fields={"lead_slot": None},
        )
        if was_draft:
            return
        subject, body = emails.withdrawn(bid)
        for address in officers_to_tell(bid):
            queue_email(to=address, subject=subject, body=body, reference=bid.reference)

"""Everything that changes a bid, signs an officer in, or records an
assessment. Each function is one transaction; the emails it owes go to the
outbox in that transaction and are sent after commit."""

import datetime
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from funding import emails, sections
from funding.answers import bid_answers
from funding.models import (
    Attachment,
    Bid,
    BidComment,
    BidState,
    BidSubmission,
    CostLine,
    Criterion,
    Round,
    Score,
    SignInLink,
)
from funding.officers import organisations_of
from funding.uploads import check_upload
from funding.workflow import BID_WORKFLOW, move
from localdigital.core.outbox import queue_email
from localdigital.core.tokens import hash_token, new_token
from signatories.models import Organisation, SignUpState

SIGN_IN_LINK_LIFETIME = datetime.timedelta(minutes=15)
# Sign-in emails one address may be sent in an hour, whoever asks: enough for
# an officer who lost one or two, too few to fill someone's inbox.
SIGN_IN_EMAILS_PER_HOUR = 5


class NotEligible(Exception):
    """The officer may not start a bid for this council in this round."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


class BidNotEditable(Exception):
    """The bid has been submitted or withdrawn: its answers can no longer change."""


class RoundClosed(Exception):
    """The round is not open, so nothing can be submitted to it."""


class BidIncomplete(Exception):
    """Some sections are not complete yet."""

    def __init__(self, sections_left: list[str]):
        self.sections_left = sections_left
        super().__init__("Sections to complete: " + ", ".join(sections_left))


class LeadLimitReached(Exception):
    """The lead council has already submitted as many bids as the round allows."""


# Signing in -----------------------------------------------------------------


def sign_in_request(*, email: str) -> None:
    """Email `email` a single-use link that signs them in.

    Every address is sent a link, whether or not it belongs to a signed
    council, so that the page after asking looks the same for all: nobody
    can use it to find out which addresses we know. (What the officer may do
    once signed in depends on their organisations.)
    """
    email = email.strip()
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    recent = SignInLink.objects.filter(email__iexact=email, created_at__gte=an_hour_ago)
    if recent.count() >= SIGN_IN_EMAILS_PER_HOUR:
        return
    token, token_hash = new_token()
    with transaction.atomic():
        # Spent links are of no use to anyone; a day on, they go.
        SignInLink.objects.filter(expires_at__lt=an_hour_ago - datetime.timedelta(days=1)).delete()
        SignInLink.objects.create(
            email=email,
            token_hash=token_hash,
            expires_at=timezone.now() + SIGN_IN_LINK_LIFETIME,
        )
        subject, body = emails.sign_in(
            path=reverse("apply:sign-in-link", kwargs={"token": token}),
            minutes=int(SIGN_IN_LINK_LIFETIME.total_seconds() // 60),
        )
        queue_email(to=email, subject=subject, body=body)


def sign_in_link_find(*, token: str) -> SignInLink | None:
    """The usable link with this token, or None (unknown, used or expired)."""
    link = SignInLink.objects.filter(token_hash=hash_token(token)).first()
    return link if link is not None and link.is_usable() else None


def sign_in_link_use(*, token: str) -> str | None:
    """Use up the link and return the address it proves, or None if it cannot be used.

    The row is locked so that the same link, posted twice at once, signs in once.
    """
    with transaction.atomic():
        link = SignInLink.objects.select_for_update().filter(token_hash=hash_token(token)).first()
        if link is None or not link.is_usable():
            return None
        link.used_at = timezone.now()
        link.save(update_fields=["used_at"])
        return link.email


# Starting and editing a bid -------------------------------------------------


def lead_bids_counted(*, round_: Round, lead: Organisation) -> int:
    return Bid.objects.counted().filter(round=round_, lead=lead).count()


def _is_signed_current_council(organisation: Organisation) -> bool:
    return Organisation.objects.signed_current_councils().filter(pk=organisation.pk).exists()


def eligibility_problems(*, round_: Round, lead: Organisation, email: str) -> list[str]:
    """Why `email` may not start a bid led by `lead` in `round_`; empty if they may."""
    found = []
    if not round_.is_open():
        found.append(f"{round_.name} is not open for bids.")
    if not _is_signed_current_council(lead):
        found.append(
            f"Only councils that have signed the Local Digital Declaration can lead a bid, "
            f"and {lead.name} is not one."
        )
    elif not organisations_of(email).filter(pk=lead.pk).exists():
        found.append(
            f"Your email address is not one we know for {lead.name}. Sign in with your "
            f"{lead.name} address, or ask us to add your organisation's email domain."
        )
    limit = round_.max_bids_per_lead
    if lead_bids_counted(round_=round_, lead=lead) >= limit:
        found.append(
            f"{lead.name} has already submitted {limit} bid{'s' if limit != 1 else ''} to "
            f"{round_.name}, the most one council may lead."
        )
    return found


def bid_start(*, round_: Round, lead: Organisation, email: str) -> Bid:
    """Start a draft bid, or raise NotEligible saying why not."""
    if problems := eligibility_problems(round_=round_, lead=lead, email=email):
        raise NotEligible(problems)
    with transaction.atomic():
        bid = Bid.objects.create(round=round_, lead=lead, created_by_email=email)
        BID_WORKFLOW.start(bid, by_label=_officer_label(email), note="Bid started")
    return bid


def _officer_label(email: str) -> str:
    return f"{email} (officer)"


def _locked_draft(bid: Bid) -> Bid:
    """The bid's row, locked for the rest of the transaction, if it is still a draft."""
    current = Bid.objects.select_for_update().get(pk=bid.pk)
    if current.state != BidState.DRAFT:
        bid.state = current.state
        raise BidNotEditable(f"Bid {bid.pk} is {current.get_state_display().lower()}.")
    return current


def _mark(bid: Bid, section: str, *, completed: bool) -> None:
    done = [name for name in bid.completed_sections if name != section]
    if completed:
        done.append(section)
    bid.completed_sections = done


def bid_save_section(
    *, bid: Bid, section: str, values: dict, completed: bool | None
) -> list[sections.Problem]:
    """Save what the officer entered in a section and whether they say it is complete.

    Whatever was entered is kept, complete or not: the officer can come back
    to it. `values` are model fields, with lists of objects for `partners` and
    `principles`. Returns the problems that stop the section being complete
    when the officer said it was; it is then saved as in progress.
    """
    with transaction.atomic():
        current = _locked_draft(bid)
        many = {name: values.pop(name) for name in ("partners", "principles") if name in values}
        for name, value in values.items():
            setattr(current, name, value)
        current.save()
        for name, objects in many.items():
            getattr(current, name).set(objects)
        current = Bid.objects.with_answers().get(pk=bid.pk)
        found = sections.problems(current, section) if completed else []
        if completed is not None:
            _mark(current, section, completed=completed and not found)
            current.save(update_fields=["completed_sections", "updated_at"])
    return found


def bid_add_partner(*, bid: Bid, partner: Organisation) -> None:
    if partner.pk == bid.lead_id:
        raise ValidationError(
            "Choose a partner council other than the lead council", code="partner_is_lead"
        )
    if not _is_signed_current_council(partner):
        raise ValidationError(
            "Choose a council that has signed the Local Digital Declaration",
            code="partner_not_signed_council",
        )
    with transaction.atomic():
        current = _locked_draft(bid)
        current.partners.add(partner)


def bid_remove_partner(*, bid: Bid, partner: Organisation) -> None:
    with transaction.atomic():
        _locked_draft(bid).partners.remove(partner)


def bid_add_cost_line(*, bid: Bid, category: str, description: str, amount: int) -> CostLine:
    with transaction.atomic():
        current = _locked_draft(bid)
        line = CostLine(bid=current, category=category, description=description, amount=amount)
        line.full_clean()
        line.save()
    return line


def bid_remove_cost_line(*, bid: Bid, line_id: int) -> None:
    with transaction.atomic():
        _locked_draft(bid).cost_lines.filter(pk=line_id).delete()


def _fit_file_name(name: str) -> str:
    """The file's own name (no folders), cut to fit its field but keeping its extension."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "attachment"
    limit = Attachment._meta.get_field("original_name").max_length
    if len(name) <= limit:
        return name
    stem, dot, extension = name.rpartition(".")
    if not dot or len(extension) > 10:
        return name[:limit]
    return stem[: limit - len(extension) - 1] + "." + extension


def bid_add_attachment(*, bid: Bid, upload: UploadedFile, email: str) -> Attachment:
    """Keep an uploaded file with the bid, if its content is a format we take.

    Raises ValidationError (codes empty, too_large, wrong_type) otherwise.
    """
    kind = check_upload(upload)
    name = _fit_file_name(upload.name)
    with transaction.atomic():
        current = _locked_draft(bid)
        attachment = Attachment(
            bid=current,
            token=secrets.token_urlsafe(24),
            original_name=name,
            kind=kind,
            size=upload.size,
            uploaded_by_email=email,
        )
        attachment.file.save(attachment.token, upload, save=False)
        # Should the row fail to save, the file it names goes with it.
        try:
            attachment.save()
        except Exception:
            attachment.file.delete(save=False)
            raise
    return attachment


def bid_remove_attachment(*, bid: Bid, attachment_id: int) -> None:
    with transaction.atomic():
        attachment = _locked_draft(bid).attachments.filter(pk=attachment_id).first()
        if attachment is None:
            return
        stored = attachment.file.name
        attachment.delete()
        storage = attachment.file.storage
        transaction.on_commit(lambda: storage.delete(stored))


# Submitting and withdrawing -------------------------------------------------


def bid_submit(*, bid: Bid, email: str) -> Bid:
    """Submit a complete draft: freeze a copy, give it a reference, email those concerned.

    Raises RoundClosed, BidIncomplete, LeadLimitReached or BidNotEditable.
    """
    with transaction.atomic():
        # Locking the round makes submissions to it one at a time, so numbers
        # follow on without gaps and two bids cannot count the same free place.
        round_ = Round.objects.select_for_update().get(pk=bid.round_id)
        _locked_draft(bid)
        current = Bid.objects.with_answers().get(pk=bid.pk)
        if not round_.is_open():
            raise RoundClosed(f"{round_.name} closed at {round_.closes_at}.")
        if not _is_signed_current_council(current.lead):
            raise NotEligible(
                [
                    f"{current.lead.name} can no longer lead a bid: only current councils that "
                    f"have signed the Local Digital Declaration can."
                ]
            )
        if left := sections.incomplete_sections(current):
            raise BidIncomplete(left)
        taken = set(
            Bid.objects.filter(round=round_, lead=current.lead)
            .exclude(lead_slot=None)
            .values_list("lead_slot", flat=True)
        )
        free = [slot for slot in range(1, round_.max_bids_per_lead + 1) if slot not in taken]
        # Counted as well as looked for: staff may lower the limit after some
        # bids have taken places above the new one.
        if not free or len(taken) >= round_.max_bids_per_lead:
            raise LeadLimitReached(f"{current.lead} has led {len(taken)} bids in {round_}.")
        number = (Bid.objects.filter(round=round_).aggregate(most=Max("number"))["most"] or 0) + 1
        now = timezone.now()
        try:
            # A savepoint, so that a refusal by the database leaves the
            # transaction usable for the exception to be reported.
            with transaction.atomic():
                move(
                    current,
                    "submit",
                    by_label=_officer_label(email),
                    fields={
                        "lead_slot": free[0],
                        "number": number,
                        "reference": f"{round_.reference_prefix}-{number:04d}",
                        "submitted_at": now,
                        "submitted_by_email": email,
                    },
                )
        except IntegrityError as refused:
            raise LeadLimitReached(str(refused)) from refused
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
    """
    was_draft = bid.state == BidState.DRAFT
    with transaction.atomic():
        move(
            bid,
            "withdraw",
            by_label=_officer_label(email),
            note=reason,
            fields={"lead_slot": None},
        )
        if was_draft:
            return
        subject, body = emails.withdrawn(bid)
        for address in officers_to_tell(bid):
            queue_email(to=address, subject=subject, body=body, reference=bid.reference)


# Assessment -----------------------------------------------------------------


def bid_start_assessment(*, bid: Bid, by, note: str = "") -> None:
    move(bid, "start_assessment", by_user=by, note=note)


def bid_decide(*, bid: Bid, funded: bool, by, note: str = "") -> None:
    """Record the outcome and email the officers who made the bid."""
    with transaction.atomic():
        move(
            bid,
            "fund" if funded else "not_fund",
            by_user=by,
            note=note,
            fields={"decided_at": timezone.now()},
        )
        subject, body = emails.outcome(bid, funded=funded)
        for address in officers_to_tell(bid):
            queue_email(to=address, subject=subject, body=body, reference=bid.reference)


@dataclass
class CriterionScore:
    criterion: Criterion
    score: int
    justification: str


def bid_score(*, bid: Bid, assessor, scores: Iterable[CriterionScore]) -> None:
    """Save one assessor's scores, replacing any they gave before.

    Only bids in assessment are scored; the scale is the round's and every
    score needs a written justification.
    """
    with transaction.atomic():
        current = Bid.objects.select_for_update().get(pk=bid.pk)
        if current.state != BidState.IN_ASSESSMENT:
            raise ValidationError(
                "Only a bid in assessment can be scored", code="not_in_assessment"
            )
        for given in scores:
            if given.criterion.round_id != current.round_id:
                raise ValidationError(
                    "That criterion is not one of this round's", code="wrong_round"
                )
            if not given.justification.strip():
                raise ValidationError(
                    "Give a justification for the score of %(criterion)s",
                    code="justification_missing",
                    params={"criterion": given.criterion.name},
                )
            score = Score(
                bid=current,
                criterion=given.criterion,
                assessor=assessor,
                score=given.score,
                justification=given.justification.strip(),
            )
            score.clean()
            Score.objects.update_or_create(
                bid=current,
                criterion=given.criterion,
                assessor=assessor,
                defaults={"score": score.score, "justification": score.justification},
            )


def bid_comment(*, bid: Bid, author, text: str) -> BidComment:
    if not text.strip():
        raise ValidationError("Enter a comment", code="comment_missing")
    return BidComment.objects.create(bid=bid, author=author, text=text.strip())

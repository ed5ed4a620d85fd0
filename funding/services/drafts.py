"""Starting a draft bid and changing what its sections hold, while it is a draft."""

import secrets

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from funding import sections
from funding.models import Attachment, Bid, CostLine, Round
from funding.services.eligibility import eligibility_problems, is_signed_current_council
from funding.services.refusals import BidNotEditable, NotEligible
from funding.uploads import check_upload
from funding.workflow import BID_WORKFLOW
from signatories.models import Organisation


def officer_label(email: str) -> str:
    """Who made a change, as the bid's history records an officer."""
    return f"{email} (officer)"


def bid_start(*, round_: Round, lead: Organisation, email: str) -> Bid:
    """Start a draft bid.

    Raises: NotEligible, with the problems of eligibility_problems.
    """
    if problems := eligibility_problems(round_=round_, lead=lead, email=email):
        raise NotEligible(problems)
    with transaction.atomic():
        bid = Bid.objects.create(round=round_, lead=lead, created_by_email=email)
        BID_WORKFLOW.start(bid, by_label=officer_label(email), note="Bid started")
    return bid


def locked_draft(bid: Bid) -> Bid:
    """The bid's row, locked for the rest of the transaction, if it may still be edited.

    Raises: BidNotEditable (and `bid` takes the state it was found in).
    """
    current = Bid.objects.select_for_update().get(pk=bid.pk)
    if not current.is_editable:
        bid.state = current.state
        raise BidNotEditable(state=current.state)
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

    Raises: BidNotEditable.
    """
    with transaction.atomic():
        current = locked_draft(bid)
        many = {name: values.pop(name) for name in ("partners", "principles") if name in values}
        for name, objects in many.items():
            getattr(current, name).set(objects)
        # The section is judged on what it will hold: the new values over the
        # bid as stored (with its partners and principles, set just above).
        answers = Bid.objects.with_answers().get(pk=bid.pk)
        for name, value in values.items():
            setattr(answers, name, value)
        found = sections.problems(answers, section) if completed else []
        for name, value in values.items():
            setattr(current, name, value)
        if completed is not None:
            _mark(current, section, completed=completed and not found)
        # One UPDATE of only the fields that change. A second update of the
        # row in the same transaction would have PostgreSQL check the round's
        # foreign key again, locking the round after the bid: the opposite
        # order to submitting, which is how the two once deadlocked.
        changed = [*values, "updated_at"]
        if completed is not None:
            changed.append("completed_sections")
        current.save(update_fields=changed)
    return found


def bid_add_partner(*, bid: Bid, partner: Organisation) -> None:
    """Name `partner` as one of the bid's partner councils.

    Raises: ValidationError (codes partner_is_lead, partner_not_signed_council),
    BidNotEditable.
    """
    if partner.pk == bid.lead_id:
        raise ValidationError(
            "Choose a partner council other than the lead council", code="partner_is_lead"
        )
    if not is_signed_current_council(partner):
        raise ValidationError(
            "Choose a council that has signed the Local Digital Declaration",
            code="partner_not_signed_council",
        )
    with transaction.atomic():
        current = locked_draft(bid)
        current.partners.add(partner)


def bid_remove_partner(*, bid: Bid, partner: Organisation) -> None:
    """Raises: BidNotEditable."""
    with transaction.atomic():
        locked_draft(bid).partners.remove(partner)


def bid_add_cost_line(*, bid: Bid, category: str, description: str, amount: int) -> CostLine:
    """Raises: BidNotEditable; ValidationError if the line does not fit its fields."""
    with transaction.atomic():
        current = locked_draft(bid)
        line = CostLine(bid=current, category=category, description=description, amount=amount)
        line.full_clean()
        line.save()
    return line


def bid_remove_cost_line(*, bid: Bid, line_id: int) -> None:
    """Raises: BidNotEditable."""
    with transaction.atomic():
        locked_draft(bid).cost_lines.filter(pk=line_id).delete()


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

    Raises: ValidationError (codes empty, too_large, wrong_type: funding.uploads),
    BidNotEditable.
    """
    kind = check_upload(upload)
    name = _fit_file_name(upload.name)
    with transaction.atomic():
        current = locked_draft(bid)
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
    """Raises: BidNotEditable."""
    with transaction.atomic():
        attachment = locked_draft(bid).attachments.filter(pk=attachment_id).first()
        if attachment is None:
            return
        stored = attachment.file.name
        attachment.delete()
        storage = attachment.file.storage
        transaction.on_commit(lambda: storage.delete(stored))

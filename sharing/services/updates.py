"""Posting, editing, hiding and showing again a project's update.

Each raises the content version in its own transaction (the project page,
/updates/ and the feeds show the change at once). Posting announces the
update to the followers of its project, councils and service area; hiding
withdraws that announcement from the digests still to come.
"""

import secrets
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from funding.models import Bid
from localdigital.core import content_version
from localdigital.core.site_address import absolute_url
from sharing import topics, workflow
from sharing.models import ProjectUpdate, UpdateDocument
from subscriptions.services import announce, announcement_withdraw

SUMMARY_LENGTH = 300
NAME_LENGTH = 200


@dataclass(frozen=True)
class UpdateFields:
    kind: str
    title: str
    body: str
    links: str = ""
    # Checked already (funding.uploads.check_upload): the upload and its kind.
    document: UploadedFile | None = None
    document_kind: str = ""


def _announcement_key(update: ProjectUpdate) -> str:
    return f"update:{update.pk}"


def _announce(update: ProjectUpdate) -> None:
    bid = update.bid
    text = " ".join(update.body.split())
    if len(text) > SUMMARY_LENGTH:
        text = text[: SUMMARY_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    announce(
        key=_announcement_key(update),
        topics=topics.topics_of(bid),
        # One line, as a subject must be (the outbox refuses a line break).
        subject=" ".join(f"New update from {bid.reference}: {update.title}".split())[:200],
        title=f"{update.title} ({update.get_kind_display()}, {bid.title})",
        text=text,
        url=absolute_url(update.get_absolute_url()),
    )


def _add_document(update: ProjectUpdate, fields: UpdateFields) -> None:
    upload = fields.document
    if upload is None:
        return
    document = UpdateDocument(
        update=update,
        token=secrets.token_urlsafe(24),
        original_name=(upload.name or "document")[-NAME_LENGTH:],
        kind=fields.document_kind,
        size=upload.size,
    )
    document.file.save(document.token, upload, save=False)
    # Should the row fail to save, the file it names goes with it.
    try:
        document.save()
    except Exception:
        document.file.delete(save=False)
        raise


def update_post(*, bid: Bid, email: str, fields: UpdateFields) -> ProjectUpdate:
    """Publish an update to `bid` by the officer `email` (who the caller has
    checked may post to it: sharing.officers)."""
    with transaction.atomic():
        now = timezone.now()
        update = ProjectUpdate(
            bid=bid,
            author_email=email.strip().lower(),
            published_at=now,
            updated_at=now,
            kind=fields.kind,
            title=fields.title,
            body=fields.body,
            links=fields.links,
        )
        update.save()
        _add_document(update, fields)
        workflow.UPDATE_WORKFLOW.start(update, by_label=f"{update.author_email} (officer)")
        content_version.bump()
        _announce(update)
    return update


def update_edit(*, update: ProjectUpdate, fields: UpdateFields) -> ProjectUpdate:
    """Change an update's words (followers are not emailed again)."""
    with transaction.atomic():
        update.kind, update.title = fields.kind, fields.title
        update.body, update.links = fields.body, fields.links
        update.updated_at = timezone.now()
        update.save()
        _add_document(update, fields)
        content_version.bump()
    return update


def update_hide(*, update: ProjectUpdate, by_user, reason: str) -> None:
    """Hide an update everywhere, recording why."""
    with transaction.atomic():
        workflow.move(update, "hide", by_user=by_user, note=reason)
        announcement_withdraw(key=_announcement_key(update))
        content_version.bump()


def update_show(*, update: ProjectUpdate, by_user, reason: str = "") -> None:
    with transaction.atomic():
        workflow.move(update, "show", by_user=by_user, note=reason)
        content_version.bump()

"""Helpers for the tests of a bid's attachments: the section's address, a
file's download link, uploading as the page's form does, and what is left in
the private storage."""

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from funding.models import Attachment, Bid


def page_url(bid: Bid) -> str:
    return reverse("apply:section", kwargs={"pk": bid.pk, "section": "attachments"})


def download_url(attachment: Attachment) -> str:
    return reverse("apply:attachment", kwargs={"pk": attachment.bid_id, "token": attachment.token})


def stored_files(location: Path) -> list[Path]:
    return [path for path in location.rglob("*") if path.is_file()] if location.exists() else []


def upload(client: Client, bid: Bid, name: str, content: bytes, content_type: str = ""):
    file = SimpleUploadedFile(name, content, content_type=content_type or "application/pdf")
    return client.post(page_url(bid), {"action": "upload", "attachment": file})

"""Files attached to bids: kept in private storage, with no public address."""

from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.utils.functional import LazyObject, empty

from funding.models.bids import Bid


def attachment_path(instance: "Attachment", filename: str) -> str:
    # The name people gave the file is kept in a field, never in the path,
    # so nothing they type reaches the file system.
    return f"bids/{instance.bid_id}/{instance.token}"


class AttachmentKind(models.TextChoices):
    PDF = "pdf", "PDF"
    ODT = "odt", "OpenDocument text"
    DOCX = "docx", "Word document"
    ODS = "ods", "OpenDocument spreadsheet"
    XLSX = "xlsx", "Excel spreadsheet"


class AttachmentStorage(LazyObject):
    """The storage named "attachments" in settings, looked up when first used.

    A model field keeps the storage it was given when the models load; this
    stand-in lets that be whatever settings say at the time of use (and lets
    tests point it somewhere else and `reset()` it).
    """

    def _setup(self):
        self._wrapped = storages["attachments"]

    def reset(self):
        self._wrapped = empty


attachment_storage = AttachmentStorage()


def private_storage():
    return attachment_storage


class Attachment(models.Model):
    """A file uploaded with a bid, kept out of every public path."""

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="attachments")
    token = models.CharField(max_length=64, unique=True, editable=False)
    file = models.FileField(upload_to=attachment_path, storage=private_storage, max_length=200)
    original_name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=AttachmentKind.choices)
    size = models.PositiveIntegerField(help_text="In bytes.")
    uploaded_by_email = models.EmailField()
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["bid", "uploaded_at", "pk"]

    def __str__(self):
        return self.original_name

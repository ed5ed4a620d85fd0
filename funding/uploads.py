"""Which files may be attached to a bid, judged by what is in them.

A name or a browser's content type is whatever the sender says; the bytes
are what a reader's software will open. So a file is accepted only when its
content is one of the formats we take, and its name plays no part.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from funding.models import AttachmentKind

# Office Open XML packages are zips holding a main part, whose content type
# their "[Content_Types].xml" declares. The macro-enabled kinds declare other
# types (and hold a vbaProject.bin): they are not taken.
OOXML_MAIN_PARTS = {
    AttachmentKind.DOCX: (
        "word/document.xml",
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    ),
    AttachmentKind.XLSX: (
        "xl/workbook.xml",
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    ),
}
# A document's parts compress well, but not a thousandfold: a package that
# would unpack to more than this is built to choke whoever opens it.
MAX_UNPACKED_BYTES = 250 * 1024 * 1024
# "[Content_Types].xml" lists a few dozen parts at most.
MAX_CONTENT_TYPES_BYTES = 1024 * 1024
# OpenDocument packages are zips whose first entry, "mimetype", names the format.
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": AttachmentKind.ODT,
    b"application/vnd.oasis.opendocument.spreadsheet": AttachmentKind.ODS,
}
CONTENT_TYPES = {
    AttachmentKind.PDF: "application/pdf",
    AttachmentKind.ODT: "application/vnd.oasis.opendocument.text",
    AttachmentKind.ODS: "application/vnd.oasis.opendocument.spreadsheet",
    AttachmentKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    AttachmentKind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
ALLOWED_FORMATS = "PDF, ODT, DOCX, ODS or XLSX"

# What an officer is told of a file that is not taken, by the refusal's code.
REFUSED = {
    "empty": "The selected file is empty",
    "too_large": "The selected file must be smaller than {max_size}",
    "wrong_type": f"The selected file must be a {ALLOWED_FORMATS}",
}


def describe_size(size: int) -> str:
    """A file size as people read it: 640 bytes, 12 KB, 1.5 MB (in units of 1,024)."""
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} byte{'s' if size != 1 else ''}"


def refusal(code: str) -> ValidationError:
    """The refusal of an upload, in words, with the size limit as it is set now."""
    max_size = describe_size(settings.ATTACHMENT_MAX_BYTES)
    return ValidationError(REFUSED[code].format(max_size=max_size), code=code)


def _is_pdf(head: bytes, tail: bytes) -> bool:
    # A PDF starts with its version line and ends with an end-of-file marker
    # (perhaps followed by a line break or two).
    return head.startswith(b"%PDF-") and b"%%EOF" in tail


def _zip_kind(file) -> AttachmentKind | None:
    try:
        with zipfile.ZipFile(file) as package:
            entries = package.infolist()
            if entries and entries[0].filename == "mimetype" and entries[0].file_size < 100:
                return ODF_MIMETYPES.get(package.read(entries[0]).strip())
            if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
                return None
            sizes = {entry.filename: entry.file_size for entry in entries}
            if any(name.lower().endswith("vbaproject.bin") for name in sizes):
                return None
            if sizes.get("[Content_Types].xml", MAX_CONTENT_TYPES_BYTES) < MAX_CONTENT_TYPES_BYTES:
                declared = package.read("[Content_Types].xml")
                for kind, (part, content_type) in OOXML_MAIN_PARTS.items():
                    if part in sizes and content_type in declared:
                        return kind
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, RuntimeError, ValueError):
        # Damaged, encrypted or otherwise unreadable: not a document we can take.
        return None
    return None


def sniff_kind(file) -> AttachmentKind | None:
    """The format of an open binary file, from its content, or None if it is none we take."""
    file.seek(0)
    head = file.read(8)
    file.seek(0, 2)
    size = file.tell()
    file.seek(max(0, size - 1024))
    tail = file.read()
    file.seek(0)
    if _is_pdf(head, tail):
        kind = AttachmentKind.PDF
    elif head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(file)
    else:
        kind = None
    file.seek(0)
    return kind


def check_upload(upload: UploadedFile) -> AttachmentKind:
    """The upload's format, or a ValidationError saying what to do instead."""
    if upload.size == 0:
        raise refusal("empty")
    if upload.size > settings.ATTACHMENT_MAX_BYTES:
        raise refusal("too_large")
    kind = sniff_kind(upload)
    if kind is None:
        raise refusal("wrong_type")
    return kind

"""Which files may be attached to a bid, judged by what is in them.

A name or a browser's content type is whatever the sender says; the bytes
are what a reader's software will open. So a file is accepted only when its
content is one of the formats we take, and its name plays no part.
"""

import re
import zipfile
import zlib

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
# XML parts compress tenfold or so, a hundredfold at the very most; a part
# that claims more is a zip bomb whatever its size.
MAX_COMPRESSION_RATIO = 200
# Parts this small may compress further (a few hundred spaces to a few bytes)
# and still harm nobody.
SMALL_PART_BYTES = 64 * 1024
# "[Content_Types].xml" lists a few dozen parts at most.
MAX_CONTENT_TYPES_BYTES = 1024 * 1024
# "mimetype" holds one short name.
MAX_MIMETYPE_BYTES = 100
# Inflating is done this much at a time, so that memory stays small whatever
# a part really holds.
READ_CHUNK_BYTES = 64 * 1024
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
    "unsafe_package": (
        "The selected file cannot be opened safely: it unpacks to far more than its size "
        "or its sizes do not add up. Save it again from the program that made it and "
        "upload the new copy"
    ),
    "pdf_markup": (
        "The selected PDF contains web page code (HTML or script). Save it again as a PDF "
        "from the program that made it and upload the new copy"
    ),
    "pdf_trailing_data": (
        "The selected PDF carries other data after its end (such as a zip file). Save it "
        "again as a PDF from the program that made it and upload the new copy"
    ),
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


class UnsafePackage(Exception):
    """A zip whose parts unpack to far more than they should, or than they say."""


def _check_declared_sizes(entries: list[zipfile.ZipInfo]) -> None:
    """Refuse a package whose central directory describes a bomb, or lies.

    Deflate never makes data much bigger than it was: a part whose packed size
    is well over its declared unpacked size is declaring less than it holds,
    and would inflate to what it really holds when read whole.
    """
    if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        raise UnsafePackage
    for entry in entries:
        if entry.compress_size > entry.file_size + entry.file_size // 100 + 64:
            raise UnsafePackage
        if (
            entry.file_size > SMALL_PART_BYTES
            and entry.file_size > MAX_COMPRESSION_RATIO * entry.compress_size
        ):
            raise UnsafePackage


def read_part(package: zipfile.ZipFile, entry: zipfile.ZipInfo, *, limit: int) -> bytes | None:
    """The part's bytes if it holds at most `limit`, else None, whatever it declares.

    Read a chunk at a time (each read inflates no more than it returns), and
    stopped as soon as it passes `limit` or inflates beyond the compression
    ratio any document has.
    """
    kept = bytearray()
    with package.open(entry) as part:
        while chunk := part.read(min(READ_CHUNK_BYTES, limit + 1 - len(kept))):
            kept += chunk
            if len(kept) > limit:
                return None
            if len(kept) > SMALL_PART_BYTES and len(kept) > MAX_COMPRESSION_RATIO * max(
                entry.compress_size, 1
            ):
                raise UnsafePackage
    return bytes(kept)


def _zip_kind(file) -> AttachmentKind | None:
    """The package's kind, or None; UnsafePackage for a bomb or a lying archive."""
    try:
        with zipfile.ZipFile(file) as package:
            entries = package.infolist()
            _check_declared_sizes(entries)
            if entries and entries[0].filename == "mimetype":
                mimetype = read_part(package, entries[0], limit=MAX_MIMETYPE_BYTES)
                return ODF_MIMETYPES.get(mimetype.strip()) if mimetype else None
            names = {entry.filename: entry for entry in entries}
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                return None
            if "[Content_Types].xml" in names:
                declared = read_part(
                    package, names["[Content_Types].xml"], limit=MAX_CONTENT_TYPES_BYTES
                )
                for kind, (part, content_type) in OOXML_MAIN_PARTS.items():
                    if declared and part in names and content_type in declared:
                        return kind
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        OSError,
        RuntimeError,
        ValueError,
    ):
        # Damaged, encrypted or otherwise unreadable: not a document we can take.
        return None
    return None


# Markup that a browser would run if the file were ever shown as a web page
# (a polyglot: a PDF to a PDF reader, a page to a browser). No PDF needs it:
# a PDF's own text is in compressed streams, not in its raw bytes.
# Only whole tag names and schemes: a short one ("<a ") would turn up by
# chance in a large PDF's compressed streams.
PDF_MARKUP = re.compile(
    rb"<(?:script|html|iframe|svg|object|embed|body)(?=[\s>/])|javascript:|vbscript:",
    re.IGNORECASE,
)
# Writers end a PDF with "%%EOF" and perhaps line breaks or padding. Anything
# else after the last one (a zip, say) is another file carried along, as is a
# zip's end record anywhere in it: chance would put those four bytes in a
# PDF's compressed streams about once in four gigabytes.
PDF_TRAILING_ALLOWANCE = 1024
PDF_PADDING = b"\r\n\t\f \x00"
ZIP_END_RECORD = b"PK\x05\x06"


def _pdf_problem(file) -> str | None:
    """The refusal code for a PDF that carries something else, or None.

    Read a megabyte at a time, each read overlapping the last, so that markup
    split across two reads is still found.
    """
    overlap = 64
    previous = b""
    last_eof = -1
    offset = 0
    file.seek(0)
    while chunk := file.read(1024 * 1024):
        window = previous + chunk
        if PDF_MARKUP.search(window):
            return "pdf_markup"
        if ZIP_END_RECORD in window:
            return "pdf_trailing_data"
        found = window.rfind(b"%%EOF")
        if found != -1:
            last_eof = offset - len(previous) + found
        offset += len(chunk)
        previous = window[-overlap:]
    if last_eof == -1:
        # A PDF starts with its version line and ends with an end-of-file marker.
        return "wrong_type"
    file.seek(last_eof + len(b"%%EOF"))
    after = file.read(PDF_TRAILING_ALLOWANCE + 1)
    if len(after) > PDF_TRAILING_ALLOWANCE or after.strip(PDF_PADDING):
        return "pdf_trailing_data"
    return None


def _judge(file) -> tuple[AttachmentKind | None, str | None]:
    """The file's format, and the code of the problem that stops us taking it."""
    file.seek(0)
    head = file.read(8)
    try:
        if head.startswith(b"%PDF-"):
            problem = _pdf_problem(file)
            return (None, problem) if problem else (AttachmentKind.PDF, None)
        if head.startswith(b"PK\x03\x04"):
            kind = _zip_kind(file)
            return kind, None if kind else "wrong_type"
        return None, "wrong_type"
    except UnsafePackage:
        return None, "unsafe_package"
    finally:
        file.seek(0)


def sniff_kind(file) -> AttachmentKind | None:
    """The format of an open binary file, from its content, or None if it is none we take."""
    return _judge(file)[0]


def check_upload(upload: UploadedFile) -> AttachmentKind:
    """The upload's format, or a ValidationError saying what to do instead."""
    if upload.size == 0:
        raise refusal("empty")
    if upload.size > settings.ATTACHMENT_MAX_BYTES:
        raise refusal("too_large")
    kind, problem = _judge(upload)
    if kind is None:
        raise refusal(problem or "wrong_type")
    return kind

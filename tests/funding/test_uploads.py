"""Which files may be attached to a bid, judged by their content (funding.uploads).

The documents are the smallest a real reader would recognise
(tests/funding/documents.py).
"""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from funding import uploads
from funding.models import AttachmentKind
from funding.uploads import check_upload, sniff_kind
from tests.funding.documents import (
    DOCUMENTS,
    DOCX_TYPES,
    MACRO_DOCX_TYPES,
    MINIMAL_PDF,
    XLSX_TYPES,
    minimal_docx,
    minimal_odf,
    zipped,
)


@pytest.mark.parametrize("kind", list(DOCUMENTS))
def test_each_format_we_take_is_recognised_by_its_content(kind):
    _name, content = DOCUMENTS[kind]

    assert sniff_kind(io.BytesIO(content)) == kind


@pytest.mark.parametrize("kind", list(DOCUMENTS))
def test_the_name_plays_no_part(kind):
    _name, content = DOCUMENTS[kind]
    upload = SimpleUploadedFile("photo.jpg", content, content_type="image/jpeg")

    assert check_upload(upload) == kind


def test_the_file_is_read_from_the_start_again_afterwards():
    file = io.BytesIO(minimal_docx())
    file.seek(5)

    sniff_kind(file)

    assert file.tell() == 0


NOT_DOCUMENTS = {
    "plain text": b"Dear assessors, please fund us.",
    "html": b"<!doctype html><script>alert(1)</script>",
    "a pdf header with no end": b"%PDF-1.7\n1 0 obj << >> endobj\n",
    "a pdf end with no header": b"trailer << >>\n%%EOF\n",
    "a png image": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
    "an executable": b"MZ\x90\x00" + b"\x00" * 64,
    "a zip of other things": zipped([("notes.txt", b"hello")]),
    "a zip that looks like a docx but lacks its main part": zipped(
        [("[Content_Types].xml", DOCX_TYPES), ("word/styles.xml", b"<w:styles/>")]
    ),
    "a word part without the content types": zipped([("word/document.xml", b"<w:document/>")]),
    "a word part whose content types do not declare it": zipped(
        [("[Content_Types].xml", XLSX_TYPES), ("word/document.xml", b"<w:document/>")]
    ),
    "a macro-enabled word document": zipped(
        [
            ("[Content_Types].xml", MACRO_DOCX_TYPES),
            ("word/document.xml", b"<w:document/>"),
            ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0"),
        ]
    ),
    "a word document carrying macros it does not declare": zipped(
        [
            ("[Content_Types].xml", DOCX_TYPES),
            ("word/document.xml", b"<w:document/>"),
            ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0"),
        ]
    ),
    "an opendocument of another kind": minimal_odf(
        b"application/vnd.oasis.opendocument.presentation"
    ),
    "an opendocument whose mimetype is not first": zipped(
        [
            ("content.xml", b"<office:document-content/>"),
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ]
    ),
    "a cut-off zip": minimal_docx()[:40],
    "a zip signature and nothing else": b"PK\x03\x04" + b"\x00" * 10,
}


@pytest.mark.parametrize("description", list(NOT_DOCUMENTS))
def test_anything_else_is_not_a_kind_we_take(description):
    assert sniff_kind(io.BytesIO(NOT_DOCUMENTS[description])) is None


def test_a_file_named_pdf_with_other_content_is_refused():
    upload = SimpleUploadedFile(
        "budget.pdf", b"<html>not a pdf</html>", content_type="application/pdf"
    )

    with pytest.raises(ValidationError) as refused:
        check_upload(upload)

    assert refused.value.code == "wrong_type"
    assert refused.value.messages == ["The selected file must be a PDF, ODT, DOCX, ODS or XLSX"]


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError) as refused:
        check_upload(SimpleUploadedFile("empty.pdf", b""))

    assert refused.value.code == "empty"


def test_a_file_over_the_limit_is_refused_before_it_is_read(settings):
    settings.ATTACHMENT_MAX_BYTES = 3 * 1024 * 1024
    upload = SimpleUploadedFile("big.pdf", MINIMAL_PDF + b" " * (3 * 1024 * 1024))

    with pytest.raises(ValidationError) as refused:
        check_upload(upload)

    assert refused.value.code == "too_large"
    assert refused.value.messages == ["The selected file must be smaller than 3 MB"]


def test_a_file_exactly_at_the_limit_is_taken(settings):
    padding = b"\n" * 100
    settings.ATTACHMENT_MAX_BYTES = len(MINIMAL_PDF + padding)

    upload = SimpleUploadedFile("a.pdf", MINIMAL_PDF + padding)

    assert check_upload(upload) == AttachmentKind.PDF


def test_a_package_that_would_unpack_to_hundreds_of_megabytes_is_refused():
    """A zip bomb: small to upload, enormous to open."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", DOCX_TYPES)
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            zeros = b"\x00" * (1024 * 1024)
            for _ in range(uploads.MAX_UNPACKED_BYTES // len(zeros) + 1):
                part.write(zeros)
    assert buffer.tell() < 2 * 1024 * 1024

    assert uploads.sniff_kind(buffer) is None

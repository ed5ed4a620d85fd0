"""Which files may be attached to a bid, judged by their content (funding.uploads).

The documents here are the smallest a real reader would recognise, built
byte by byte with zipfile, so the tests need no fixtures on disk.
"""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from funding import uploads
from funding.models import AttachmentKind
from funding.uploads import check_upload, sniff_kind

MINIMAL_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    b"trailer << /Root 1 0 R >>\n"
    b"%%EOF\n"
)


def content_types_xml(part: str, content_type: str) -> bytes:
    """A package's "[Content_Types].xml", declaring its main part."""
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        + f'<Override PartName="/{part}" ContentType="{content_type}"/>'.encode()
        + b"</Types>"
    )


DOCX_TYPES = content_types_xml(
    "word/document.xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
)
XLSX_TYPES = content_types_xml(
    "xl/workbook.xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
)
MACRO_DOCX_TYPES = content_types_xml(
    "word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml"
)


def _zip(entries: list[tuple[str, bytes]], *, stored_first: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for index, (name, data) in enumerate(entries):
            # OpenDocument asks for its "mimetype" entry first and uncompressed.
            method = zipfile.ZIP_STORED if stored_first and index == 0 else zipfile.ZIP_DEFLATED
            package.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return buffer.getvalue()


def minimal_docx() -> bytes:
    return _zip(
        [
            ("[Content_Types].xml", DOCX_TYPES),
            ("word/document.xml", b"<w:document/>"),
        ]
    )


def minimal_xlsx() -> bytes:
    return _zip(
        [
            ("[Content_Types].xml", XLSX_TYPES),
            ("xl/workbook.xml", b"<workbook/>"),
        ]
    )


def _minimal_odf(mimetype: bytes) -> bytes:
    return _zip(
        [("mimetype", mimetype), ("content.xml", b"<office:document-content/>")],
        stored_first=True,
    )


def minimal_odt() -> bytes:
    return _minimal_odf(b"application/vnd.oasis.opendocument.text")


def minimal_ods() -> bytes:
    return _minimal_odf(b"application/vnd.oasis.opendocument.spreadsheet")


# Every kind we take, with a document of that kind and the name it would have.
DOCUMENTS = {
    AttachmentKind.PDF: ("budget.pdf", MINIMAL_PDF),
    AttachmentKind.DOCX: ("letter of support.docx", minimal_docx()),
    AttachmentKind.XLSX: ("costs.xlsx", minimal_xlsx()),
    AttachmentKind.ODT: ("plan.odt", minimal_odt()),
    AttachmentKind.ODS: ("costs.ods", minimal_ods()),
}


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
    "a zip of other things": _zip([("notes.txt", b"hello")]),
    "a zip that looks like a docx but lacks its main part": _zip(
        [("[Content_Types].xml", DOCX_TYPES), ("word/styles.xml", b"<w:styles/>")]
    ),
    "a word part without the content types": _zip([("word/document.xml", b"<w:document/>")]),
    "a word part whose content types do not declare it": _zip(
        [("[Content_Types].xml", XLSX_TYPES), ("word/document.xml", b"<w:document/>")]
    ),
    "a macro-enabled word document": _zip(
        [
            ("[Content_Types].xml", MACRO_DOCX_TYPES),
            ("word/document.xml", b"<w:document/>"),
            ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0"),
        ]
    ),
    "a word document carrying macros it does not declare": _zip(
        [
            ("[Content_Types].xml", DOCX_TYPES),
            ("word/document.xml", b"<w:document/>"),
            ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0"),
        ]
    ),
    "an opendocument of another kind": _minimal_odf(
        b"application/vnd.oasis.opendocument.presentation"
    ),
    "an opendocument whose mimetype is not first": _zip(
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

"""The smallest documents of each kind a bid may carry, and the parts to build
others from, made byte by byte with zipfile so that the tests need no files on
disk (for the tests of uploads: funding.uploads and the attachments section)."""

import io
import zipfile

from funding.models import AttachmentKind

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


def zipped(entries: list[tuple[str, bytes]], *, stored_first: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for index, (name, data) in enumerate(entries):
            # OpenDocument asks for its "mimetype" entry first and uncompressed.
            method = zipfile.ZIP_STORED if stored_first and index == 0 else zipfile.ZIP_DEFLATED
            package.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return buffer.getvalue()


def minimal_docx() -> bytes:
    return zipped(
        [
            ("[Content_Types].xml", DOCX_TYPES),
            ("word/document.xml", b"<w:document/>"),
        ]
    )


def minimal_xlsx() -> bytes:
    return zipped(
        [
            ("[Content_Types].xml", XLSX_TYPES),
            ("xl/workbook.xml", b"<workbook/>"),
        ]
    )


def minimal_odf(mimetype: bytes) -> bytes:
    return zipped(
        [("mimetype", mimetype), ("content.xml", b"<office:document-content/>")],
        stored_first=True,
    )


def minimal_odt() -> bytes:
    return minimal_odf(b"application/vnd.oasis.opendocument.text")


def minimal_ods() -> bytes:
    return minimal_odf(b"application/vnd.oasis.opendocument.spreadsheet")


# Every kind we take, with a document of that kind and the name it would have.
DOCUMENTS = {
    AttachmentKind.PDF: ("budget.pdf", MINIMAL_PDF),
    AttachmentKind.DOCX: ("letter of support.docx", minimal_docx()),
    AttachmentKind.XLSX: ("costs.xlsx", minimal_xlsx()),
    AttachmentKind.ODT: ("plan.odt", minimal_odt()),
    AttachmentKind.ODS: ("costs.ods", minimal_ods()),
}

"""Uploads built to hurt whoever checks or opens them (funding.uploads).

A zip whose central directory declares small sizes for a part that inflates
to 256 MiB; PDFs that are also web pages; a PDF with a zip carried after its
end. Each is refused with words that name the problem, and nothing is kept;
checking the lying zip costs the process next to no memory.
"""

import io
import json
import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from funding import uploads
from funding.models import Attachment, AttachmentKind
from funding.uploads import check_upload
from tests.funding.apply.attachments import stored_files, upload
from tests.funding.apply.sections import error_summary, new_draft, officer_email
from tests.funding.apply.sections import signed_in as officer_client
from tests.funding.documents import DOCUMENTS, DOCX_TYPES, MINIMAL_PDF, minimal_docx

PROJECT = Path(__file__).resolve().parents[2]
INFLATES_TO = 256 * 1024 * 1024
DECLARED = 1000


def lying_zip(lying_part: str) -> bytes:
    """A docx whose `lying_part` inflates to 256 MiB but is declared as 1,000 bytes.

    Written honestly by zipfile, then its sizes patched in both the local
    header and the central directory, as a hand-made archive could say.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        for name in ["[Content_Types].xml", "word/document.xml"]:
            if name != lying_part:
                package.writestr(name, DOCX_TYPES if name.startswith("[") else b"<w:document/>")
                continue
            with package.open(name, "w") as part:
                start = DOCX_TYPES if name.startswith("[") else b"<w:document/>"
                part.write(start)
                spaces = b" " * (1024 * 1024)
                for _ in range(INFLATES_TO // len(spaces)):
                    part.write(spaces)
    data = bytearray(buffer.getvalue())
    entry = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(lying_part)
    # Local header: the uncompressed size is at byte 22.
    struct.pack_into("<I", data, entry.header_offset + 22, DECLARED)
    # Central directory: its record for the part, uncompressed size at byte 24.
    record = _central_record(data, lying_part.encode())
    struct.pack_into("<I", data, record + 24, DECLARED)
    return bytes(data)


def _central_record(data: bytearray, name: bytes) -> int:
    """Where the central directory's record of the part named `name` starts."""
    position = data.rfind(b"PK\x05\x06")
    (start,) = struct.unpack_from("<I", data, position + 16)
    while data[start : start + 4] == b"PK\x01\x02":
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, start + 28)
        if data[start + 46 : start + 46 + name_length] == name:
            return start
        start += 46 + name_length + extra_length + comment_length
    raise LookupError(name)


@pytest.fixture(scope="module", params=["[Content_Types].xml", "word/document.xml"])
def lying_docx(request) -> bytes:
    return lying_zip(request.param)


def test_the_lying_zip_is_small_and_declares_small_sizes(lying_docx):
    assert len(lying_docx) < 1024 * 1024
    declared = zipfile.ZipFile(io.BytesIO(lying_docx)).infolist()
    assert sum(entry.file_size for entry in declared) < 10_000


def refusal_of(content: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as refused:
        check_upload(SimpleUploadedFile("upload", content))
    return refused.value


def test_a_zip_that_lies_about_its_sizes_is_refused_by_name(lying_docx):
    refused = refusal_of(lying_docx)

    assert refused.code == "unsafe_package"
    assert refused.messages[0].startswith("The selected file cannot be opened safely")


MEASURE = """
import sys, django
django.setup()
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from funding.uploads import check_upload

def peak_kib():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))

upload = SimpleUploadedFile("letter.docx", open(sys.argv[1], "rb").read())
before = peak_kib()
try:
    check_upload(upload)
    code = None
except ValidationError as refused:
    code = refused.code
print(json.dumps({"code": code, "rise_kib": peak_kib() - before}))
"""


def test_checking_the_lying_zip_costs_under_50_mb_of_memory(lying_docx, tmp_path):
    archive = tmp_path / "letter.docx"
    archive.write_bytes(lying_docx)

    result = subprocess.run(
        [sys.executable, "-c", "import json\n" + MEASURE, str(archive)],
        cwd=PROJECT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "localdigital.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    assert measured["code"] == "unsafe_package"
    assert measured["rise_kib"] < 50 * 1024, measured


def test_a_part_declared_honestly_but_packed_a_thousandfold_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", DOCX_TYPES + b" " * (8 * 1024 * 1024))
        package.writestr("word/document.xml", b"<w:document/>")

    assert refusal_of(buffer.getvalue()).code == "unsafe_package"


def test_a_part_is_read_no_further_than_its_limit_whatever_it_declares():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as package:
        package.writestr("[Content_Types].xml", b"x" * 5000)
    package = zipfile.ZipFile(buffer)
    entry = package.getinfo("[Content_Types].xml")

    assert uploads.read_part(package, entry, limit=4999) is None
    assert uploads.read_part(package, entry, limit=5000) == b"x" * 5000


POLYGLOTS = {
    "script": MINIMAL_PDF.replace(b"trailer", b"<script>alert(1)</script>\ntrailer"),
    "html and body": b"%PDF-1.4\n<HTML><Body onload=alert(1)>\n" + MINIMAL_PDF[9:],
    "an iframe": MINIMAL_PDF.replace(b"trailer", b"<iframe src=//evil.example>\ntrailer"),
    "svg": MINIMAL_PDF.replace(b"trailer", b"<svg/onload=alert(1)>\ntrailer"),
    "a javascript: link": MINIMAL_PDF.replace(
        b"/Type /Catalog", b"/Type /Catalog /URI (JavaScript:alert(1))"
    ),
}


@pytest.mark.parametrize("description", list(POLYGLOTS))
def test_a_pdf_carrying_web_page_code_is_refused_by_name(description):
    refused = refusal_of(POLYGLOTS[description])

    assert refused.code == "pdf_markup"
    assert refused.messages == [uploads.REFUSED["pdf_markup"]]


CARRYING_A_ZIP = {
    # Small enough that the PDF's own end marker is still near the end.
    "a zip appended": MINIMAL_PDF + minimal_docx(),
    # With an end marker after it, so that the file still ends as a PDF does.
    "a zip and another end marker appended": MINIMAL_PDF + minimal_docx() + b"\n%%EOF\n",
    "text appended": MINIMAL_PDF + b"Anything at all",
    "over a kilobyte of padding appended": MINIMAL_PDF + b"\n" * 1100,
}


@pytest.mark.parametrize("description", list(CARRYING_A_ZIP))
def test_a_pdf_carrying_data_after_its_end_is_refused_by_name(description):
    refused = refusal_of(CARRYING_A_ZIP[description])

    assert refused.code == "pdf_trailing_data"
    assert refused.messages == [uploads.REFUSED["pdf_trailing_data"]]


def test_line_breaks_and_padding_after_the_end_are_allowed():
    content = MINIMAL_PDF + b"\r\n" * 100 + b"\x00" * 100

    assert check_upload(SimpleUploadedFile("a.pdf", content)) == AttachmentKind.PDF


def test_markup_split_across_two_reads_is_still_found():
    content = MINIMAL_PDF[:9] + b" " * (1024 * 1024 - 12) + b"<script>" + MINIMAL_PDF[9:]

    assert refusal_of(content).code == "pdf_markup"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "code"),
    [
        (lying_zip("[Content_Types].xml"), "unsafe_package"),
        (POLYGLOTS["script"], "pdf_markup"),
    ],
    ids=["lying zip", "pdf with script"],
)
def test_the_officer_is_told_why_and_nothing_is_kept(content, code, private_media):
    draft = new_draft()
    client = officer_client(officer_email(draft))

    response = upload(client, draft, "letter.docx", content)

    assert response.status_code == 200
    [(message, anchor)] = error_summary(response)
    assert message == " ".join(uploads.REFUSED[code].split())
    assert anchor == "attachment"
    assert not Attachment.objects.exists()
    assert stored_files(private_media) == []


@pytest.mark.parametrize("kind", list(DOCUMENTS))
def test_real_documents_are_still_taken(kind):
    name, content = DOCUMENTS[kind]

    assert check_upload(SimpleUploadedFile(name, content)) == kind

"""The declaration as a PDF: made from the current text, tagged, titled and in
English, drawn again when the text changes."""

import io

import pytest
from pypdf import PdfReader

from declaration.models import Declaration, Principle

pytestmark = pytest.mark.django_db


def read(response) -> PdfReader:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def whole_text(pdf: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)


def test_the_pdf_holds_the_whole_declaration(client):
    pdf = read(client.get("/declaration.pdf"))

    text = whole_text(pdf)
    assert "Our aims" in text and "Our principles" in text and "Our commitment" in text
    for principle in Principle.objects.in_order():
        assert f"Principle {principle.number}" in text
        assert " ".join(principle.title.split()) in text
    assert "Page 1 of" in text


def test_the_pdf_is_tagged_with_its_title_and_language(client):
    pdf = read(client.get("/declaration.pdf"))

    assert pdf.metadata.title == Declaration.objects.get().title
    catalog = pdf.trailer["/Root"]
    assert catalog["/Lang"] == "en-GB"
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]


def test_a_change_to_the_text_gives_a_new_document(client):
    first = client.get("/declaration.pdf")
    declaration = Declaration.objects.get()
    declaration.closing = "We will publish our plans in the open, every quarter."
    declaration.save()

    second = client.get("/declaration.pdf")

    assert second["ETag"] != first["ETag"]
    assert "every quarter" in whole_text(read(second))


def test_a_browser_with_this_version_is_told_it_has_not_changed(client):
    etag = client.get("/declaration.pdf")["ETag"]

    response = client.get("/declaration.pdf", headers={"If-None-Match": etag})

    assert response.status_code == 304
    assert response.content == b""


def test_the_pdf_may_be_kept_by_browsers_and_a_cdn(client, settings):
    response = client.get("/declaration.pdf")

    assert response["Cache-Control"].startswith("public, max-age=")
    assert response["Content-Disposition"] == 'inline; filename="local-digital-declaration.pdf"'


def test_the_declaration_page_offers_the_pdf(client):
    response = client.get("/declaration/")

    assert 'href="/declaration.pdf"' in response.content.decode()


def test_there_is_no_pdf_before_any_declaration_exists(client):
    Declaration.objects.all().delete()

    assert client.get("/declaration.pdf").status_code == 404

"""Documents published with an update: checked by content as bids' attachments
are, public with the update, and gone when it is hidden."""

from django.core.files.uploadedfile import SimpleUploadedFile

from sharing import services
from sharing.models import UpdateDocument
from tests.factories import moderator_user
from tests.funding.documents import MINIMAL_PDF
from tests.govuk_pages import error_summary, text
from tests.sharing.projects import LEAD_OFFICER, funded_project, officer_client, update_form
from tests.staff import sign_in_staff


def _post_with(bid, upload):
    return officer_client(LEAD_OFFICER).post(
        f"/updates/yours/{bid.reference}/new/", {**update_form(), "document": upload}
    )


def test_an_officer_publishes_a_pdf_with_an_update(client, db):
    bid = funded_project()

    response = _post_with(bid, SimpleUploadedFile("report.pdf", MINIMAL_PDF))

    assert response.status_code == 302
    document = UpdateDocument.objects.get()
    page = client.get(document.update.get_absolute_url())
    assert "report.pdf" in text(page)
    download = client.get(document.get_absolute_url())
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in download["Content-Disposition"]
    assert b"".join(download.streaming_content) == MINIMAL_PDF


def test_a_file_that_is_not_a_document_we_take_is_refused_by_its_content(db):
    bid = funded_project()

    response = _post_with(bid, SimpleUploadedFile("report.pdf", b"<script>alert(1)</script>"))

    assert response.status_code == 200
    [message] = error_summary(response)
    assert "PDF, ODT, DOCX, ODS or XLSX" in message
    assert not UpdateDocument.objects.exists()
    assert not bid.updates.exists()


def test_a_hidden_updates_documents_are_not_served(client, db):
    bid = funded_project()
    _post_with(bid, SimpleUploadedFile("report.pdf", MINIMAL_PDF))
    document = UpdateDocument.objects.get()
    staff = moderator_user(is_staff=True)
    sign_in_staff(client, staff)
    services.update_hide(update=document.update, by_user=staff, reason="Personal data.")

    response = type(client)().get(document.get_absolute_url())

    assert response.status_code == 404


def test_a_made_up_document_address_is_not_found(client, db):
    bid = funded_project()
    _post_with(bid, SimpleUploadedFile("report.pdf", MINIMAL_PDF))
    document = UpdateDocument.objects.get()

    assert client.get(f"/updates/{document.update_id}/documents/nope/").status_code == 404
    assert client.get(f"/updates/{document.update_id}/documents/..%2F..%2F/").status_code == 404

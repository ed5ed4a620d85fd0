"""Attaching files to a bid, and who may download them.

Files are judged by their content, capped in size, kept in the private
storage (fixture private_media: a directory of each test's own) and handed
out only to the lead council's officers and to staff who may view bids.
"""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from funding import sections, services
from funding.models import Attachment, AttachmentKind, Bid, BidState
from funding.officer_session import SESSION_KEY
from tests.factories import BidFactory, RoundFactory, decided_bid, signed_council
from tests.funding.apply.attachments import download_url, page_url, stored_files, upload
from tests.funding.apply.sections import error_summary, officer_email, signed_in, text
from tests.funding.documents import DOCUMENTS, MINIMAL_PDF, minimal_docx
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db

WRONG_TYPE = "The selected file must be a PDF, ODT, DOCX, ODS or XLSX"


@pytest.fixture
def draft() -> Bid:
    lead = signed_council()
    return services.bid_start(
        round_=RoundFactory(), lead=lead, email=f"priya.shah@{lead.domain_list[0]}"
    )


@pytest.fixture
def officer(draft) -> Client:
    return signed_in(officer_email(draft))


# Uploading -------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(DOCUMENTS))
def test_each_format_we_take_is_uploaded_and_listed(officer, draft, private_media, kind):
    name, content = DOCUMENTS[kind]

    response = upload(officer, draft, name, content, "application/octet-stream")

    assert response.status_code == 302
    assert response["Location"] == page_url(draft) + "#attachments-added"
    attachment = Attachment.objects.get(bid=draft)
    assert attachment.kind == kind
    assert attachment.original_name == name
    assert attachment.size == len(content)
    assert attachment.uploaded_by_email == officer_email(draft)
    page = officer.get(response["Location"])
    assert f"{name} uploaded" in text(page)
    assert f"{name} (download) {attachment.get_kind_display()}" in text(page)
    assert download_url(attachment) in page.content.decode()


def test_the_stored_file_is_in_private_storage_and_nowhere_public(
    officer, draft, private_media, client
):
    upload(officer, draft, "letter.docx", minimal_docx())

    attachment = Attachment.objects.get(bid=draft)
    stored = Path(attachment.file.path)
    assert stored.read_bytes() == minimal_docx()
    assert stored.is_relative_to(private_media)
    for public in (django_settings.STATIC_ROOT, django_settings.MEDIA_ROOT or None):
        if public:
            assert not stored.is_relative_to(Path(public).resolve())
    # The name people gave it is not part of the path: nothing they type reaches the disk.
    assert "letter" not in str(stored)
    # The storage gives it no address of its own, and nothing serves its path:
    # only the download view hands it out.
    with pytest.raises(ValueError, match="private"):
        _ = attachment.file.url
    assert client.get(f"/{attachment.file.name}").status_code == 404
    assert client.get(f"/static/{attachment.file.name}").status_code == 404


def test_a_file_named_pdf_with_other_content_is_refused_and_nothing_kept(
    officer, draft, private_media
):
    response = upload(officer, draft, "budget.pdf", b"<html><script>alert(1)</script></html>")

    assert response.status_code == 200
    assert error_summary(response) == [(WRONG_TYPE, "attachment")]
    assert 'id="attachment-error"' in response.content.decode()
    assert "Error: Attachments" in text(response)
    assert not Attachment.objects.exists()
    assert stored_files(private_media) == []


def test_an_oversized_file_is_refused_with_a_clear_error(officer, draft, private_media, settings):
    settings.ATTACHMENT_MAX_BYTES = 2048

    response = upload(officer, draft, "big.pdf", MINIMAL_PDF + b"\n" * 3000)

    assert error_summary(response) == [
        ("The selected file must be smaller than 2 KB", "attachment")
    ]
    assert not Attachment.objects.exists()
    assert stored_files(private_media) == []


def test_the_hint_says_what_is_accepted_and_how_big(officer, draft):
    page = text(officer.get(page_url(draft)))

    assert "A PDF, ODT, DOCX, ODS or XLSX file, smaller than 10 MB." in page
    assert 'enctype="multipart/form-data"' in officer.get(page_url(draft)).content.decode()


def test_no_file_selected_asks_for_one(officer, draft):
    response = officer.post(page_url(draft), {"action": "upload"})

    assert error_summary(response) == [("Select a file", "attachment")]


def test_an_empty_file_is_refused(officer, draft):
    response = upload(officer, draft, "empty.pdf", b"")

    assert error_summary(response) == [("The selected file is empty", "attachment")]


def test_a_file_is_removed_with_its_stored_copy(
    officer, draft, private_media, django_capture_on_commit_callbacks
):
    upload(officer, draft, "plan.odt", DOCUMENTS[AttachmentKind.ODT][1])
    attachment = Attachment.objects.get(bid=draft)
    assert len(stored_files(private_media)) == 1

    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(page_url(draft), {"action": "remove", "attachment": attachment.pk})

    assert response.status_code == 302
    assert not Attachment.objects.exists()
    assert stored_files(private_media) == []
    assert "plan.odt removed" in text(officer.get(page_url(draft)))


def test_the_section_is_optional_and_can_be_completed_empty(officer, draft):
    response = officer.post(page_url(draft), {"action": "save", "completed": "yes"})

    assert response.status_code == 302
    bid = Bid.objects.with_answers().get(pk=draft.pk)
    assert sections.status(bid, "attachments") == sections.Status.COMPLETED


def test_a_submitted_bid_takes_no_more_files(private_media):
    bid = decided_bid(state=BidState.SUBMITTED)
    client = signed_in(officer_email(bid))

    response = upload(client, bid, "late.pdf", MINIMAL_PDF)

    assert response.status_code == 409
    assert "This bid has been submitted and can no longer be changed" in text(response)
    assert not Attachment.objects.exists()
    assert stored_files(private_media) == []


def test_uploads_are_checked_for_the_csrf_token(draft):
    client = Client(enforce_csrf_checks=True)
    session = client.session
    session[SESSION_KEY] = officer_email(draft)
    session.save()

    response = upload(client, draft, "a.pdf", MINIMAL_PDF)

    assert response.status_code == 403
    assert not Attachment.objects.exists()


# Downloading -----------------------------------------------------------------


@pytest.fixture
def attachment(draft, officer) -> Attachment:
    upload(officer, draft, "Letter of support “final”.pdf", MINIMAL_PDF)
    return Attachment.objects.get(bid=draft)


def test_an_officer_of_the_lead_downloads_the_file_as_it_was_sent(attachment, draft):
    colleague = signed_in(officer_email(draft, "sam.jones"))

    response = colleague.get(download_url(attachment))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == MINIMAL_PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert (
        "filename*=utf-8''Letter%20of%20support%20%E2%80%9Cfinal%E2%80%9D.pdf"
        in (response["Content-Disposition"])
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"


def test_the_content_type_comes_from_the_kind_not_the_name(officer, draft):
    upload(officer, draft, "costs.pdf", DOCUMENTS[AttachmentKind.XLSX][1])
    attachment = Attachment.objects.get(bid=draft)

    response = officer.get(download_url(attachment))

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


def test_an_officer_of_another_organisation_cannot_fetch_it(attachment):
    other = BidFactory()
    stranger = signed_in(officer_email(other))

    assert stranger.get(download_url(attachment)).status_code == 404
    # Nor by putting their own bid's number in the address.
    wrong_bid = reverse("apply:attachment", kwargs={"pk": other.pk, "token": attachment.token})
    assert stranger.get(wrong_bid).status_code == 404


def test_a_partner_council_is_not_given_the_leads_files(attachment, draft):
    partner = signed_council()
    draft.partners.add(partner)

    response = signed_in(f"someone@{partner.domain_list[0]}").get(download_url(attachment))

    assert response.status_code == 404


def staff_user(*, may_view_bids: bool):
    user = get_user_model().objects.create_user(
        username=f"assessor{may_view_bids}", password="a long test password", is_staff=True
    )
    if may_view_bids:
        user.user_permissions.add(Permission.objects.get(codename="view_bid"))
    return user


def test_staff_who_may_view_bids_can_download_without_an_officer_session(attachment, client):
    sign_in_staff(client, staff_user(may_view_bids=True))

    response = client.get(download_url(attachment))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == MINIMAL_PDF


def test_staff_without_the_permission_cannot(attachment, client):
    sign_in_staff(client, staff_user(may_view_bids=False))

    assert client.get(download_url(attachment)).status_code == 404


def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in(attachment, client):
    response = client.get(download_url(attachment))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("apply:sign-in") + "?next=")


@pytest.mark.parametrize("token", ["no-such-token", "a" * 65, "%00", "..%2F..%2Fetc"])
def test_unknown_attachments_are_not_found(attachment, officer, draft, token):
    path = f"/fund/apply/bids/{draft.pk}/attachments/{token}/"

    assert officer.get(path).status_code == 404


def test_a_file_missing_from_storage_is_not_found_rather_than_an_error(attachment, officer):
    attachment.file.storage.delete(attachment.file.name)

    assert officer.get(download_url(attachment)).status_code == 404


def test_downloads_answer_only_get(attachment, officer):
    assert officer.post(download_url(attachment)).status_code == 405

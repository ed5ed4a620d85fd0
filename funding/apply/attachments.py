"""The attachments section: uploading and removing files, and saying the
section is complete. Uploads are stopped as soon as they pass the size
limit (AttachmentSizeLimit), and judged by their content (funding.uploads).
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from funding import section_forms, services, uploads
from funding.apply.limits import UPLOAD_LIMIT
from funding.apply.section_page import (
    chosen_id,
    completed_initial,
    done_url,
    page_url,
    render_section,
    save_section,
)
from funding.models import Bid, Section
from funding.officer_session import officer_bid, signed_in_email
from funding.uploads import ALLOWED_FORMATS, CONTENT_TYPES, describe_size
from localdigital.core.forms import honeypot_filled
from localdigital.core.ratelimit import rate_limit

# The id on the page that the upload and remove buttons return to.
ANCHOR = "attachments-added"
# File name endings and content types the file picker offers; the content is
# what is judged when a file arrives (funding.uploads).
ACCEPT = ",".join([".pdf", ".odt", ".docx", ".ods", ".xlsx", *CONTENT_TYPES.values()])


class AttachmentSizeLimit(FileUploadHandler):
    """Stops reading an uploaded file as soon as it passes the size limit.

    Without it Django would write the whole file to a temporary file before
    the view could refuse it, however big it was. The file is skipped (left
    out of request.FILES) and the request remembers why.
    """

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > settings.ATTACHMENT_MAX_BYTES:
            self.request.attachment_too_large = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int):
        # The next handler keeps the file; this one only counts.
        return None


def _remove(request: HttpRequest, bid: Bid) -> None:
    attachment_id = chosen_id(request.POST.get("attachment", ""))
    attachment = next((a for a in bid.attachments.all() if a.pk == attachment_id), None)
    if attachment is not None:
        services.bid_remove_attachment(bid=bid, attachment_id=attachment.pk)
        messages.success(request, f"{attachment.original_name} removed")


@rate_limit(**UPLOAD_LIMIT)
def _upload(
    request: HttpRequest, *, bid: Bid, back_here: str
) -> HttpResponse | section_forms.AttachmentUploadForm:
    """Keep the uploaded file: a redirect back when it was taken, else the form with its error."""
    upload = section_forms.AttachmentUploadForm(request.POST, request.FILES)
    if getattr(request, "attachment_too_large", False):
        # AttachmentSizeLimit left the file out: say why, not "Select a file".
        upload.full_clean()
        upload.errors.clear()
        upload.add_error("attachment", uploads.refusal("too_large"))
        return upload
    if not upload.is_valid():
        return upload
    file = upload.cleaned_data["attachment"]
    try:
        services.bid_add_attachment(bid=bid, upload=file, email=signed_in_email(request))
    except ValidationError as refused:
        upload.add_error("attachment", refused)
        return upload
    messages.success(request, f"{file.name} uploaded")
    return redirect(back_here)


def attachments(request: HttpRequest, bid: Bid) -> HttpResponse:
    upload = section_forms.AttachmentUploadForm()
    form = section_forms.AttachmentsForm(
        initial={"completed": completed_initial(bid, "attachments")}
    )
    if request.method == "POST":
        if honeypot_filled(request):
            return redirect(done_url(request, bid))
        action = request.POST.get("action")
        back_here = page_url(request, bid, Section.ATTACHMENTS, anchor=ANCHOR)
        if action == "remove":
            _remove(request, bid)
            return redirect(back_here)
        if action == "upload":
            response = _upload(request, bid=bid, back_here=back_here)
            if not isinstance(response, section_forms.AttachmentUploadForm):
                return response
            upload = response
        else:
            form = section_forms.AttachmentsForm(request.POST)
            if save_section(bid=bid, section=Section.ATTACHMENTS, form=form):
                return redirect(done_url(request, bid))
        bid = officer_bid(request, bid.pk)
    return render_section(
        request,
        bid,
        Section.ATTACHMENTS,
        {
            "form": form,
            "upload": upload,
            "attachments": [
                {"attachment": attachment, "size": describe_size(attachment.size)}
                for attachment in bid.attachments.all()
            ],
            "accept": ACCEPT,
            "max_size": describe_size(settings.ATTACHMENT_MAX_BYTES),
            "formats": ALLOWED_FORMATS,
        },
        errors=upload.error_list() + form.error_list(),
    )

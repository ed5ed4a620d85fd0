"""The download of a bid's attachment."""

import re

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from funding.models import Attachment
from funding.officer_session import may_see_bid, redirect_to_sign_in, signed_in_email
from funding.uploads import CONTENT_TYPES
from localdigital.core.staff_sessions import is_signed_in_staff


@require_safe
def attachment_download(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """One attachment, to the lead council's officers and to staff who may view bids.

    Everyone else gets 404, whether or not the file exists. Someone signed in
    neither as an officer nor as staff is asked to sign in first.
    """
    if not signed_in_email(request) and not is_signed_in_staff(request.user):
        return redirect_to_sign_in(request)
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", token):
        raise Http404("No such attachment.")
    attachment = Attachment.objects.select_related("bid").filter(bid__pk=pk, token=token).first()
    if attachment is None or not may_see_bid(request, attachment.bid):
        raise Http404("No such attachment.")
    try:
        file = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file has gone.") from None
    response = FileResponse(
        file,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=CONTENT_TYPES[attachment.kind],
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response

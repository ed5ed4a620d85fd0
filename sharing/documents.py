"""The download of a document published with an update: only while the update
is public, and with headers that stop a browser from running it as a page."""

import re

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from funding.uploads import CONTENT_TYPES
from sharing.models import ProjectUpdate, UpdateDocument


@require_safe
def document_download(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", token):
        raise Http404("No such document.")
    document = UpdateDocument.objects.filter(
        update__in=ProjectUpdate.objects.public(), update_id=pk, token=token
    ).first()
    if document is None:
        raise Http404("No such document.")
    try:
        file = document.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file has gone.") from None
    response = FileResponse(
        file,
        as_attachment=True,
        filename=document.original_name,
        content_type=CONTENT_TYPES[document.kind],
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Were it opened in the browser after all, it could run nothing.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    # Not kept by browsers or a CDN: hiding the update must take it down at once.
    response["Cache-Control"] = "private, no-store"
    return response

"""The declaration's own page. localdigital.pages serves it, adding what other
apps keep (its co-publishers); each principle's page lists signatories'
commitments and funded projects too, so it is composed there as well."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response
from django.views.decorators.http import require_safe

from declaration.document import current_document
from declaration.models import Declaration, Principle
from localdigital.core.page_cache import public_cache_control


def declaration_index(request, *, extra_context: dict | None = None):
    declaration = Declaration.objects.first()
    if declaration is None:
        raise Http404("The declaration has not been written yet.")
    return render(
        request,
        "declaration/index.html",
        {
            "declaration": declaration,
            "principles": Principle.objects.in_order(),
            **(extra_context or {}),
        },
    )


@require_safe
def declaration_pdf(request):
    document = current_document()
    if document is None:
        raise Http404("The declaration has not been written yet.")
    etag = f'"{document.digest}"'
    # Asked again by a browser that has this version: no need to send or draw it.
    unchanged = get_conditional_response(request, etag=etag)
    if unchanged is not None:
        return unchanged
    response = HttpResponse(document.pdf(), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="local-digital-declaration.pdf"'
    response["ETag"] = etag
    response["Cache-Control"] = public_cache_control()
    return response

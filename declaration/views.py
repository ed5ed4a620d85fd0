"""The declaration's own page. localdigital.pages serves it, adding what other
apps keep (its co-publishers); each principle's page lists signatories'
commitments and funded projects too, so it is composed there as well."""

from django.http import Http404
from django.shortcuts import render

from declaration.models import Declaration, Principle


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

"""The declaration's own page. (Each principle's page lists signatories' commitments
and funded projects too, so it is composed above the apps, in localdigital.pages.)"""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from declaration.models import Declaration, Principle


@require_safe
def declaration_index(request):
    declaration = Declaration.objects.first()
    if declaration is None:
        raise Http404("The declaration has not been written yet.")
    return render(
        request,
        "declaration/index.html",
        {"declaration": declaration, "principles": Principle.objects.in_order()},
    )

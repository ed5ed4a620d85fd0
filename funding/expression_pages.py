"""The public page of a round's expressions of interest, each with its
outcome, once the round's decisions are published; and their open data.

Before the decisions are published there is nothing to see: the page is not
found. Like the fund's other lists it reads one page of rows down an index
(the round's numbers), in the same number of queries whatever the size.
"""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from funding import open_data
from funding.models import Expression, Round
from localdigital.core.lists import ListQuery, page_title, paginate
from localdigital.core.open_data import csv_response, json_response
from localdigital.core.titles import fitting_title

# One order only; named so that the pages' addresses say what they show.
SORTS = {"number": "In the order they were sent"}


@require_safe
def round_expressions(request, slug):
    round_ = (
        Round.objects.published()
        .filter(slug=slug, expressions_open_at__isnull=False)
        .select_related("fund")
        .first()
    )
    if round_ is None:
        raise Http404("No published expressions of interest have this address.")
    query = ListQuery.from_request(request, sorts=SORTS, allowed={})
    listed = (
        Expression.objects.published()
        .filter(round=round_)
        .order_by("number")
        .select_related("lead")
        .prefetch_related("partners")
    )
    page, pagination = paginate(request, listed, query)
    return render(
        request,
        "fund/expressions.html",
        {
            "page_title": page_title(
                fitting_title(f"Expressions of interest: {round_.name}"), page
            ),
            "round": round_,
            "page": page,
            "pagination": pagination,
        },
    )


@require_safe
def expressions_csv(request):
    return csv_response(open_data.EXPRESSIONS, open_data.expression_rows(), request=request)


@require_safe
def expressions_json(request):
    return json_response(open_data.EXPRESSIONS, open_data.expression_rows(), request=request)

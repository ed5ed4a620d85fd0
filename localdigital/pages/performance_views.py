"""The service performance page and its open data.

They read the figures the worker last worked out (localdigital/pages/tasks.py),
never working them out on a visitor's request: on a new site, until the worker
first runs, the page says so and the files have no rows.
"""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from localdigital.core.open_data import csv_response, json_response
from localdigital.pages import performance, performance_open_data


def _rows(part: str) -> list[dict]:
    report = performance.latest()
    return report.figures[part] if report else []


@require_safe
def performance_page(request):
    report = performance.latest()
    return render(
        request,
        "pages/performance.html",
        {
            "page_title": "Service performance",
            "figures": report.figures if report else None,
            "worked_out_at": report.worked_out_at if report else None,
            "datasets": performance_open_data.DATASETS,
        },
    )


@require_safe
def performance_csv(request):
    return csv_response(performance_open_data.MONTHS, _rows("months"), request=request)


@require_safe
def performance_json(request):
    return json_response(performance_open_data.MONTHS, _rows("months"), request=request)


@require_safe
def rounds_csv(request):
    return csv_response(performance_open_data.ROUNDS, _rows("rounds"), request=request)


@require_safe
def rounds_json(request):
    return json_response(performance_open_data.ROUNDS, _rows("rounds"), request=request)

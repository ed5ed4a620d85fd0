"""The service performance page and its open data."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from localdigital.core.open_data import csv_response, json_response
from localdigital.pages import performance, performance_open_data


@require_safe
def performance_page(request):
    report = performance.latest()
    return render(
        request,
        "pages/performance.html",
        {
            "page_title": "Service performance",
            "figures": report.figures,
            "worked_out_at": report.worked_out_at,
            "datasets": performance_open_data.DATASETS,
        },
    )


@require_safe
def performance_csv(request):
    rows = performance.latest().figures["months"]
    return csv_response(performance_open_data.MONTHS, rows, request=request)


@require_safe
def performance_json(request):
    rows = performance.latest().figures["months"]
    return json_response(performance_open_data.MONTHS, rows, request=request)


@require_safe
def rounds_csv(request):
    rows = performance.latest().figures["rounds"]
    return csv_response(performance_open_data.ROUNDS, rows, request=request)


@require_safe
def rounds_json(request):
    rows = performance.latest().figures["rounds"]
    return json_response(performance_open_data.ROUNDS, rows, request=request)

"""The open data page: every app's datasets, documented from their own
definitions, and the data package that describes their CSV files."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from funding import grants
from funding import open_data as fund_open_data
from localdigital.core import open_data
from localdigital.pages import open_data_metadata, performance_open_data
from programme import open_data as programme_open_data
from sharing import open_data as sharing_open_data
from signatories import open_data as signatory_open_data
from signatories.models import OrganisationType


@require_safe
def open_data_page(request):
    return render(
        request,
        "open_data.html",
        {
            "page_title": "Open data",
            "datasets": signatory_open_data.DATASETS,
            "fund_datasets": fund_open_data.DATASETS,
            "grants_dataset": grants.GRANTS,
            "grants_standard_version": grants.STANDARD_VERSION,
            "structured_data": open_data_metadata.structured_data(),
            "sharing_datasets": sharing_open_data.DATASETS,
            "programme_datasets": programme_open_data.DATASETS,
            "performance_datasets": performance_open_data.DATASETS,
            "organisation_types": OrganisationType.choices,
            "licence_name": open_data.LICENCE_NAME,
            "licence_url": open_data.LICENCE_URL,
            "register_credit": open_data.REGISTER_CREDIT,
            "register_url": open_data.REGISTER_URL,
            "register_licence_url": open_data.REGISTER_LICENCE_URL,
        },
    )


@require_safe
def data_package_json(request):
    """Every CSV file the site publishes, described as a Frictionless Data Package."""
    response = JsonResponse(
        open_data_metadata.data_package(), json_dumps_params={"indent": 2, "ensure_ascii": False}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response

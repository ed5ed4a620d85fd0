"""The open data page: every app's datasets, documented from their own definitions."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from funding import open_data as fund_open_data
from localdigital.core import open_data
from localdigital.pages import performance_open_data
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
            "performance_datasets": performance_open_data.DATASETS,
            "organisation_types": OrganisationType.choices,
            "licence_name": open_data.LICENCE_NAME,
            "licence_url": open_data.LICENCE_URL,
            "register_credit": open_data.REGISTER_CREDIT,
            "register_url": open_data.REGISTER_URL,
            "register_licence_url": open_data.REGISTER_LICENCE_URL,
        },
    )

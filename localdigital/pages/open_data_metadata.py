"""What the open data is, for machines: a Frictionless Data Package describing
every CSV file the site publishes (/open-data/datapackage.json), and the
schema.org Dataset description the open data page carries for search engines.

Both are made from the apps' Dataset and Field definitions, the same ones that
write the files and the page's tables, so no description can drift from its file.
"""

from django.urls import reverse

from funding import grants
from funding import open_data as fund_open_data
from localdigital.core import open_data
from localdigital.core.open_data import Dataset
from localdigital.core.site_address import absolute_url
from localdigital.pages import performance_open_data
from programme import open_data as programme_open_data
from sharing import open_data as sharing_open_data
from signatories import open_data as signatory_open_data

PUBLISHER = "Ministry of Housing, Communities and Local Government"
# The licence's identifier in the Open Definition's list, which Frictionless uses.
LICENCE_ID = "OGL-UK-3.0"


def published_datasets() -> tuple[Dataset, ...]:
    """Every dataset the site publishes as CSV, in the order of the open data page."""
    return (
        *signatory_open_data.DATASETS,
        *fund_open_data.DATASETS,
        grants.GRANTS,
        *sharing_open_data.DATASETS,
        *programme_open_data.DATASETS,
        *performance_open_data.DATASETS,
    )


def _csv_url(dataset: Dataset) -> str:
    return absolute_url(reverse(dataset.csv_url_name))


def _table_schema(dataset: Dataset) -> dict:
    return {
        "fields": [
            {
                "name": field.name,
                "type": field.type,
                "description": field.meaning,
                "example": field.example,
            }
            for field in dataset.fields
        ]
    }


def _resource(dataset: Dataset) -> dict:
    return {
        "profile": "tabular-data-resource",
        "name": dataset.name,
        "title": dataset.title,
        "description": dataset.description,
        "path": _csv_url(dataset),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": _table_schema(dataset),
    }


def data_package() -> dict:
    """The Data Package descriptor: the site's CSV files, each with its typed columns."""
    return {
        # Tabular: every resource is a CSV file with a Table Schema.
        "profile": "tabular-data-package",
        "name": "local-digital",
        "title": "Local Digital open data",
        "description": "The Local Digital Declaration's signatories and their commitments, "
        "and the Local Digital Fund's bids, projects and grants.",
        "homepage": absolute_url(reverse("open-data")),
        "licenses": [
            {"name": LICENCE_ID, "title": open_data.LICENCE_NAME, "path": open_data.LICENCE_URL}
        ],
        "sources": [{"title": open_data.REGISTER_CREDIT, "path": open_data.REGISTER_URL}],
        "resources": [_resource(dataset) for dataset in published_datasets()],
    }


def _download(url: str, encoding_format: str) -> dict:
    return {"@type": "DataDownload", "contentUrl": url, "encodingFormat": encoding_format}


def _schema_org_dataset(dataset: Dataset) -> dict:
    return {
        "@type": "Dataset",
        "name": dataset.title,
        "description": dataset.description,
        "url": absolute_url(reverse("open-data") + "#" + dataset.name),
        "license": open_data.LICENCE_URL,
        "isAccessibleForFree": True,
        "creator": {"@type": "GovernmentOrganization", "name": PUBLISHER},
        "variableMeasured": [field.name for field in dataset.fields],
        "distribution": [
            _download(_csv_url(dataset), "text/csv"),
            _download(absolute_url(reverse(dataset.json_url_name)), "application/json"),
        ],
    }


def structured_data() -> dict:
    """The page's schema.org description: a catalogue of the site's datasets."""
    return {
        "@context": "https://schema.org",
        "@type": "DataCatalog",
        "name": "Local Digital open data",
        "description": "Open data from Local Digital: the declaration's signatories and "
        "their commitments, and the fund's bids, projects and grants, as CSV and JSON.",
        "url": absolute_url(reverse("open-data")),
        "license": open_data.LICENCE_URL,
        "publisher": {"@type": "GovernmentOrganization", "name": PUBLISHER},
        "dataset": [_schema_org_dataset(dataset) for dataset in published_datasets()],
    }

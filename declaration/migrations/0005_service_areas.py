"""The service areas that commitments and bids are tagged with: a starting list
that staff can extend in admin."""

from django.db import migrations
from django.utils.text import slugify

SERVICE_AREAS = [
    "Adult social care",
    "Children's services and education",
    "Council tax, benefits and payments",
    "Democracy and elections",
    "Environmental health and trading standards",
    "Housing and homelessness",
    "Libraries, leisure and culture",
    "Licences, permits and permissions",
    "Parking, roads and transport",
    "Planning and building control",
    "Public health",
    "Waste and recycling",
    "Customer contact and digital services",
    "Data, infrastructure and cyber security",
    "Corporate services",
]


def add_service_areas(apps, schema_editor):
    ServiceArea = apps.get_model("declaration", "ServiceArea")
    for name in SERVICE_AREAS:
        ServiceArea.objects.get_or_create(slug=slugify(name), defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("declaration", "0004_service_area")]

    operations = [migrations.RunPython(add_service_areas, migrations.RunPython.noop)]

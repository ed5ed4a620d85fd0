"""Site search: each searchable model's weighted words, kept by the database, with a GIN index."""

import django.contrib.postgres.search
from django.db import migrations, models

import localdigital.core.search_document


class Migration(migrations.Migration):
    dependencies = [("declaration", "0005_service_areas")]

    operations = [
        migrations.AddField(
            model_name="declaration",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=localdigital.core.search_document.SearchDocument(
                    A=["title"], B=["introduction", "aims", "closing"]
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(null=True),
            ),
        ),
        migrations.AddField(
            model_name="principle",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=localdigital.core.search_document.SearchDocument(
                    A=["title"], B=["summary"], C=["commitments"]
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(null=True),
            ),
        ),
        migrations.AddIndex(
            model_name="declaration",
            index=localdigital.core.search_document.SearchDocumentIndex(
                fields=["search_document"], name="declaration_search_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="principle",
            index=localdigital.core.search_document.SearchDocumentIndex(
                fields=["search_document"], name="principle_search_idx"
            ),
        ),
    ]

"""Site search: each searchable model's weighted words, kept by the database, with a GIN index."""

import django.contrib.postgres.search
from django.db import migrations, models

import localdigital.core.search_document


class Migration(migrations.Migration):
    dependencies = [("signatories", "0007_declaration_project_reports")]

    operations = [
        migrations.AddField(
            model_name="commitment",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=localdigital.core.search_document.SearchDocument(
                    A=["title"], B=["mission"], C=["impact", "partners"]
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(null=True),
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=localdigital.core.search_document.SearchDocument(A=["name"]),
                output_field=django.contrib.postgres.search.SearchVectorField(null=True),
            ),
        ),
        migrations.AddIndex(
            model_name="commitment",
            index=localdigital.core.search_document.SearchDocumentIndex(
                fields=["search_document"], name="commitment_search_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="organisation",
            index=localdigital.core.search_document.SearchDocumentIndex(
                fields=["search_document"], name="organisation_search_idx"
            ),
        ),
    ]

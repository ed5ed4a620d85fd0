"""Site search: each searchable model's weighted words, kept by the database, with a GIN index."""

import django.contrib.postgres.search
from django.db import migrations, models

import localdigital.core.search_document


class Migration(migrations.Migration):
    dependencies = [("funding", "0009_expressions")]

    operations = [
        migrations.AddField(
            model_name="bid",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=localdigital.core.search_document.SearchDocument(
                    A=["title"], B=["summary"], C=["problem", "users"]
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(null=True),
            ),
        ),
        migrations.AddIndex(
            model_name="bid",
            index=localdigital.core.search_document.SearchDocumentIndex(
                fields=["search_document"], name="bid_search_idx"
            ),
        ),
    ]

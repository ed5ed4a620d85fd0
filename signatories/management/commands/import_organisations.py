from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from signatories.importer import RegisterFileError, organisations_import


class Command(BaseCommand):
    help = (
        "Add or update organisations from a CSV file in the format of mySociety's UK local "
        "authority register, matched by register code. Never deletes an organisation; a file "
        "with any bad row changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", type=Path, help="The CSV file, for example uk_local_authorities.csv."
        )

    def handle(self, *args, path: Path, **options):
        try:
            summary = organisations_import(path=path)
        except RegisterFileError as error:
            raise CommandError(f"Nothing was imported.\n{error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {summary.total} organisation{'' if summary.total == 1 else 's'}: "
                f"{summary.new} new, "
                f"{summary.updated} updated, {summary.unchanged} unchanged."
            )
        )

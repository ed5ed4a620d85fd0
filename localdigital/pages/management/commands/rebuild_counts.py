"""Make the public pages' summary counts again from the records themselves.

The services keep them as they change things; this is for after a bulk load
or a repair made in the database by hand.
"""

from django.core.management.base import BaseCommand

from funding import counts as fund_counts
from signatories import counts as signatory_counts
from signatories import partner_listing


class Command(BaseCommand):
    help = (
        "Rebuild the summary counts of signatories and of the fund, and the partner finder's rows."
    )

    def handle(self, *args, **options):
        signatory_counts.rebuild()
        fund_counts.rebuild()
        partner_listing.rebuild()
        self.stdout.write(
            "Rebuilt the counts of signatories and of the fund, and the partner finder's rows."
        )

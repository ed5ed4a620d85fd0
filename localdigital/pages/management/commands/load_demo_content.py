from django.core.management.base import BaseCommand

from localdigital.pages.demo.fund import create_demo_fund
from localdigital.pages.demo.signatories import create_demo_signatories


class Command(BaseCommand):
    help = "Add demonstration content for local development. Safe to run more than once."

    def handle(self, *args, **options):
        # The declaration itself is content, loaded by migration; the councils
        # come from `import_organisations` with the demo register file. The
        # fund's bids are made by the demo signatories, so they come first.
        signed_up = create_demo_signatories()
        bids = create_demo_fund()
        self.stdout.write(
            f"Demo content is up to date ({signed_up} sign-up(s) and {bids} bid(s) added)."
        )

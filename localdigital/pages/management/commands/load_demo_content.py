from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from localdigital.pages.demo.assessments import assign_demo_assessments
from localdigital.pages.demo.bulletins import create_demo_bulletins
from localdigital.pages.demo.case_studies import create_demo_case_studies
from localdigital.pages.demo.feedback import create_demo_feedback
from localdigital.pages.demo.fund import create_demo_fund
from localdigital.pages.demo.programme import create_demo_programme
from localdigital.pages.demo.reports import create_demo_reports
from localdigital.pages.demo.signatories import create_demo_signatories
from localdigital.pages.demo.staff import create_demo_staff, sign_in_instructions
from localdigital.pages.demo.updates import create_demo_updates


class Command(BaseCommand):
    help = (
        "Add demonstration content, and a staff account for each role, for local "
        "development (DEBUG on only). Safe to run more than once."
    )

    def handle(self, *args, **options):
        # The demo makes staff accounts with a password printed below and
        # sends emails to made-up people: never on a real site.
        if not settings.DEBUG:
            raise CommandError(
                "Demo content is for local development: it is loaded only with DEBUG=true."
            )
        # The declaration itself is content, loaded by migration; the councils
        # come from `import_organisations` with the register file. The fund's
        # bids are made by the demo signatories, so they come first.
        signed_up = create_demo_signatories()
        create_demo_reports()
        bids = create_demo_fund()
        updates = create_demo_updates()
        case_studies = create_demo_case_studies()
        create_demo_programme()
        create_demo_bulletins()
        staff = create_demo_staff()
        # Needs the demo assessor's account, so after the staff are made.
        assign_demo_assessments()
        # Last: the performance figures are worked out from everything above.
        create_demo_feedback()
        self.stdout.write(
            f"Demo content is up to date ({signed_up} sign-up(s), {bids} bid(s)"
            f", {updates} project update(s) and {case_studies} case study(s) added)."
        )
        for line in sign_in_instructions(staff):
            self.stdout.write(line)

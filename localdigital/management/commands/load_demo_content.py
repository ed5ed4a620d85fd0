from django.core.management.base import BaseCommand

from signatories.demo import create_demo_signatories


class Command(BaseCommand):
    help = "Add demonstration content for local development. Safe to run more than once."

    def handle(self, *args, **options):
        # The declaration itself is content, loaded by migration; the councils
        # come from `import_organisations` with the demo register file.
        made = create_demo_signatories()
        self.stdout.write(f"Demo content is up to date ({made} sign-up(s) added).")

from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "funding"
    verbose_name = "Local Digital Fund"

    def ready(self):
        from funding.models import (
            Criterion,
            Fund,
            GrantPayment,
            ProjectLink,
            Round,
            RoundPhase,
        )
        from localdigital.core.content_version import bump_on_change

        # What staff edit in admin: the fund, its rounds (and the tick that
        # publishes a round's decisions), and the links added to funded
        # projects and the payments of their grants (each project's page shows
        # what it has been paid). A bid's outcome, and an expression's, raise the
        # version in their services, and a grant agreement date in the bid admin.
        bump_on_change(Fund, Round, RoundPhase, Criterion, ProjectLink, GrantPayment)

"""A principle's page: its text, with the commitments and funded projects tagged with it."""

from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from declaration.models import Principle
from funding import counts as fund_counts
from funding.models import Bid
from signatories import counts as signatory_counts
from signatories.models import Commitment, SignUp

# The most recent are listed; the projects page, filtered by the principle, has them all.
COMMITMENTS_SHOWN = 10


@require_safe
def principle_detail(request, slug):
    # All five are read in one query: the page links to the ones either side.
    principles = list(
        Principle.objects.in_order().select_related("commitment_count", "project_count")
    )
    position = next((i for i, p in enumerate(principles) if p.slug == slug), None)
    if position is None:
        raise Http404("No principle has that address.")
    principle = principles[position]
    # The newest signatures are read down the index of signed sign-ups, each
    # checked for a tag of this principle, until ten are found: a few dozen
    # rows, not every commitment of the principle, then sorted. The counts
    # come from the summary rows with the principle.
    tagged = Commitment.principles.through.objects.filter(
        principle_id=principle.pk, commitment__sign_up_id=OuterRef("pk")
    )
    commitments = (
        SignUp.objects.signed()
        .filter(Exists(tagged))
        .select_related("organisation", "commitment", "commitment__service_area")
        .newest_first()
    )
    serving = Bid.principles.through.objects.filter(
        principle_id=principle.pk, bid_id=OuterRef("pk")
    )
    funded = (
        Bid.objects.funded()
        .filter(Exists(serving))
        .select_related("lead", "round")
        # Newest round first, in the order of the index the bid lists read
        # (funding.models.Bid.Meta), so the first ten are read and no more.
        .order_by("-round_opens_at", "-round_id", "number")
    )
    return render(
        request,
        "declaration/principle.html",
        {
            "principle": principle,
            "previous_principle": principles[position - 1] if position > 0 else None,
            "next_principle": principles[position + 1] if position + 1 < len(principles) else None,
            "commitments": list(commitments[:COMMITMENTS_SHOWN]),
            "commitments_count": signatory_counts.commitments_with(principle),
            "funded_projects": list(funded[:COMMITMENTS_SHOWN]),
            "funded_count": fund_counts.projects_with(principle),
        },
    )

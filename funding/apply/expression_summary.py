"""An expression's answers as a summary (localdigital.core.summaries), for
check your answers and for the expression's page."""

from funding.models import Phase
from localdigital.core.summaries import Answer, SummarySection, items


def expression_summary(expression, *, change_url: str = "") -> list[SummarySection]:
    """`expression` is an Expression or the services' ExpressionAnswers: both
    have the same names. With `change_url`, every answer links to the form."""
    partners = expression.partners
    partner_names = [
        partner.name for partner in (partners if isinstance(partners, list) else partners.all())
    ]

    def answer(label: str, **value) -> Answer:
        hidden = label.lower()
        return Answer(label=label, change_url=change_url, change_hidden=hidden, **value)

    return [
        SummarySection(
            heading="Your expression of interest",
            answers=[
                answer("Lead council", text=expression.lead.name),
                answer("Project", text=expression.title),
                answer("Problem it solves", paragraphs=expression.problem),
                answer("Partner councils", items=items(partner_names), empty="None named"),
                answer("Phase", text=Phase(expression.phase).label),
                answer("Estimated cost", text=f"£{expression.estimated_cost:,}"),
            ],
        )
    ]

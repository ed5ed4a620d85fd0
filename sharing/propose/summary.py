"""The officer's answers as a check-answers summary (localdigital.core.summaries)."""

from localdigital.core.summaries import Answer, Item, SummarySection, items
from sharing.case_forms import ProposalForm


def _answer(label: str, change_url: str, **value) -> Answer:
    return Answer(label=label, change_url=change_url, change_hidden=label.lower(), **value)


def proposal_summary(form: ProposalForm, *, change_url: str) -> list[SummarySection]:
    data = form.cleaned_data
    about = [
        _answer("Title", change_url, text=data["title"]),
        _answer("Councils", change_url, items=items(c.name for c in form.chosen_councils())),
        _answer(
            "Principles",
            change_url,
            items=items(f"{p.number}. {p.title}" for p in data["principles"]),
        ),
        _answer("Service area", change_url, text=data["service_area"].name),
        _answer("Summary", change_url, paragraphs=data["summary"]),
    ]
    story = [
        _answer("The problem", change_url, paragraphs=data["problem"]),
        _answer("What was done", change_url, paragraphs=data["what_was_done"]),
        _answer(
            "Outcomes",
            change_url,
            items=[Item(text=measure, note=figure) for measure, figure in form.outcomes],
        ),
    ]
    grew_from = [
        _answer(
            "Funded projects",
            change_url,
            items=items(bid.title for bid in data["funded_projects"]),
            empty="None",
        ),
        _answer(
            "Declaration projects",
            change_url,
            items=items(c.title for c in data["declaration_projects"]),
            empty="None",
        ),
    ]
    return [
        SummarySection(heading="About the case study", answers=about, id="about"),
        SummarySection(heading="What happened", answers=story, id="story"),
        SummarySection(heading="Where it grew from", answers=grew_from, id="grew-from"),
    ]

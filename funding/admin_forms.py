"""The forms of the fund's admin: a round's dates checked before the database
sees them, the notes behind the assessors' buttons, and the scoring form."""

from django import forms
from django.utils import timezone

from funding.models import Bid, BidState, Criterion, Score
from localdigital.core.admin_moves import seen_state_field


class RoundAdminForm(forms.ModelForm):
    """A round, with its rules checked against each other so that a mistake is
    shown beside the field it is about rather than as a refusal by the database.

    Its model and fields come from RoundAdmin (its fieldsets).
    """

    def clean(self):
        cleaned = super().clean()
        opens_at, closes_at = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error(
                "closes_at",
                forms.ValidationError(
                    "The round must close after it opens. Check both dates and times.",
                    code="closes_before_opening",
                ),
            )
        low, high = cleaned.get("score_min"), cleaned.get("score_max")
        if low is not None and high is not None and high <= low:
            self.add_error(
                "score_max",
                forms.ValidationError(
                    "The highest score must be more than the lowest score (%(low)s).",
                    code="score_scale_invalid",
                    params={"low": low},
                ),
            )
        if cleaned.get("results_published"):
            self._check_decisions_are_made(cleaned)
        return cleaned

    def _check_decisions_are_made(self, cleaned: dict) -> None:
        """Publishing shows every bid with its outcome: only once every outcome is known."""
        closes_at = cleaned.get("closes_at")
        if closes_at and closes_at > timezone.now():
            self.add_error(
                "results_published",
                forms.ValidationError(
                    "Decisions can be published only after the round has closed.",
                    code="round_still_open",
                ),
            )
        if self.instance.pk:
            waiting = self.instance.bids.filter(
                state__in=[BidState.SUBMITTED, BidState.IN_ASSESSMENT]
            ).count()
            if waiting:
                self.add_error(
                    "results_published",
                    forms.ValidationError(
                        "Record an outcome for every bid before publishing the decisions: "
                        "%(waiting)s bid(s) are still submitted or in assessment.",
                        code="round_not_decided",
                        params={"waiting": waiting},
                    ),
                )


class BidMoveForm(forms.Form):
    seen_state = seen_state_field(BidState.choices, noun="bid")


class StartAssessmentForm(BidMoveForm):
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        help_text="Kept in the bid's history; the officers do not see it.",
    )


class DecisionForm(BidMoveForm):
    note = forms.CharField(
        label="Reason for the decision",
        widget=forms.Textarea(attrs={"rows": 6, "cols": 80}),
        help_text=(
            "Kept in the bid's history, for example the panel's view and who approved it. "
            "The officers are emailed the outcome, not this note."
        ),
        error_messages={"required": "Enter the reason for the decision."},
    )


class ScoreForm(forms.Form):
    """One assessor's scores of one bid: for each of the round's criteria a score
    on the round's scale and the reasons for it.

    Its fields are named after the criteria's ids (`score_12`, `justification_12`),
    so that the form follows whatever criteria the round has.
    """

    def __init__(self, *args, bid: Bid, criteria: list[Criterion], earlier: list[Score], **kwargs):
        super().__init__(*args, **kwargs)
        self.bid = bid
        self.criteria = criteria
        round_ = bid.round
        given = {score.criterion_id: score for score in earlier}
        scale = f"from {round_.score_min} to {round_.score_max}"
        for criterion in criteria:
            before = given.get(criterion.pk)
            self.fields[self.score_field(criterion)] = forms.TypedChoiceField(
                label=f"Score for {criterion.name}",
                choices=[(value, str(value)) for value in round_.score_choices],
                coerce=int,
                widget=forms.RadioSelect,
                initial=before.score if before else None,
                error_messages={
                    "required": f"Choose a score {scale} for {criterion.name}.",
                    "invalid_choice": f"Choose a score {scale} for {criterion.name}.",
                },
            )
            self.fields[self.justification_field(criterion)] = forms.CharField(
                label=f"Why you gave this score for {criterion.name}",
                widget=forms.Textarea(attrs={"rows": 5, "cols": 80}),
                initial=before.justification if before else None,
                error_messages={
                    "required": f"Give a justification for your score for {criterion.name}."
                },
            )

    @staticmethod
    def score_field(criterion: Criterion) -> str:
        return f"score_{criterion.pk}"

    @staticmethod
    def justification_field(criterion: Criterion) -> str:
        return f"justification_{criterion.pk}"

    def rows(self) -> list[dict]:
        """Each criterion with its two bound fields, for the template."""
        return [
            {
                "criterion": criterion,
                "score": self[self.score_field(criterion)],
                "justification": self[self.justification_field(criterion)],
            }
            for criterion in self.criteria
        ]

    def scores(self) -> list[tuple[Criterion, int, str]]:
        return [
            (
                criterion,
                self.cleaned_data[self.score_field(criterion)],
                self.cleaned_data[self.justification_field(criterion)],
            )
            for criterion in self.criteria
        ]

"""Scoring in the bid admin: one assessor's score page for one bid, and the
summary of everyone's scores that the bid's pages and the list show."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse

from funding import scoring, services
from funding.admin.frozen_copy import money
from funding.models import Bid, BidState, Criterion, Score
from localdigital.core.admin_helpers import admin_page_url


def assessment_summary(bid: Bid) -> dict:
    """Every assessor's scores of the bid, their weighted totals and the average.

    Reads the bid's prefetched scores (with their assessors) and its round's
    criteria, so a list of bids costs the same few queries however long.
    """
    criteria = list(bid.round.criteria.all())
    scores = list(bid.scores.all())
    totals = scoring.totals_by_assessor(scores=scores, criteria=criteria, round_=bid.round)
    assessors = []
    for assessor, total in totals.items():
        given = {score.criterion_id: score for score in scores if score.assessor_id == assessor.pk}
        assessors.append(
            {
                "name": scoring.assessor_name(assessor),
                "rows": [
                    {"criterion": criterion, "score": given.get(criterion.pk)}
                    for criterion in criteria
                ],
                "total": str(total)
                if total is not None
                else f"Not complete: {len(given)} of {len(criteria)} criteria scored",
            }
        )
    assessors.sort(key=lambda row: row["name"].lower())
    return {
        "criteria": criteria,
        "assessors": assessors,
        "average": scoring.average_percentage(totals.values()),
        "complete": sum(1 for total in totals.values() if total is not None),
    }


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


# Why a bid cannot be scored now, by reason, with what the assessor is told.
NOT_SCORABLE_MESSAGES = {
    "not_in_assessment": (
        "{reference} is {state}. Only a bid in assessment can be scored: start its "
        "assessment first."
    ),
    "no_criteria": (
        "{round} has no assessment criteria yet. Add them to the round, then score the bid."
    ),
}


def why_not_scorable(bid: Bid, criteria: list[Criterion]) -> str | None:
    """The key in NOT_SCORABLE_MESSAGES of why `bid` cannot be scored now, if it cannot."""
    if bid.state != BidState.IN_ASSESSMENT:
        return "not_in_assessment"
    if not criteria:
        return "no_criteria"
    return None


def not_scorable_message(bid: Bid, reason: str) -> str:
    return NOT_SCORABLE_MESSAGES[reason].format(
        reference=bid.reference or "This bid",
        state=BidState(bid.state).label.lower(),
        round=bid.round.name,
    )


class BidScoringMixin:
    """The score page of a ModelAdmin of bids, which lists its route in get_urls:
    admin_page(self, "<path:object_id>/score/", self.score_view, page="score")."""

    score_template = "admin/funding/bid/score.html"

    def has_score_permission(self, request) -> bool:
        return request.user.has_perm("funding.add_score")

    def score_url(self, bid: Bid) -> str:
        return admin_page_url(self, "score", bid.pk)

    def score_view(self, request, object_id):
        """One assessor's scores of one bid: a score and a justification per criterion."""
        bid = self._bid_to_score(request, object_id)
        change_url = admin_page_url(self, "change", bid.pk)
        criteria = list(bid.round.criteria.all())
        reason = why_not_scorable(bid, criteria)
        if reason is not None:
            self.message_user(request, not_scorable_message(bid, reason), messages.ERROR)
            return HttpResponseRedirect(change_url)

        earlier = [score for score in bid.scores.all() if score.assessor_id == request.user.pk]
        form_kwargs = {"bid": bid, "criteria": criteria, "earlier": earlier}
        if request.method != "POST":
            form = ScoreForm(**form_kwargs)
        else:
            form = ScoreForm(request.POST, **form_kwargs)
            if form.is_valid() and self._save_scores(request, bid, form):
                return HttpResponseRedirect(change_url)
        context = self._score_page_context(request, bid, form=form, had_scored=bool(earlier))
        return TemplateResponse(request, self.score_template, context)

    def _bid_to_score(self, request, object_id) -> Bid:
        if not self.has_score_permission(request):
            raise PermissionDenied
        bid = self.get_object(request, unquote(object_id))
        if bid is None:
            raise Http404("No such bid.")
        return bid

    def _score_page_context(self, request, bid: Bid, *, form: ScoreForm, had_scored: bool):
        request.current_app = self.admin_site.name
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Score {bid.reference}",
            "subtitle": bid.title,
            "bid": bid,
            "amount": money(bid.amount),
            "change_url": admin_page_url(self, "change", bid.pk),
            "has_view_permission": self.has_view_permission(request, bid),
            "form": form,
            "round": bid.round,
            "had_scored": had_scored,
        }

    def _save_scores(self, request, bid: Bid, form: ScoreForm) -> bool:
        """Save the assessor's scores and tell them their total; or, if the
        service refuses them, put its reason on the form and say so."""
        try:
            services.bid_score(
                bid=bid,
                assessor=request.user,
                scores=[
                    services.CriterionScore(
                        criterion=criterion, score=score, justification=justification
                    )
                    for criterion, score, justification in form.scores()
                ],
            )
        except ValidationError as refused:
            form.add_error(None, refused)
            return False
        total = scoring.weighted_total(
            scores={criterion.pk: score for criterion, score, _ in form.scores()},
            criteria=form.criteria,
            round_=bid.round,
        )
        self.message_user(
            request,
            f"Your scores for {bid.reference} are saved. Your weighted total: {total}.",
            messages.SUCCESS,
        )
        return True

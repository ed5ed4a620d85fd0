"""The panel's agreed scores in the bid admin: the page that records them, and
the summary, per criterion, of the assessors' scores, their spread and the
agreed score beside them (never mixed into the assessors' own)."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse

from funding import ranking, services
from funding.admin.frozen_copy import money
from funding.models import AgreedScore, Bid, BidState, Criterion
from localdigital.core.admin_helpers import admin_page_url


def panel_summary(bid: Bid) -> dict:
    """Per criterion: the assessors' scores and their spread, and the agreed
    score with its note. Reads the bid's prefetched scores and agreed scores."""
    criteria = list(bid.round.criteria.all())
    agreed = {score.criterion_id: score for score in bid.agreed_scores.all()}
    rows = []
    for criterion in criteria:
        given = sorted(s.score for s in bid.scores.all() if s.criterion_id == criterion.pk)
        rows.append(
            {
                "criterion": criterion,
                "individual": given,
                "spread": given[-1] - given[0] if given else None,
                "agreed": agreed.get(criterion.pk),
            }
        )
    total = ranking.agreed_total(bid, criteria, bid.round)
    return {"rows": rows, "total": total, "any_agreed": bool(agreed)}


class AgreedScoreForm(forms.Form):
    """The panel's agreed score and note for each of the round's criteria."""

    def __init__(self, *args, bid: Bid, criteria: list[Criterion], **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        round_ = bid.round
        earlier = {score.criterion_id: score for score in bid.agreed_scores.all()}
        scale = f"from {round_.score_min} to {round_.score_max}"
        for criterion in criteria:
            before = earlier.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=f"Agreed score for {criterion.name}",
                choices=[(value, str(value)) for value in round_.score_choices],
                coerce=int,
                widget=forms.RadioSelect,
                initial=before.score if before else None,
                error_messages={
                    "required": f"Choose an agreed score {scale} for {criterion.name}.",
                    "invalid_choice": f"Choose an agreed score {scale} for {criterion.name}.",
                },
            )
            self.fields[f"note_{criterion.pk}"] = forms.CharField(
                label=f"Why the panel agreed this score for {criterion.name}",
                widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
                initial=before.note if before else None,
                error_messages={
                    "required": f"Give a note for the agreed score of {criterion.name}."
                },
            )

    def rows(self) -> list[dict]:
        return [
            {"criterion": c, "score": self[f"score_{c.pk}"], "note": self[f"note_{c.pk}"]}
            for c in self.criteria
        ]

    def agreed(self) -> list[services.AgreedCriterionScore]:
        return [
            services.AgreedCriterionScore(
                criterion=c,
                score=self.cleaned_data[f"score_{c.pk}"],
                note=self.cleaned_data[f"note_{c.pk}"],
            )
            for c in self.criteria
        ]


# Why a bid cannot be given agreed scores now, with what staff are told.
NOT_AGREEABLE_MESSAGES = {
    "not_in_assessment": (
        "{reference} is {state}. Agreed scores are recorded while a bid is in assessment."
    ),
    "no_individual_scores": (
        "{reference} has no individual scores yet. The panel agrees its scores after at "
        "least one assessor has scored every criterion."
    ),
}


def why_not_agreeable(bid: Bid) -> str | None:
    if bid.state != BidState.IN_ASSESSMENT:
        return "not_in_assessment"
    if not services.has_individual_scores(bid):
        return "no_individual_scores"
    return None


class AgreedScoringMixin:
    """The agreed-score page of the bid admin, which lists its route in get_urls:
    admin_page(self, "<path:object_id>/agree/", self.agree_view, page="agree")."""

    agree_template = "admin/funding/bid/agree.html"

    def has_agree_permission(self, request) -> bool:
        return request.user.has_perm("funding.add_agreedscore")

    def agree_url(self, bid: Bid) -> str:
        return admin_page_url(self, "agree", bid.pk)

    def agree_view(self, request, object_id):
        if not self.has_agree_permission(request):
            raise PermissionDenied
        bid = self.get_object(request, unquote(object_id))
        if bid is None:
            raise Http404("No such bid.")
        change_url = admin_page_url(self, "change", bid.pk)
        reason = why_not_agreeable(bid)
        if reason is not None:
            message = NOT_AGREEABLE_MESSAGES[reason].format(
                reference=bid.reference, state=BidState(bid.state).label.lower()
            )
            self.message_user(request, message, messages.ERROR)
            return HttpResponseRedirect(change_url)
        criteria = list(bid.round.criteria.all())
        data = request.POST if request.method == "POST" else None
        form = AgreedScoreForm(data, bid=bid, criteria=criteria)
        if request.method == "POST" and form.is_valid() and self._save_agreed(request, bid, form):
            return HttpResponseRedirect(change_url)
        return TemplateResponse(
            request, self.agree_template, self._agree_context(request, bid, form)
        )

    def _save_agreed(self, request, bid: Bid, form: AgreedScoreForm) -> bool:
        try:
            services.bid_agree_scores(bid=bid, by=request.user, scores=form.agreed())
        except ValidationError as refused:
            form.add_error(None, refused)
            return False
        self.message_user(
            request, f"The panel's agreed scores for {bid.reference} are saved.", messages.SUCCESS
        )
        return True

    def _agree_context(self, request, bid: Bid, form: AgreedScoreForm) -> dict:
        request.current_app = self.admin_site.name
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Agreed scores for {bid.reference}",
            "subtitle": bid.title,
            "bid": bid,
            "amount": money(bid.amount),
            "change_url": admin_page_url(self, "change", bid.pk),
            "has_view_permission": self.has_view_permission(request, bid),
            "form": form,
            "round": bid.round,
            "panel": panel_summary(bid),
            "had_agreed": AgreedScore.objects.filter(bid=bid).exists(),
        }

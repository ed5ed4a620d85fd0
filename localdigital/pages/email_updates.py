"""The email updates page: one address, the topics it wants (news, fund
rounds and deadlines, new signatories in a region, events) and how often.

Composed here, above the apps: each topic and its label are its owner's
(programme, funding, signatories), and the request is the subscriptions
app's, with its double opt-in. The visitor then sees "check your email"
whatever the address, so nobody learns who follows what.
"""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from funding.topics import FUND_ROUNDS_LABEL, FUND_ROUNDS_TOPIC
from localdigital.core.forms import honeypot_filled
from localdigital.core.ratelimit import rate_limit
from programme.topics import EVENTS_LABEL, EVENTS_TOPIC, NEWS_LABEL, NEWS_TOPIC
from signatories import topics as signatory_topics
from subscriptions import services
from subscriptions.follow import FOLLOW_LIMIT
from subscriptions.forms import FollowForm

SIGNATORIES = "signatories"
# The boxes, in the page's order: value, what the box says.
TOPIC_CHOICES = [
    (NEWS_TOPIC, "News"),
    (FUND_ROUNDS_TOPIC, "Fund rounds and deadlines"),
    (SIGNATORIES, "New signatories in a region"),
    (EVENTS_TOPIC, "Events"),
]
LABELS = {NEWS_TOPIC: NEWS_LABEL, FUND_ROUNDS_TOPIC: FUND_ROUNDS_LABEL, EVENTS_TOPIC: EVENTS_LABEL}


class EmailUpdatesForm(FollowForm):
    error_anchors = {"topics": "topics", "frequency": "frequency"}
    field_order = ["email", "topics", "region", "frequency"]

    topics = forms.MultipleChoiceField(
        choices=TOPIC_CHOICES,
        error_messages={
            "required": "Select at least one topic",
            "invalid_choice": "Select at least one topic",
        },
    )
    region = forms.ChoiceField(
        required=False,
        error_messages={"invalid_choice": "Select a region from the list"},
    )

    def __init__(self, *args, regions: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", "Choose a region"), *((r, r) for r in regions)]

    def clean(self):
        data = super().clean()
        if SIGNATORIES in data.get("topics", []) and not data.get("region"):
            self.add_error("region", "Select the region to hear of new signatories in")
        return data

    def chosen_topics(self) -> list[tuple[str, str]]:
        """(topic, label) for each box ticked, the region's for new signatories."""
        region = self.cleaned_data.get("region")
        return [
            (signatory_topics.region_topic(region), signatory_topics.region_label(region))
            if topic == SIGNATORIES
            else (topic, LABELS[topic])
            for topic in self.cleaned_data["topics"]
        ]


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**FOLLOW_LIMIT)
def email_updates(request: HttpRequest) -> HttpResponse:
    regions = signatory_topics.regions()
    if request.method == "POST":
        form = EmailUpdatesForm(request.POST, regions=regions)
        if honeypot_filled(request):
            return _check_email(request)
        if form.is_valid():
            services.follow_topics_request(
                email=form.cleaned_data["email"],
                topics=form.chosen_topics(),
                frequency=form.cleaned_data["frequency"],
            )
            return _check_email(request)
    else:
        form = EmailUpdatesForm(regions=regions)
    return render(
        request,
        "pages/email_updates.html",
        {
            "page_title": "Get email updates",
            "form": form,
            "regions": regions,
            "topics": TOPIC_CHOICES,
        },
    )


def _check_email(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "subscriptions/check_email.html",
        {
            "page_title": "Check your email",
            "label": "the topics you chose",
            "days": services.CONFIRM_DAYS,
        },
    )

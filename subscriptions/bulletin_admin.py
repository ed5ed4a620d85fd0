"""Content editors' screens for bulletins: write one in Markdown, preview
both its parts, send a test to themselves, send it to its topic's followers
(after a page that says how many), and watch it go out."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join

from localdigital.core.admin_helpers import ReadOnlyInlineMixin, admin_page, admin_page_url
from localdigital.core.workflow import IllegalMove
from subscriptions import services
from subscriptions.models import Bulletin, BulletinState, BulletinStateChange, Subscription


def followed_topics() -> list[tuple[str, str]]:
    """Every topic someone follows, named as its owner worded it."""
    rows = (
        Subscription.objects.confirmed()
        .values_list("topic", "label")
        .order_by("label", "topic")
        .distinct()
    )
    return list(dict(rows).items())


class BulletinForm(forms.ModelForm):
    topic = forms.ChoiceField(
        label="Send to followers of",
        help_text="Only topics that someone follows are listed.",
    )

    class Meta:
        model = Bulletin
        fields = ["subject", "topic", "body"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", "Choose a topic"), *followed_topics()]

    def save(self, commit=True):
        self.instance.topic_label = dict(self.fields["topic"].choices)[self.instance.topic]
        return super().save(commit)


class HistoryInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = BulletinStateChange
    fields = ["at", "from_state", "to_state", "by_user", "by_label"]
    readonly_fields = fields
    verbose_name_plural = "History"


@admin.register(Bulletin)
class BulletinAdmin(admin.ModelAdmin):
    form = BulletinForm
    list_display = ["subject", "topic_label", "state", "created_at"]
    list_filter = ["state"]
    search_fields = ["subject", "body"]
    readonly_fields = ["state", "actions_links", "progress_counts"]
    inlines = [HistoryInline]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["subject", "topic", "body"]
        topic = "topic" if obj.state == BulletinState.DRAFT else "topic_label"
        return ["subject", topic, "body", *self.readonly_fields]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.state != BulletinState.DRAFT:
            return ["subject", "topic_label", "body", *self.readonly_fields]
        return self.readonly_fields

    def has_change_permission(self, request, obj=None):
        # A bulletin that has gone out is history: seen, never changed.
        if obj is not None and obj.state != BulletinState.DRAFT:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.state != BulletinState.DRAFT:
            return False
        return super().has_delete_permission(request, obj)

    def get_urls(self):
        return [
            admin_page(self, "<int:pk>/preview/", self.preview_view, page="preview"),
            admin_page(self, "<int:pk>/send-test/", self.send_test_view, page="send_test"),
            admin_page(self, "<int:pk>/send/", self.send_view, page="send"),
            *super().get_urls(),
        ]

    @admin.display(description="Preview and send")
    def actions_links(self, bulletin):
        links = [("preview", "Preview the email")]
        if bulletin.state == BulletinState.DRAFT:
            links += [("send_test", "Send a test to me"), ("send", "Send to its followers")]
        return format_html_join(
            " | ",
            '<a href="{}">{}</a>',
            ((admin_page_url(self, page, bulletin.pk), text) for page, text in links),
        )

    @admin.display(description="Progress")
    def progress_counts(self, bulletin):
        counts = bulletin.progress()
        return format_html(
            "{} queued, {} sent, {} failed, {} still to queue",
            counts["queued"],
            counts["sent"],
            counts["failed"],
            counts["remaining"],
        )

    def _bulletin(self, request, pk, *, permission: str = "view") -> Bulletin:
        bulletin = get_object_or_404(Bulletin, pk=pk)
        allowed = {
            "view": self.has_view_permission(request, bulletin),
            "send": request.user.has_perm("subscriptions.send_bulletin"),
        }[permission]
        if not allowed:
            raise PermissionDenied
        return bulletin

    def _page(self, request, bulletin, template: str, **context):
        return TemplateResponse(
            request,
            f"admin/subscriptions/bulletin_{template}.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "bulletin": bulletin,
                "change_url": admin_page_url(self, "change", bulletin.pk),
                "title": f"{context.pop('heading')}: {bulletin.subject}",
                **context,
            },
        )

    def preview_view(self, request, pk):
        bulletin = self._bulletin(request, pk)
        return self._page(request, bulletin, "preview", heading="Preview")

    def send_test_view(self, request, pk):
        bulletin = self._bulletin(request, pk, permission="send")
        if request.method == "POST":
            try:
                services.bulletin_send_test(bulletin=bulletin, user=request.user)
            except services.NoEmailAddress:
                messages.error(request, "Your account has no email address to send a test to.")
            else:
                messages.success(request, f"A test is on its way to {request.user.email}.")
            return redirect(admin_page_url(self, "change", bulletin.pk))
        return self._page(
            request,
            bulletin,
            "confirm",
            heading="Send a test",
            explanation=f"Send this bulletin, marked as a test, to you alone ({request.user.email or 'no email address'}).",
            submit="Send a test to me",
        )

    def send_view(self, request, pk):
        bulletin = self._bulletin(request, pk, permission="send")
        if request.method == "POST":
            return self._start_sending(request, bulletin)
        count = bulletin.followers().count()
        return self._page(
            request,
            bulletin,
            "confirm",
            heading="Send",
            explanation=(
                f"Send “{bulletin.subject}” to everyone who follows {bulletin.topic_label}. "
                "It goes out in batches, and cannot be stopped or changed once sent."
            ),
            submit=f"Send to {count} subscriber{'' if count == 1 else 's'}",
        )

    def _start_sending(self, request, bulletin):
        try:
            services.bulletin_start_sending(bulletin=bulletin, user=request.user)
        except IllegalMove:
            messages.error(request, "This bulletin has been sent already.")
        else:
            messages.success(request, "The bulletin is being sent. Its progress shows below.")
        return redirect(admin_page_url(self, "change", bulletin.pk))

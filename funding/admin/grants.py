"""After the award, in the bid admin: the decision as recorded (who approved
it, the amount awarded, the feedback) and, for a funded bid, the grant
agreement's date and the payments, which never add up to more than the award."""

from django import forms
from django.contrib import admin

from funding.admin.frozen_copy import money
from funding.models import Bid, BidState, GrantPayment
from funding.scoring import assessor_name


def decision_record(bid: Bid) -> dict | None:
    """What the bid's page shows of its decision, from prefetched rows; None if undecided."""
    if bid.state not in (BidState.FUNDED, BidState.NOT_FUNDED):
        return None
    approval = getattr(bid, "approval", None)
    return {
        "approval": approval,
        "recorded_by": assessor_name(approval.recorded_by)
        if approval and approval.recorded_by
        else "",
        "awarded": money(bid.awarded) if bid.awarded is not None else "",
        "asked": money(bid.amount),
        "paid": money(bid.paid_to_date),
        "feedback": list(bid.feedback.all()),
    }


class PaymentForm(forms.ModelForm):
    """One payment, with messages that say which field is wrong and how."""

    class Meta:
        model = GrantPayment
        fields = ["paid_on", "amount"]
        error_messages = {
            "paid_on": {
                "required": "Enter the date of the payment.",
                "invalid": "Enter the date of the payment as a real date, like 20/04/2023.",
            },
            "amount": {
                "required": "Enter the amount paid, in whole pounds.",
                "invalid": "Enter the amount paid as a whole number of pounds, like 45000.",
                "min_value": "The amount paid must be at least £1.",
            },
        }


class PaymentFormSet(forms.BaseInlineFormSet):
    """The payments of one bid, refused together if they add up to more than its award."""

    def clean(self):
        super().clean()
        if any(form.errors for form in self.forms):
            return
        total = sum(
            form.cleaned_data.get("amount") or 0
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        )
        GrantPayment.check_total(self.instance, total)


class GrantPaymentInline(admin.TabularInline):
    model = GrantPayment
    form = PaymentForm
    formset = PaymentFormSet
    verbose_name_plural = "payments of the grant"
    extra = 1
    fields = ["paid_on", "amount"]

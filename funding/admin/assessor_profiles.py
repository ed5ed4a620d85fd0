"""An assessor's organisation, edited on their account's page in the user admin.

Django's own user admin, with the profile below it: a member of staff who
works for a council (or another body on the register) is conflicted on every
bid it leads or partners, and is never assigned one.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from funding.models import AssessorProfile


class AssessorProfileInline(admin.StackedInline):
    model = AssessorProfile
    can_delete = False
    verbose_name = "organisation (for conflicts of interest on the fund's bids)"
    fields = ["organisation"]
    autocomplete_fields = ["organisation"]


User = get_user_model()
# Django's user admin (registered when django.contrib.auth.admin is imported,
# above) is replaced by the same page with the organisation added.
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, AssessorProfileInline]

from django.contrib import admin

from programme.models import CoPublisher


@admin.register(CoPublisher)
class CoPublisherAdmin(admin.ModelAdmin):
    list_display = ["display_name", "kind", "joined_on"]
    list_filter = ["kind", "joined_on"]
    search_fields = ["name", "organisation__name"]
    autocomplete_fields = ["organisation"]
    list_select_related = ["organisation"]
    fieldsets = [
        (
            "Who",
            {
                "fields": ["organisation", "name"],
                "description": "Choose the organisation from the register, or type the name "
                "of a body that is not in it: one or the other.",
            },
        ),
        (None, {"fields": ["kind", "joined_on"]}),
    ]

    @admin.display(description="Name", ordering="organisation__name")
    def display_name(self, co_publisher):
        return co_publisher.display_name

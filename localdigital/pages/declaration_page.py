"""The declaration's page, with its co-publishers: the declaration app draws
the text, and this layer, which knows the programme app too, adds who
published it (declaration sits below the register the co-publishers name)."""

from django.views.decorators.http import require_safe

from declaration import views as declaration_views
from programme.models import CoPublisher


@require_safe
def declaration_index(request):
    return declaration_views.declaration_index(
        request, extra_context={"co_publishers": list(CoPublisher.objects.by_name())}
    )

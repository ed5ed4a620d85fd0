"""Public pages about signatories and their commitments, and their open data."""

app_name = "signatories"

urlpatterns = []

"""The officers' side of the fund: signing in by email, and bidding."""

app_name = "apply"

urlpatterns: list = []

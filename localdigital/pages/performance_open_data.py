"""The service performance figures as open data: one row for each month, and
one for each fund round. Written from the figures the page shows, so the two
always agree."""

from localdigital.core.open_data import Dataset, Field


def _figure(name: str, meaning: str, example: str) -> Field:
    return Field(name, meaning, example, lambda row, request: row[name])


MONTHS = Dataset(
    name="service-performance",
    title="Service performance by month",
    description="How the declaration's sign-ups and the team's reviews went in each of the "
    "last 12 months, in UK time, and how satisfied people were.",
    csv_url_name="performance-csv",
    json_url_name="performance-json",
    fields=(
        _figure("period", "The month.", "March 2026"),
        _figure("sign_ups_started", "Sign-ups started in the month.", "14"),
        _figure(
            "sign_ups_completed",
            "Of the sign-ups started in the month, how many have been signed.",
            "11",
        ),
        _figure(
            "completion_rate_percent",
            "The share of sign-ups started in the month that have been signed, as a whole "
            "percentage. Empty when none were started.",
            "79",
        ),
        _figure("reviews", "Reviews of a sign-up that moderators finished in the month.", "12"),
        _figure(
            "review_median_working_days",
            "The median number of working days a review took, counted from the day the "
            "sign-up was ready for review (England's bank holidays are not working days).",
            "1",
        ),
        _figure(
            "review_90th_percentile_working_days",
            "Nine reviews in ten took this many working days or fewer.",
            "3",
        ),
        _figure(
            "reviews_within_target_percent",
            "The share of reviews finished within the target of 3 working days.",
            "95",
        ),
        _figure("sign_offs", "Sign-ups signed by their senior approver in the month.", "10"),
        _figure(
            "sign_off_median_days",
            "The median number of days, to one decimal place, from a sign-up's approval to "
            "its senior approver signing.",
            "2.5",
        ),
        _figure(
            "sign_off_90th_percentile_days", "Nine sign-offs in ten took this long or less.", "8.0"
        ),
        _figure(
            "feedback_responses", "Answers to the feedback form's satisfaction question.", "20"
        ),
        _figure(
            "satisfied_percent",
            "The share of those answers that were “Very satisfied” or “Satisfied”.",
            "85",
        ),
    ),
)

ROUNDS = Dataset(
    name="bids-per-round",
    title="Bids per fund round",
    description="How many bids each round of the Local Digital Fund received, and how many "
    "were funded once its decisions were published.",
    csv_url_name="performance-rounds-csv",
    json_url_name="performance-rounds-json",
    fields=(
        _figure("fund", "The fund's name.", "Local Digital Fund"),
        _figure("round", "The round's name.", "Round 6"),
        _figure("closes", "The date the round closed, or closes, for bids.", "2022-10-14"),
        _figure("bids_submitted", "Bids sent and not withdrawn.", "58"),
        _figure(
            "bids_funded",
            "Bids funded. Empty until the round's decisions are published.",
            "19",
        ),
    ),
)

DATASETS = (MONTHS, ROUNDS)

"""The officer's journey to bid: signing in by an emailed link, their bids,
the eligibility questions that start a draft, its task list and section
pages, check your answers and submitting, withdrawing, and the download of
attachments. One module a page (or a few pages doing one job); the URLs are
in funding.apply.urls.
"""

"""The public pages of the site, shared by the server-side and browser tests."""

# (address, the page's main heading)
PUBLIC_PAGES = [
    ("/", "Local Digital"),
    ("/declaration/", "The Local Digital Declaration"),
    (
        "/declaration/design-services-around-the-needs-of-people/",
        "Design services around the needs of people",
    ),
    (
        "/declaration/fix-the-plumbing/",
        "'Fix the plumbing' of technology infrastructure, systems and data",
    ),
    (
        "/declaration/embed-an-open-culture/",
        "Embed an open culture that promotes digital ways of working",
    ),
    ("/accessibility/", "Accessibility statement"),
    ("/privacy/", "Privacy notice"),
    ("/cookies/", "Cookies"),
    ("/contact/", "Contact Local Digital"),
    ("/performance/", "Service performance"),
    ("/feedback/", "Give feedback on Local Digital"),
    ("/feedback/sent/", "Thank you for your feedback"),
    ("/search/", "Search"),
]

NOT_FOUND_PAGE = ("/no-such-page/", "Page not found")

"""axe-core, run in the browser against the page as a person sees it."""

import re

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

_axe = Axe()


def assert_no_axe_violations(page) -> None:
    """Fail, listing each problem, if axe finds any WCAG A or AA violation."""
    if getattr(page, "javascript_disabled", False):
        _check_page_drawn_without_javascript(page)
        return
    results = _axe.run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    violations = results.response["violations"]
    if violations:
        lines = [f"{page.url}: {len(violations)} accessibility violation(s)"]
        for violation in violations:
            targets = ", ".join(str(node["target"]) for node in violation["nodes"][:5])
            lines.append(
                f"- {violation['id']} ({violation['impact']}): {violation['help']} at {targets}"
            )
        raise AssertionError("\n".join(lines))


def _check_page_drawn_without_javascript(page) -> None:
    """axe is itself JavaScript, and will not run where scripts are off.

    So the page's markup, as drawn without JavaScript, is served again at the
    same address to a tab where scripts run, with the page's own scripts
    removed: axe then sees exactly what a visitor without JavaScript sees,
    styled by the same stylesheets.
    """
    markup = re.sub(r"<script\b[^>]*>.*?</script>", "", page.content(), flags=re.S | re.I)
    context = page.context.browser.new_context()
    try:
        checker = context.new_page()
        checker.route(
            page.url,
            lambda route: route.fulfill(body=markup, content_type="text/html; charset=utf-8"),
        )
        checker.goto(page.url)
        assert_no_axe_violations(checker)
    finally:
        context.close()

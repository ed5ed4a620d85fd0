"""The Nu HTML Checker and html-validate, run over pages the tests rendered.

Each test writes the pages it rendered into a folder of its own; one run of
each checker then reads the whole folder, so the Java start-up is paid once.
Both come from npm (package.json's devDependencies); the Nu checker needs Java,
which .ci/run installs from Debian's packages.
"""

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from localdigital.core.titles import TITLE_MAX

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
HTML_VALIDATE = ROOT / "node_modules" / ".bin" / "html-validate"
# Each checker has this long for a folder of a hundred pages (they take seconds).
TIMEOUT_SECONDS = 180


def file_name(address: str, method: str = "get") -> str:
    """A file name that says which page, and which request, it holds."""
    slug = re.sub(r"[^a-z0-9]+", "-", address.lower()).strip("-") or "home"
    return f"{slug}.{method}.html"


def save_page(folder: Path, address: str, response, *, method: str = "get") -> None:
    assert response["Content-Type"].startswith("text/html"), address
    (folder / file_name(address, method)).write_bytes(response.content)


def _tools_present() -> None:
    # As the browser tests treat a missing Chromium: a failure, never a skip.
    if not shutil.which("java"):
        pytest.fail(
            "Java is needed for the Nu HTML Checker and was not found (.ci/run installs it)."
        )
    for tool in (VNU_JAR, HTML_VALIDATE):
        if not tool.exists():
            pytest.fail(f"{tool} is missing: run `npm ci` (make test does).")


def nu_errors(folder: Path) -> list[str]:
    """What the Nu HTML Checker calls an error in any page of the folder."""
    _tools_present()
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", str(folder)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    # The checker reports on standard error, and exits 1 when it finds errors.
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m['message']}"
        f" [{m.get('extract', '').strip()}]"
        for m in messages
        if m["type"] in ("error", "non-document-error")
    ]


def html_validate_errors(folder: Path) -> list[str]:
    """What html-validate's rules (.htmlvalidate.json) call an error in any page of the folder."""
    _tools_present()
    # The report goes to a file: Node cuts short a long report written to a pipe.
    report_file = folder / "html-validate.json"
    result = subprocess.run(
        [
            str(HTML_VALIDATE),
            "--formatter",
            f"json={report_file}",
            "--config",
            str(ROOT / ".htmlvalidate.json"),
            str(folder),
        ],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
        cwd=ROOT,
    )
    assert report_file.exists(), result.stderr
    return [
        f"{Path(report['filePath']).name}:{m['line']}: {m['ruleId']}: {m['message']}"
        f" [{(m.get('selector') or '')}]"
        for report in json.loads(report_file.read_text())
        for m in report["messages"]
        if m["severity"] == 2
    ]


def long_titles(folder: Path) -> list[str]:
    """Pages whose title, as a browser tab shows it, is over TITLE_MAX characters.

    In html-validate's place (its long-title rule is off, .htmlvalidate.json):
    it counts the title as written, each `&#39;` for an apostrophe as five.
    """
    found = []
    for page in sorted(folder.glob("*.html")):
        match = re.search(r"<title>(.*?)</title>", page.read_text(), flags=re.DOTALL)
        shown = html.unescape(" ".join(match.group(1).split())) if match else ""
        if len(shown) > TITLE_MAX:
            found.append(f"{page.name}: title of {len(shown)} characters: {shown}")
    return found


def assert_valid_html(folder: Path) -> None:
    """Fail, listing every error, if either checker finds one."""
    pages = list(folder.glob("*.html"))
    assert pages, f"no pages were rendered into {folder}"
    errors = nu_errors(folder) + html_validate_errors(folder) + long_titles(folder)
    assert errors == [], f"{len(errors)} markup error(s) in {len(pages)} pages:\n" + "\n".join(
        errors
    )

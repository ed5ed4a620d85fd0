"""The two lists of settings: .env.example, safe to copy for local use, and
.env.production.example, as a real site sets them. Both list every setting."""

import os
import re
import subprocess
import sys

import environ
import pytest

from tests.processes import PROJECT

LOCAL = PROJECT / ".env.example"
PRODUCTION = PROJECT / ".env.production.example"


def settings_read_from_the_environment() -> set[str]:
    source = (PROJECT / "localdigital" / "settings.py").read_text()
    return set(re.findall(r'\benv(?:\.\w+)?\(\s*"([A-Z][A-Z0-9_]*)"', source))


def parsed(path) -> dict[str, str]:
    """The file as django-environ reads a .env (into a dict, not this process)."""

    class FileOnly(environ.Env):
        ENVIRON = {}

    FileOnly.read_env(path)
    return FileOnly.ENVIRON


@pytest.mark.parametrize("path", [LOCAL, PRODUCTION], ids=lambda path: path.name)
def test_every_setting_the_site_reads_is_listed_with_its_meaning(path):
    text = path.read_text()
    listed = set(re.findall(r"^(?:# )?([A-Z][A-Z0-9_]*)=", text, flags=re.MULTILINE))

    assert len(settings_read_from_the_environment()) > 30
    assert settings_read_from_the_environment() - listed == set()


@pytest.mark.parametrize("path", [LOCAL, PRODUCTION], ids=lambda path: path.name)
def test_file_email_examples_give_an_absolute_folder(path):
    examples = re.findall(r"filemail://\S+", path.read_text())

    assert examples
    for example in examples:
        folder = environ.Env.email_url_config(example)["EMAIL_FILE_PATH"]
        assert os.path.isabs(folder), example


def test_env_example_copied_for_local_use_checks_and_migrates_on_sqlite(tmp_path):
    values = parsed(LOCAL)
    assert "DATABASE_URL" not in values  # SQLite, which needs no server
    assert "CACHE_URL" not in values and "CELERY_BROKER_URL" not in values  # no Redis
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        **values,
        # The one change: the database in this test's folder, not beside manage.py.
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }

    def manage(*args):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )

    check = manage("check")
    migrate = manage("migrate", "--noinput")
    shown = manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.DATABASES['default']['ENGINE'], s.SITE_URL)",
    )

    assert check.returncode == 0, check.stderr
    assert "System check identified no issues" in check.stdout
    assert migrate.returncode == 0, migrate.stderr
    assert (tmp_path / "db.sqlite3").stat().st_size > 0
    assert shown.stdout.split() == [
        "True",
        "False",
        "django.db.backends.sqlite3",
        "http://127.0.0.1:8000",
    ]

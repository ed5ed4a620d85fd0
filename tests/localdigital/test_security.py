import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.processes import run_in_fresh_process

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parents[2]

PRODUCTION_ENVIRONMENT = {
    "SECRET_KEY": "a-long-random-production-secret-5b9f1c2e7d4a8f3b6e0c1d9a2f7e4b8c",
    "DEBUG": "false",
    "ALLOWED_HOSTS": "localdigital.example.gov.uk",
    "SITE_URL": "https://localdigital.example.gov.uk",
    "BEHIND_TLS_PROXY": "true",
}


def test_deploy_check_passes_with_production_settings():
    result = run_in_fresh_process(
        PRODUCTION_ENVIRONMENT, "check", "--deploy", "--fail-level", "WARNING"
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_deploy_check_fails_when_debug_is_on():
    result = run_in_fresh_process(
        {**PRODUCTION_ENVIRONMENT, "DEBUG": "true"}, "check", "--deploy", "--fail-level", "WARNING"
    )

    assert result.returncode != 0
    assert "DEBUG" in result.stderr


def test_site_refuses_to_start_without_a_secret_key():
    # gunicorn and runserver both load the WSGI application first.
    env = {"PATH": os.environ["PATH"], **PRODUCTION_ENVIRONMENT, "SECRET_KEY": ""}
    result = subprocess.run(
        [sys.executable, "-c", "import localdigital.wsgi"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_commands_that_need_no_secret_key_run_without_one():
    result = run_in_fresh_process({"DEBUG": "false"}, "makemigrations", "--check", "--dry-run")

    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_every_page_sends_the_security_headers(client):
    response = client.get("/declaration/")

    policy = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    # No nonce, which would make every page unique: the inline script goes by its hash.
    assert "'nonce-" not in policy
    assert "script-src 'self' 'sha256-" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"


def test_hsts_is_sent_over_https_when_not_in_debug(client):
    response = client.get("/", secure=True)

    assert (
        response.headers["Strict-Transport-Security"]
        == "max-age=63072000; includeSubDomains; preload"
    )


def test_health_check_answers_when_the_database_does(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_health_check_answers_503_when_the_database_does_not():
    # A database that cannot be opened: a real connection failure, no mock.
    script = (
        "import django; django.setup(); from django.test import Client; "
        "r = Client().get('/healthz'); print(r.status_code, r.content.decode().strip())"
    )
    env = {key: value for key, value in os.environ.items()}
    env.update(
        {
            "DATABASE_URL": "sqlite:////nonexistent-folder/for-this-test/db.sqlite3",
            "DJANGO_SETTINGS_MODULE": "localdigital.settings",
            "SECRET_KEY": "test",
            "ALLOWED_HOSTS": "testserver",
            "SECURE_SSL_REDIRECT": "false",
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.stdout.strip() == "503 database unavailable", result.stderr


def test_staff_account_can_be_created_without_prompts(monkeypatch, django_user_model):
    from django.core.management import call_command

    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "moderator")
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "moderator@communities.gov.uk")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-enough-password-42")
    call_command("createsuperuser", "--noinput")

    user = django_user_model.objects.get(username="moderator")
    assert user.is_staff and user.is_superuser
    assert user.check_password("a-long-enough-password-42")


def test_cache_can_be_shared_through_redis():
    # Rate limits must hold across servers, so production keeps them in Redis.
    script = (
        "import django; django.setup(); from django.core.cache import cache; "
        "cache.set('local-digital-test', 'shared', 5); print(cache.get('local-digital-test'))"
    )
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "localdigital.settings",
        "SECRET_KEY": "test",
        "CACHE_URL": "redis://127.0.0.1:6379/0",
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.stdout.strip() == "shared", result.stderr

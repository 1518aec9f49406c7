"""Safe defaults: no start without a secret key, HTTPS-only cookies and HSTS unless DEBUG,
X-Frame-Options DENY, a CSP, private caching of signed-in pages, and a 429 lockout."""

import os
import subprocess
import sys

import pytest
from django.urls import reverse

from tests.factories import UserFactory

# The production environment documented in docs/operations.md.
PRODUCTION = {
    "SECRET_KEY": "k" * 20 + "production-like-secret-for-the-check-0123456789",
    "ALLOWED_HOSTS": "news.example",
    "SECURE_SSL_REDIRECT": "true",
    "HSTS_PRELOAD": "true",
    "EMAIL_URL": "smtp://mailer:secret@smtp.example:587/?tls=True",
}


def settings_in_a_new_process(expression: str, **environment: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    env.update(DJANGO_SETTINGS_MODULE="newsroom.settings", **environment)
    code = f"import django; django.setup(); from django.conf import settings; print(({expression}))"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )


def test_without_a_secret_key_the_site_refuses_to_start():
    refused = settings_in_a_new_process("settings.SECRET_KEY")

    assert refused.returncode != 0
    assert "Set SECRET_KEY" in refused.stderr
    debugging = settings_in_a_new_process("bool(settings.SECRET_KEY)", DEBUG="true")
    assert debugging.stdout.strip() == "True"


def test_https_only_cookies_and_hsts_are_on_unless_debug():
    expression = (
        "settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, "
        "settings.SECURE_HSTS_SECONDS, settings.X_FRAME_OPTIONS"
    )
    production = settings_in_a_new_process(expression, SECRET_KEY="x")
    debugging = settings_in_a_new_process(expression, DEBUG="true")
    overridden = settings_in_a_new_process(
        expression, SECRET_KEY="x", SECURE_COOKIES="false", HSTS_SECONDS="0"
    )

    assert production.stdout.strip() == "(True, True, 31536000, 'DENY')"
    assert debugging.stdout.strip() == "(False, False, 0, 'DENY')"
    assert overridden.stdout.strip() == "(False, False, 0, 'DENY')"


def test_check_deploy_is_clean_with_the_documented_production_settings():
    # The browser tests' conftest allows the ORM in Playwright's event loop for this process
    # only; a deployment never sets it.
    test_only = {"SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in test_only}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsroom.cli",
            "manage",
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        env={**env, **PRODUCTION},
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_pages_carry_a_csp_with_scripts_from_the_site_only_and_deny_framing(client, home):
    response = client.get(home.url)

    policy = response["Content-Security-Policy"]
    script_src = policy.split("script-src")[1].split(";")[0]
    # The site's own files, and a nonce only where a page renders an inline script.
    assert script_src.startswith(" 'self'")
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    assert response["X-Frame-Options"] == "DENY"
    assert '"allowScriptTags":false' in response.content.decode()


@pytest.mark.django_db
def test_signed_in_pages_are_private_to_shared_caches(client, home, page_cache):
    anonymous = client.get(home.url)
    client.force_login(UserFactory())
    signed_in = client.get(home.url)

    assert "private" not in anonymous.get("Cache-Control", "")
    assert "private" in signed_in["Cache-Control"]


@pytest.mark.django_db
def test_repeated_failed_sign_ins_are_locked_out_with_a_429(client):
    UserFactory(email="hana@newsroom.invalid")
    url = reverse("account_login")
    attempt = {"login": "hana@newsroom.invalid", "password": "wrong-password"}

    statuses = [client.post(url, attempt).status_code for _ in range(6)]

    assert statuses[:5] == [200] * 5
    assert statuses[5] == 429
    assert "Too many failed login attempts" in client.post(url, attempt).content.decode()


def test_a_sqlite_connection_writes_ahead_and_maps_the_file_into_memory(tmp_path):
    """The tests' own database lives in memory: a site's is a file, opened here anew."""
    pragmas = "; ".join(
        f"c.execute('PRAGMA {name}'), print(c.fetchone()[0])"
        for name in ("journal_mode", "synchronous", "mmap_size")
    )
    connect = "from django.db import connection; c = connection.cursor()"
    code = f"import django; django.setup(); {connect}; {pragmas}"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(DJANGO_SETTINGS_MODULE="newsroom.settings", NEWSROOM_VAR_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)

    # synchronous 1 is NORMAL
    assert result.stdout.split() == ["wal", "1", str(256 * 1024 * 1024)], result.stderr

"""Migrations, admin login, settings from the environment and production safety."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from cms import env

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_migrations_are_complete():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_admin_login_works(client):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "salasana-123")
    response = client.post("/admin/login/", {"username": "editor", "password": "salasana-123"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_admin_login_rejects_a_wrong_password(client):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "salasana-123")
    response = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def run_django(args, **environ):
    base = {
        key: value for key, value in os.environ.items() if key not in ("SECRET_KEY", "DATABASE_URL")
    }
    base.update(DJANGO_SETTINGS_MODULE="cms.settings.production", **environ)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_django(["check"])
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_passes_deploy_checks(tmp_path):
    result = run_django(
        ["check", "--deploy", "--fail-level", "WARNING"],
        SECRET_KEY="k" * 20 + "-production-secret-key-with-enough-entropy-1234567890",
        ALLOWED_HOSTS="tarjotin.example.fi",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        EMAIL_URL="smtp://mailer:secret@smtp.example.fi:587",
        SECURE_HSTS_PRELOAD="true",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_has_no_demo_content_command(tmp_path):
    result = run_django(
        ["load_demo"],
        SECRET_KEY="k" * 50,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode != 0 and "Unknown command: 'load_demo'" in result.stderr


def test_product_apps_do_not_import_the_demo():
    for app in ("cms", "home", "network", "materials", "search"):
        for module in (ROOT / app).rglob("*.py"):
            text = module.read_text(encoding="utf-8")
            assert "from demo" not in text and "import demo" not in text, module


def test_database_url_defaults_to_sqlite_in_data_folder(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = env.database_config()
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(config["NAME"]).parent == ROOT / "var"


def test_database_url_selects_postgres(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://user:pw@db.example:5433/tarjotin")
    config = env.database_config()
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.example", 5433, "tarjotin")


def test_email_url(monkeypatch):
    monkeypatch.delenv("EMAIL_URL", raising=False)
    assert env.email_config()["EMAIL_BACKEND"].endswith("console.EmailBackend")
    monkeypatch.setenv("EMAIL_URL", "smtp://mailer:s%40cret@smtp.example.fi:2525?tls=0")
    config = env.email_config()
    assert config["EMAIL_HOST"] == "smtp.example.fi"
    assert config["EMAIL_PORT"] == 2525
    assert config["EMAIL_HOST_PASSWORD"] == "s@cret"
    assert config["EMAIL_USE_TLS"] is False


def test_bad_boolean_is_rejected(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        env.env_bool("DEBUG")

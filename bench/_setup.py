"""Shared start-up for the benchmark scripts when they are run as files
(``python bench/generate.py``): the repository root goes on ``sys.path`` and
``DJANGO_SETTINGS_MODULE`` defaults to the development settings."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SETTINGS = "cms.settings.dev"


def setup_django():
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    import django

    django.setup()

"""The apps stand on each other in layers (README, *What is where*): ``home/`` is the ground
floor, ``network/`` and ``materials/`` stand on it, ``referrals/`` and ``search/`` sit on top.
Nothing below names what is above, in code or in its templates: an upper app adds to a lower
page through ``home``'s hook points (``{% page_actions %}``)."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOWER = ["home", "network", "materials"]
UPPER = ("referrals", "search")
INCLUDED = re.compile(r"""{%\s*(?:include|extends)\s+["'](\w+)/""")


def imported_apps(path):
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module.split(".")[0]
        elif isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)


@pytest.mark.parametrize("app", LOWER)
def test_lower_apps_import_nothing_from_above(app):
    upward = {
        str(path.relative_to(ROOT)): app_name
        for path in (ROOT / app).rglob("*.py")
        for app_name in imported_apps(path)
        if app_name in UPPER
    }
    assert not upward


@pytest.mark.parametrize("app", LOWER)
def test_lower_templates_include_nothing_from_above(app):
    upward = {
        str(path.relative_to(ROOT)): folder
        for path in (ROOT / "templates" / app).rglob("*.html")
        for folder in INCLUDED.findall(path.read_text())
        if folder in UPPER
    }
    assert not upward

"""The public site's quick select renders what Django's own select renders."""

import pytest
from bs4 import BeautifulSoup
from django import forms

from home.widgets import QuickSelect

CHOICES = [
    ("", "All"),
    ("kemi", "Kemi"),
    ("a&b", 'Quotes " and <tags>'),
    ("Lappi", [("tornio", "Tornio"), ("simo", "Simo")]),
]


def parsed(html):
    """The select as (its attributes, [(group, value, label, selected)…])."""
    select = BeautifulSoup(html, "html.parser").select_one("select")
    options = [
        (
            option.parent.get("label") if option.parent.name == "optgroup" else None,
            option["value"],
            option.get_text(),
            option.has_attr("selected"),
        )
        for option in select.select("option")
    ]
    return select.attrs, options


@pytest.mark.parametrize("value", [None, "kemi", "a&b", "simo", "unknown"])
def test_quick_select_renders_what_the_stock_select_renders(value):
    attrs = {"id": "id_place", "aria-invalid": "true", "required": True}
    stock = forms.Select(choices=CHOICES).render("place", value, attrs)
    quick = QuickSelect(choices=CHOICES).render("place", value, attrs)
    assert parsed(quick) == parsed(stock)
    # one option chosen (the empty one for no value), none for a value not among them
    assert sum(selected for *_, selected in parsed(quick)[1]) == (value != "unknown")


def test_quick_select_escapes_labels_and_values():
    html = QuickSelect(choices=CHOICES).render("place", None)
    assert "<tags>" not in html
    assert 'value="a&amp;b"' in html

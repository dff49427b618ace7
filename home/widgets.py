"""Form widgets of the public site."""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A select with the stock widget's markup, its options rendered in Python in one pass:
    the stock widget renders a template for every option, and even its option dictionaries
    cost ~40 µs each, which for the tray's filters (309 municipalities, 47 languages and every
    organisation) took most of the page's time (see bench/README.md)."""

    def render(self, name, value, attrs=None, renderer=None):
        context = forms.Widget.get_context(self, name, value, attrs)["widget"]
        chosen = set(context["value"])  # format_value: the values as strings
        parts = []
        for option_value, label in self.choices:
            if isinstance(label, (list, tuple)):  # a group of options
                inner = "".join(self._option(v, text, chosen) for v, text in label)
                parts.append(
                    format_html(
                        '<optgroup label="{}">{}</optgroup>', option_value, mark_safe(inner)
                    )  # noqa: S308 - escaped by _option
                )
            else:
                parts.append(self._option(option_value, label, chosen))
        return format_html(
            '<select name="{}"{}>{}</select>',
            context["name"],
            flatatt(context["attrs"]),
            mark_safe("".join(parts)),  # noqa: S308 - every part is escaped by _option
        )

    @staticmethod
    def _option(value, label, chosen):
        value = "" if value is None else str(value)
        selected = " selected" if value in chosen else ""
        return f'<option value="{escape(value)}"{selected}>{escape(str(label))}</option>'

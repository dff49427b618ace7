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

    # Every option rendered beforehand, none selected (``options_html``): set by a form whose
    # choices are kept rendered between requests, it spares rendering them again.
    rendered_options = None

    def render(self, name, value, attrs=None, renderer=None):
        context = forms.Widget.get_context(self, name, value, attrs)["widget"]
        options = self.rendered_options
        if options is None:
            options = self.options_html(self.choices)
        for chosen in context["value"]:  # format_value: the values as strings
            unchosen = f'<option value="{escape(chosen)}">'
            if unchosen in options:  # the first option of the value, as the stock select
                options = options.replace(unchosen, f"{unchosen[:-1]} selected>", 1)
                break
        return format_html(
            '<select name="{}"{}>{}</select>',
            context["name"],
            flatatt(context["attrs"]),
            mark_safe(options),  # noqa: S308 - every part is escaped by _option
        )

    @classmethod
    def options_html(cls, choices):
        """The options of ``choices`` as HTML, none selected."""
        parts = []
        for option_value, label in choices:
            if isinstance(label, (list, tuple)):  # a group of options
                inner = "".join(cls._option(v, text) for v, text in label)
                parts.append(f'<optgroup label="{escape(str(option_value))}">{inner}</optgroup>')
            else:
                parts.append(cls._option(option_value, label))
        return "".join(parts)

    @staticmethod
    def _option(value, label):
        value = "" if value is None else str(value)
        return f'<option value="{escape(value)}">{escape(str(label))}</option>'

"""Form widgets of the public site and of the admin."""

import copy
import itertools
from html import escape
from operator import itemgetter

from django import forms
from django.forms.utils import flatatt
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _


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


class FilterableCheckboxes(forms.CheckboxSelectMultiple):
    """A long list of checkboxes for the admin (an activity's 309 municipalities, its 47
    languages): the chosen ones counted and listed above it, and, with scripts, a box that
    filters the list as one types. ``grouping`` (choices → ``[(group name, choices)]``) puts
    the options in a fieldset per group, each with a ``whole_group_label`` checkbox that
    ticks or clears the group at once. The checkboxes stay the inputs the form sends, as
    the stock widget's: saving and its errors do not depend on the script."""

    template_name = "home/admin/includes/filterable_checkboxes.html"
    chosen_text = _("Chosen: %(count)s")

    class Media:
        css = {"all": ["css/filterable_checkboxes.css"]}
        js = ["js/filterable_checkboxes.js"]

    def __init__(self, attrs=None, choices=(), *, grouping=None, whole_group_label=None):
        super().__init__(attrs, choices)
        self.grouping = grouping
        self.whole_group_label = whole_group_label

    def id_for_label(self, id_, index=None):
        if index is None and id_:
            # The field's label (Wagtail's heading of it) names the filter box, which then
            # reads "Municipalities, filter by name", and is otherwise no label at all.
            return f"{id_}-filter"
        return super().id_for_label(id_, index)

    def optgroups(self, name, value, attrs=None):
        if self.grouping is None:
            return super().optgroups(name, value, attrs)
        grouped = copy.copy(self)
        grouped.grouping = None
        grouped.choices = self.grouping(self.choices)
        return grouped.optgroups(name, value, attrs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        # One list of the options without a group (Django makes each its own group).
        widget["groups"] = [
            (group, [option for _name, options, _index in parts for option in options])
            for group, parts in itertools.groupby(widget["optgroups"], key=itemgetter(0))
        ]
        chosen = [
            option["label"]
            for _group, options in widget["groups"]
            for option in options
            if option["selected"]
        ]
        widget["chosen"] = chosen
        widget["chosen_text"] = self.chosen_text
        widget["chosen_count"] = self.chosen_text % {"count": len(chosen)}
        widget["whole_group_label"] = self.whole_group_label
        return context

    def render(self, name, value, attrs=None, renderer=None):
        # From the project's templates folder, which Django's form renderer does not search.
        return render_to_string(self.template_name, self.get_context(name, value, attrs))

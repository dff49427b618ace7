"""Forms of the network's public pages."""

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from home.rate_limits import over_limit
from network.models.comments import COMMENT_BODY_MAX_LENGTH, Comment

# At most this many comments from one address within the window.
COMMENT_RATE_LIMIT = 3
COMMENT_RATE_WINDOW = 10 * 60  # seconds


def _body_help():
    # filled in when shown, in the reader's language: formatting a lazy text at import would
    # fix it in the language active then
    return _(
        "At most %(limit)s characters. The text is shown as you typed it, without formatting."
    ) % {"limit": COMMENT_BODY_MAX_LENGTH}


class CommentForm(forms.ModelForm):
    """A reader's comment. ``website`` is a honeypot: people never see it, bots fill it in."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Comment
        fields = ["name", "email", "body"]
        labels = {"name": _("Name"), "email": _("Email (optional)"), "body": _("Comment")}
        help_texts = {
            "name": _("Shown with your comment."),
            "email": _(
                "Your email is never shown. The coordinators may use it to contact you about your "
                "comment."
            ),
            "body": lazy(_body_help, str)(),
        }
        error_messages = {
            "name": {
                "required": _("Enter your name."),
                "max_length": _(
                    "The name can be at most %(limit_value)d characters long (it is "
                    "%(show_value)d)."
                ),
            },
            "email": {
                "invalid": _(
                    "Enter an email address in the form name@example.fi, or leave it empty."
                )
            },
            "body": {
                "required": _("Write your comment."),
                "max_length": _(
                    "The comment can be at most %(limit_value)d characters long (it is "
                    "%(show_value)d). "
                    "Shorten it and send it again."
                ),
            },
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "body": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, client_address="", **kwargs):
        kwargs.setdefault("auto_id", "comment-%s")
        super().__init__(*args, **kwargs)
        self.client_address = client_address
        for name in ("name", "body"):
            # No maxlength attribute: browsers would silently cut a pasted text; the
            # server tells the commenter how long it may be and keeps what they wrote.
            self.fields[name].widget.attrs.pop("maxlength", None)

    @property
    def is_spam(self):
        return bool(self.is_bound and self.is_valid() and self.cleaned_data.get("website"))

    def clean(self):
        cleaned_data = super().clean()
        if not self.errors and self._rate_limit_exceeded():
            raise forms.ValidationError(
                _(
                    "You have sent several comments in a short time. Please wait ten minutes and "
                    "send again; "
                    "your text is kept below."
                ),
                code="rate_limited",
            )
        return cleaned_data

    def _rate_limit_exceeded(self):
        return over_limit(
            "network:comment", self.client_address, COMMENT_RATE_LIMIT, COMMENT_RATE_WINDOW
        )

    @property
    def is_rate_limited(self):
        return any(error.code == "rate_limited" for error in self.non_field_errors().as_data())

    def save_for(self, post):
        """Save the comment on ``post`` as pending, or silently drop it if it is spam."""
        if self.is_spam:
            return None
        comment = self.save(commit=False)
        comment.post = post
        comment.save()
        return comment

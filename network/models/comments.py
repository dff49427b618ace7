from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Case, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

COMMENT_BODY_MAX_LENGTH = 2000
COMMENT_NAME_MAX_LENGTH = 80


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class CommentQuerySet(models.QuerySet):
    def approved(self):
        """Comments a coordinator has approved, oldest first: the only ones ever shown."""
        return self.filter(status=CommentStatus.APPROVED).order_by("created_at", "pk")

    def order_by_pending_first(self):
        """For moderation: comments waiting for a decision first, then newest first."""
        return self.order_by(
            Case(When(status=CommentStatus.PENDING, then=Value(0)), default=Value(1)),
            "-created_at",
            "-pk",
        )


class Comment(models.Model):
    """A reader's comment on a blog post. It stays invisible until a coordinator approves it.

    Only what the commenter typed is stored: no IP address or other data about the
    request (rate limiting uses a salted hash in the cache, see ``network.forms``)."""

    post = models.ForeignKey(
        "network.BlogPage",
        verbose_name=_("blog post"),
        related_name="comments",
        on_delete=models.CASCADE,
    )
    name = models.CharField(_("name"), max_length=COMMENT_NAME_MAX_LENGTH)
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Only for the coordinators; never shown on the site.")
    )
    body = models.TextField(
        _("comment"),
        max_length=COMMENT_BODY_MAX_LENGTH,
        validators=[
            MaxLengthValidator(COMMENT_BODY_MAX_LENGTH)
        ],  # TextField's max_length alone is form-only
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CommentStatus.choices,
        default=CommentStatus.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-created_at", "-pk"]

    def record_moderation(self, user):
        """Note who decided on the comment and when; the caller sets ``status`` and saves."""
        self.moderated_at = timezone.now()
        self.moderated_by = user if user and user.is_authenticated else None

    def __str__(self):
        return f"{self.name}: {self.body[:60]}"

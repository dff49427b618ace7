"""Tag pages: everything published with one tag, across the blog, the materials bank and
the integration tray. They live on the top floor because they read every app."""

from django.http import Http404
from django.template.response import TemplateResponse
from taggit.models import Tag
from wagtail.models import Locale

from home.i18n import own_or_untranslated_q
from materials.models import MaterialPage
from network.models import ActivityPage, BlogPage, attach_organisations

TAGGED_TYPES = [MaterialPage, ActivityPage, BlogPage]
PER_TYPE = 50


def tag_page(request, slug):
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise Http404("No such tag")
    locale = Locale.get_active()
    sections = []
    for model in TAGGED_TYPES:
        pages = (
            model.objects.live()
            .public()
            .filter(own_or_untranslated_q(model, locale), tags=tag)
            .select_related("locale")
            .order_by("title", "pk")[:PER_TYPE]
        )
        pages = attach_organisations(pages)
        if pages:
            sections.append({"label": model._meta.verbose_name_plural, "pages": pages})
    return TemplateResponse(request, "search/tag.html", {"tag": tag, "sections": sections})

"""Material pages in the organisations' subtrees, and the materials bank that lists them."""

from contextlib import contextmanager
from contextvars import ContextVar

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, OuterRef, Prefetch, Subquery, Sum
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.api import APIField
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home import languages
from home.blocks import BodyBlock
from home.forms import TermsInPageLanguageForm
from home.models import AggregatingPage, Language, optional_image
from home.permissions import ReviewedPage
from home.text_filter import narrow_to_text, typed_text
from materials.facets import Facet, OrganisationFacet, apply_facets, chosen_count
from materials.models.documents import CustomDocument, DownloadCount
from materials.models.taxonomies import Audience, Topic
from materials.widgets import DocumentWithLanguageChooser
from network.models.organisations import InOrganisation, OrganisationPage, attach_organisations

# {document id: requires login} of the files checked for a batch being indexed.
_checked_files = ContextVar("checked_files", default=None)

MATERIALS_PER_PAGE = 20
SORTS = {
    "newest": ["-year", "-first_published_at", "pk"],
    "title": ["title", "pk"],
    "downloads": [F("downloads").desc(nulls_last=True), "title", "pk"],
}


class MaterialType(models.TextChoices):
    GUIDE = "guide", _("Guide")
    TRAINING = "training", _("Training material")
    BOOKLET = "booklet", _("Booklet")
    ACTIVITY_MODEL = "activity-model", _("Activity model with facilitator guide")
    REPORT = "report", _("Report")
    PRESENTATION = "presentation", _("Presentation")
    VIDEO = "video", _("Video")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "cc-by-nc-4.0", "CC BY-NC 4.0"
    CC_BY_NC_SA = "cc-by-nc-sa-4.0", "CC BY-NC-SA 4.0"
    CC_BY_ND = "cc-by-nd-4.0", "CC BY-ND 4.0"
    CC_BY_NC_ND = "cc-by-nc-nd-4.0", "CC BY-NC-ND 4.0"
    CC0 = "cc0-1.0", "CC0 1.0"
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
    Licence.CC_BY_NC_SA: "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    Licence.CC_BY_ND: "https://creativecommons.org/licenses/by-nd/4.0/",
    Licence.CC_BY_NC_ND: "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


class MaterialPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "materials.MaterialPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class MaterialPage(InOrganisation, ReviewedPage):
    """A material published by a member organisation: its description and its files,
    each file in its own language."""

    intro = models.TextField(_("summary"), max_length=800)
    image = optional_image(_("image"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    material_type = models.CharField(_("type"), max_length=20, choices=MaterialType.choices)
    topics = ParentalManyToManyField("materials.Topic", verbose_name=_("topics"), blank=True)
    audiences = ParentalManyToManyField(
        "materials.Audience", verbose_name=_("audiences"), blank=True
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    licence = models.CharField(
        _("licence"), max_length=30, choices=Licence.choices, default=Licence.ALL_RIGHTS_RESERVED
    )
    tags = ClusterTaggableManager(through=MaterialPageTag, blank=True, verbose_name=_("tags"))
    members_only = models.BooleanField(
        _("files for network members only"),
        default=False,
        help_text=_(
            "Everyone sees the description; only logged-in members can download the files."
        ),
    )

    base_form_class = TermsInPageLanguageForm

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("material_type"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            _("Classification"),
        ),
        MultiFieldPanel(
            [FieldPanel("year"), FieldPanel("licence"), FieldPanel("members_only")],
            _("Publication"),
        ),
        # Choose several files at once, or upload several into the chooser in one go.
        MultipleChooserPanel(
            "files", chooser_field_name="document", heading=_("Files"), label=_("File"), min_num=1
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.SearchField("public_file_text"),
        index.FilterField("material_type"),
        index.FilterField("year"),
        index.FilterField("members_only"),
    ]

    def public_file_text(self):
        """Titles, languages, formats and text of the files anyone may download, searched
        with the material so that a word inside a booklet finds it."""
        return "\n".join(text for _code, text in self.public_file_texts())

    def public_file_texts(self):
        """``(language code or None, text)`` of each file anyone may download. Files behind
        a login (``CustomDocument.private_ids``) are left out, so that search reveals nothing
        of them. Within ``prepare_search_texts`` the files of many materials have been
        checked at once; a file no one has checked is checked here."""
        if self.members_only:
            return []
        files = list(self.files.all())
        ids = [item.document_id for item in files]
        checked = _checked_files.get()
        if checked is not None and all(pk in checked for pk in ids):
            private = {pk for pk in ids if checked[pk]}
        else:
            private = CustomDocument.private_ids(ids)
        texts = []
        for item in files:
            document = item.document
            if document.pk in private:
                continue
            language = document.language
            names = f"{language.native_name} {language.finnish_name}" if language else ""
            texts.append(
                (
                    language and language.code,
                    f"{document.title} {item.label} {names} "
                    f"{document.file_extension}\n{document.extracted_text}",
                )
            )
        return texts

    @classmethod
    @contextmanager
    def prepare_search_texts(cls, pages):
        """While the search texts of many materials are computed (indexing, result
        snippets): their files are checked for login at once, where each material would
        check its own (four queries each)."""
        ids = [item.document_id for page in pages for item in page.files.all()]
        private = CustomDocument.private_ids(ids) if ids else set()
        token = _checked_files.set({pk: pk in private for pk in ids})
        try:
            yield
        finally:
            _checked_files.reset(token)

    @classmethod
    def get_indexed_objects(cls):
        # Files with their documents in one join: prefetching the documents instead makes
        # Django 5.2 write "id = 1 OR id = 2 …" on SQLite, too deep for a 1,000-page batch.
        files = MaterialFile.objects.select_related("document__language")
        return super().get_indexed_objects().prefetch_related(Prefetch("files", queryset=files))

    api_fields = [
        APIField("intro"),
        APIField("image"),
        APIField("body"),
        APIField("material_type"),
        APIField("topics"),
        APIField("audiences"),
        APIField("year"),
        APIField("licence"),
        APIField("tags"),
    ]

    parent_page_types = ["network.OrganisationPage"]
    # the shortcut on its organisation's editors' dashboard (network.dashboard)
    add_label = _("New material")
    # views counted by the page's beacon (home.views.count_page_view) for the Downloads report
    counts_views = True
    subpage_types = []

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["files"] = mark_private_files(self.files.select_related("document__language"))
        context["topic_names"] = Topic.localized_names(self.topics.all())
        context["audience_names"] = Audience.localized_names(self.audiences.all())
        context["bank"] = MaterialIndexPage.objects.live().filter(locale_id=self.locale_id).first()
        return context


class MaterialFile(Orderable):
    """One file of a material; the file's own language comes from the document."""

    material = ParentalKey(MaterialPage, related_name="files", on_delete=models.CASCADE)
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("file"),
        on_delete=models.PROTECT,
        related_name="material_files",
    )
    label = models.CharField(
        pgettext_lazy("file", "label"),
        max_length=120,
        blank=True,
        help_text=_("Optional, e.g. 'Facilitator guide'."),
    )

    panels = [FieldPanel("document", widget=DocumentWithLanguageChooser), FieldPanel("label")]

    class Meta(Orderable.Meta):
        # The id breaks a tie, so that every database lists the files alike.
        ordering = ["sort_order", "pk"]

    def save(self, *args, **kwargs):
        """A file added in code (demo content, imports) goes after the material's others;
        the admin's formset numbers the files itself."""
        if self.sort_order is None:
            last = MaterialFile.objects.filter(material_id=self.material_id).aggregate(
                last=models.Max("sort_order")
            )["last"]
            self.sort_order = 0 if last is None else last + 1
        super().save(*args, **kwargs)


def mark_private_files(files):
    """``files`` (material files) as a list, each with ``locked`` set when its document
    is private (``CustomDocument.private_ids``): its button says that it needs login."""
    files = list(files)
    private = CustomDocument.private_ids([item.document_id for item in files]) if files else set()
    for item in files:
        item.locked = item.document_id in private
    return files


def downloads_of_material():
    """All downloads of a material's files, as a subquery (no double counting from joins)."""
    return Subquery(
        DownloadCount.objects.filter(document__material_files__material=OuterRef("pk"))
        .order_by()
        .values("document__material_files__material")
        .annotate(total=Sum("count"))
        .values("total")[:1]
    )


class MaterialIndexPage(AggregatingPage):
    """The materials bank: every organisation's materials with combinable facets."""

    way_in_icon = "material"
    card_template = "materials/includes/card/material.html"
    showcase_on_home = 3
    showcase_heading = _("Newest materials")

    class Meta:
        verbose_name = _("materials bank")

    def materials(self):
        return self.aggregate(MaterialPage)

    def showcase_entries(self):
        return self.materials().order_by(*SORTS["newest"])

    def prepare_cards(self, entries):
        """The materials with their files (each with its language) and organisation, the
        files behind a login marked: what a material's card shows."""
        materials = attach_organisations(
            entries.select_related("locale").prefetch_related(
                Prefetch(
                    "files", queryset=MaterialFile.objects.select_related("document__language")
                )
            )
        )
        mark_private_files(item for material in materials for item in material.files.all())
        return materials

    def facets(self):
        def names(model):
            return lambda values: {
                term.slug: term.name for term in model.for_locale() if term.slug in values
            }

        return [
            Facet("type", _("Type"), "material_type", lambda values: dict(MaterialType.choices)),
            Facet("topic", _("Topic"), "topics__slug", names(Topic)),
            Facet("audience", _("Audience"), "audiences__slug", names(Audience)),
            Facet(
                "language",
                _("Language of the file"),
                "files__document__language__code",
                lambda values: {
                    code: languages.name_html(code, own)
                    for code, own in Language.objects.filter(code__in=values).values_list(
                        "code", "native_name"
                    )
                },
            ),
            OrganisationFacet(
                "organisation", _("Organisation"), OrganisationPage.objects.live().public()
            ),
            Facet(
                "tag",
                _("Tag"),
                "tags__slug",
                lambda values: dict(
                    Tag.objects.filter(slug__in=values).values_list("slug", "name")
                ),
            ),
            Facet("year", _("Year"), "year", numeric=True, newest_first=True),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        materials = self.materials()
        text = typed_text(request.GET.get("q"))
        # The site's search backend (Finnish-aware, files' text included): the best matches.
        materials, text_failed = narrow_to_text(
            materials, MaterialPage.objects.live().public(), text
        )
        materials, panels = apply_facets(materials, self.facets(), request.GET)
        sort = request.GET.get("sort", "newest")
        if sort == "downloads":
            materials = materials.annotate(downloads=downloads_of_material())
        materials = materials.order_by(*SORTS.get(sort, SORTS["newest"]))
        page_obj = Paginator(materials, MATERIALS_PER_PAGE).get_page(request.GET.get("page"))
        page_obj.object_list = self.prepare_cards(page_obj.object_list)
        context.update(
            materials=page_obj,
            facets=panels,
            chosen_filters=chosen_count(panels) + bool(text),
            search_text=text,
            text_failed=text_failed,
            sort=sort if sort in SORTS else "newest",
        )
        return context

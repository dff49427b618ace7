"""A sitemap of every language: Wagtail's own covers only the site root's language, and
names no translations. Each page here carries its translations as hreflang alternates, so
that a search engine shows a visitor the version in their language."""

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalizedSitemap(Sitemap):
    def public_pages(self):
        """The live public pages under the site's root in any language."""
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        under_a_root = Q(pk__in=[])
        for root in roots:
            under_a_root |= Q(path__startswith=root.path)
        return Page.objects.filter(under_a_root).live().public()

    def items(self):
        return self.public_pages().order_by("path").defer_streamfields().specific()

    def alternates(self, pages):
        """``{translation_key: [{lang_code, location}]}`` of the pages with more than one
        public translation (aliases carry another language's content, so they are none), with
        ``x-default`` for the default language's version, as each page's head names them."""
        keys = {page.translation_key for page in pages if not page.alias_of_id}
        versions = {}
        translations = (
            self.public_pages()
            .filter(translation_key__in=keys, alias_of__isnull=True)
            .select_related("locale")
            .defer_streamfields()
            .specific()
        )
        for page in translations:
            versions.setdefault(page.translation_key, {})[page.locale.language_code] = page
        alternates = {}
        for key, by_code in versions.items():
            if len(by_code) < 2:
                continue
            links = [
                {"lang_code": code, "location": page.get_full_url(self.request)}
                for code, page in sorted(by_code.items())
            ]
            default = by_code.get(settings.LANGUAGE_CODE)
            if default is not None:
                links.append(
                    {"lang_code": "x-default", "location": default.get_full_url(self.request)}
                )
            alternates[key] = links
        return alternates

    def _urls(self, page, protocol, domain):
        """Wagtail's, with each page's translations (one query for the sitemap's page)."""
        pages = list(self.paginator.page(page).object_list)
        alternates = self.alternates(pages)
        urls, last_mods = [], set()
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                if not item.alias_of_id:
                    url_info["alternates"] = alternates.get(item.translation_key, [])
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

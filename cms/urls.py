from pathlib import Path

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import health
from home import views as home_views
from home.sitemaps import LocalizedSitemap
from materials import views as materials_views
from network.explorer import choose_page, explore_root
from search import views as search_views
from search.tags import tag_page

urlpatterns = [
    # Wagtail's page explorer and chooser, opening at the editor's organisation (before
    # Wagtail's own).
    path("admin/pages/", explore_root),
    path("admin/choose-page/", choose_page),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's address of a file, leading on from a name the file had before it was replaced
    # (Wagtail's name, which materials.wagtail_hooks looks for).
    path(
        "documents/<int:document_id>/<str:document_filename>",
        materials_views.wagtail_serve,
        name="wagtaildocs_serve",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("files/", include("materials.urls")),
    # Open data, the same address in every language (the language is a parameter).
    path("api/hsds/", include("network.hsds.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalizedSitemap}}, name="sitemap"),
    path("count/<int:page_id>/", home_views.count_page_view, name="count_page_view"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]

if settings.DJANGO_ADMIN:
    urlpatterns.insert(0, path("django-admin/", admin.site.urls))

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    # Only images are public media; documents and previews go through views that
    # check members-only access and count downloads (the same rule as production).
    for folder in ("images", "original_images"):
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/", document_root=Path(settings.MEDIA_ROOT) / folder
        )

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/autocomplete/", search_views.autocomplete, name="search_autocomplete"),
    path("tags/<str:slug>/", tag_page, name="tag"),
    path("", include("referrals.urls")),
    path("manifest.webmanifest", home_views.web_manifest, name="web_manifest"),
    path(
        "unavailable/<int:page_id>/",
        home_views.translation_unavailable,
        name="translation_unavailable",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"

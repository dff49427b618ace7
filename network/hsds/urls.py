from django.urls import path

from network.hsds import views

app_name = "hsds"
urlpatterns = [
    path("", views.root, name="root"),
    path("services", views.services, name="services"),
    path("services/<str:id>", views.service, name="service"),
    path("organizations", views.organizations, name="organizations"),
    path("organizations/<str:id>", views.organization, name="organization"),
    path("service_at_locations", views.service_at_locations, name="service_at_locations"),
    path("taxonomies", views.taxonomies, name="taxonomies"),
    path("taxonomy_terms", views.taxonomy_terms, name="taxonomy_terms"),
]

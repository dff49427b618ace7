from django.urls import path

from materials import views

app_name = "materials"

urlpatterns = [
    path("<int:document_id>/preview/", views.preview, name="preview"),
    path("<int:document_id>/versions/<int:version_id>/", views.old_version, name="old_version"),
    path("<int:document_id>/<str:filename>", views.download, name="download"),
]

"""Under the language prefix: ``/fi/lista/`` is a professional's list, and
``/ar/lista/2s-2t/`` the list ``2s-2t`` shared with a client reading Arabic."""

from django.urls import path

from referrals import views

urlpatterns = [
    path("lista/", views.working_list, name="referral_list"),
    path("lista/lisaa/", views.add, name="referral_add"),
    path("lista/poista/", views.remove, name="referral_remove"),
    path("lista/<slug:code>/", views.shared, name="referral_shared"),
    path("lista/<slug:code>/pdf/", views.shared_pdf, name="referral_pdf"),
    path("lista/<slug:code>/palauta/", views.restore, name="referral_restore"),
]

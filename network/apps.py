from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network")

    def ready(self):
        from network.roles import ensure_coordinators_and_workflow

        post_migrate.connect(ensure_coordinators_and_workflow, sender=self)

from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network")

    def ready(self):
        from wagtail.signals import page_published

        from home import change_count
        from home.models import Language
        from network import freshness, shared_facts
        from network.models import IntegrationStage, Municipality, Region, TargetGroup
        from network.roles import (
            ensure_coordinators_and_workflow,
            ensure_translators,
            new_locale_home,
        )

        post_migrate.connect(ensure_coordinators_and_workflow, sender=self)
        post_migrate.connect(ensure_translators, sender=self)
        post_save.connect(new_locale_home)
        page_published.connect(freshness.published, dispatch_uid="network_activity_checked")
        page_published.connect(shared_facts.published, dispatch_uid="network_shared_facts")
        # the tray's filters are kept rendered under the number of changes (network.filters)
        for model in (Municipality, Region, Language, IntegrationStage, TargetGroup):
            change_count.count_changes_of(model)

"""The admin API's document and image endpoints (``/admin/api/main/documents/``,
``…/images/``) list only what the user may choose in the admin's choosers, so that an
organisation's editor never reads another organisation's files through them."""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry


class ChoosableOnlyMixin:
    def get_queryset(self):
        policy = policy_registry.get_by_type(self.model)
        choosable = policy.instances_user_has_any_permission_for(self.request.user, ["choose"])
        return super().get_queryset().filter(pk__in=choosable.values("pk"))


class ChoosableDocumentsAPIViewSet(ChoosableOnlyMixin, DocumentsAdminAPIViewSet):
    pass


class ChoosableImagesAPIViewSet(ChoosableOnlyMixin, ImagesAdminAPIViewSet):
    pass

"""The admin views of translatable snippets (taxonomies, footer texts), which ask their
permission policy (``home.permissions.TranslatedSnippetPermissionPolicy``) about each
snippet, not only about its type as Wagtail's generic views do: the listing links only the
snippets the user may change or delete, and the edit and delete views (and reverting, which
is an edit) refuse the others with the admin's usual message. Snippets of other languages
stay listed: a translator starts a translation from the source snippet."""

from django.core.exceptions import PermissionDenied
from wagtail.snippets.views import snippets


class IndexView(snippets.IndexView):
    def get_edit_url(self, instance):
        if self.user_has_permission_for_instance("change", instance):
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        if self.user_has_permission_for_instance("delete", instance):
            return super().get_delete_url(instance)
        return None


class InstanceCheckedMixin:
    """Refuse a snippet the policy does not allow ``permission_required`` on."""

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.user_has_permission_for_instance(self.permission_required, instance):
            raise PermissionDenied
        return instance


class EditView(InstanceCheckedMixin, snippets.EditView):
    pass


class DeleteView(InstanceCheckedMixin, snippets.DeleteView):
    pass


class TranslatedSnippetViewSet(snippets.SnippetViewSet):
    index_view_class = IndexView
    edit_view_class = EditView
    delete_view_class = DeleteView

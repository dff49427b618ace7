"""The admin views of translatable snippets (taxonomies, footer texts), which ask their
permission policy (``home.permissions.TranslatedSnippetPermissionPolicy``) about each
snippet, not only about its type as Wagtail's generic views do: the listing links only the
snippets the user may change or delete, and the edit and delete views (and reverting, which
is an edit) refuse the others as the admin refuses, in the user's language. Snippets of
other languages stay listed: a translator starts a translation from the source snippet."""

from wagtail.admin.auth import permission_denied
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
    """Refuse a snippet the policy does not allow ``permission_required`` on. Wagtail's
    refusal (``permission_denied``), given here rather than raised: Wagtail words a raised
    refusal after leaving the user's language."""

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission_for_instance(self.permission_required, self.object):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class EditView(InstanceCheckedMixin, snippets.EditView):
    pass


class DeleteView(InstanceCheckedMixin, snippets.DeleteView):
    pass


class TranslatedSnippetViewSet(snippets.SnippetViewSet):
    index_view_class = IndexView
    edit_view_class = EditView
    delete_view_class = DeleteView

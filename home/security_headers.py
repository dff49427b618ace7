"""Content-Security-Policy of the site and of the admin (django-csp).

The public site runs no inline script or style: its policy (``CONTENT_SECURITY_POLICY`` in
the settings) allows scripts and styles from the site itself only. Wagtail's and
wagtail-localize's editor templates still carry inline scripts (inline panels, date pickers,
the translation editor) and style attributes, so the admin's pages get those sources too;
everything else stays as strict as on the site (avatars are the site's own: no Gravatar)."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_DIRECTIVES = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
}
# Inline files (a document's preview image) are shown as they are: nothing in them may run.
SANDBOXED = "default-src 'none'; sandbox"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's sources added on the admin's pages."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIXES):
            parts.update = {**ADMIN_DIRECTIVES, **(parts.update or {})}
        return parts


def sandbox(response):
    """Serve ``response`` (a file shown inline) with a policy that lets nothing in it run."""
    response["Content-Security-Policy"] = SANDBOXED
    return response

"""The referral list: a professional adds tray activities and materials (kept as ids in a
cookie, nothing else), picks the client's language, and hands the client a share link, a QR
code, a printable page or a PDF. The client's page and its PDF are addressed by the share
link alone: ``/<client's language>/lista/<ids>/``."""

import hashlib
import re
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from home import change_count
from home.addresses import absolute, root_url
from home.rate_limits import client_address, over_limit
from referrals import codes
from referrals.items import addable, resolve
from referrals.qr import qr_svg

# Rendering a PDF takes a second of a worker: at most this many per address within the window
# (lists already rendered come from the cache and count nothing).
PDF_RATE_LIMIT = 30
PDF_RATE_WINDOW = 10 * 60  # seconds
PDF_CACHE_SECONDS = 24 * 60 * 60


def content_languages():
    """The site's content languages as ``{code, name, dir}``, named in themselves."""
    return [
        {"code": code, "name": name, "dir": "rtl" if code in settings.LANGUAGES_BIDI else "ltr"}
        for code, name in settings.LANGUAGES
    ]


def client_language(request):
    """The language chosen for the client (``?lang=``), if the site has it, else the
    language of the address."""
    code = request.GET.get("lang", "")
    known = {code for code, _name in settings.LANGUAGES}
    return code if code in known else translation.get_language()


def share_path(ids, language):
    with translation.override(language):
        return reverse("referral_shared", args=[codes.encode(ids)])


def sent_from_this_site(request):
    """Whether the browser says the post comes from a page of this site: ``Sec-Fetch-Site``
    (when sent) must not name another site, and ``Origin``, else ``Referer``, must be this
    host. Browsers send ``Origin`` with every form post; a post with none of them is refused
    unless ``Sec-Fetch-Site`` says same-origin."""
    site = request.headers.get("Sec-Fetch-Site")
    if site not in (None, "same-origin", "none"):
        return False
    sender = request.headers.get("Origin") or request.headers.get("Referer")
    if sender:
        return urlsplit(sender).netloc == request.get_host()
    return site == "same-origin"


def same_origin(view):
    """Adding to the list and restoring a shared list are posted from pages that may be kept
    by a front cache, so their forms carry no CSRF token (it would be one visitor's). They
    only ever put public page ids in the visitor's own cookie; a post the browser does not
    say comes from this site (``sent_from_this_site``) is refused all the same."""

    @csrf_exempt
    def checked(request, *args, **kwargs):
        if not sent_from_this_site(request):
            return HttpResponseForbidden(_("This form can only be sent from this site."))
        return view(request, *args, **kwargs)

    return checked


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def count_message(count):
    return ngettext(
        "%(count)d item on the referral list.", "%(count)d items on the referral list.", count
    ) % {"count": count}


def page_id_of(request):
    """The page id posted, or None (digits only: ``isdigit`` also takes "²")."""
    value = request.POST.get("page", "")
    return int(value) if re.fullmatch(r"[0-9]{1,11}", value) else None


def titled(message, page, html):
    """``message`` (with ``%(title)s``) naming ``page``; in ``html`` with the title isolated
    and marked with its language, which may be another than the message's."""
    if not html:
        return message % {"title": page.title}
    code = page.locale.language_code
    direction = "rtl" if code in settings.LANGUAGES_BIDI else "ltr"
    title = format_html('<bdi lang="{}" dir="{}">{}</bdi>', code, direction, page.title)
    return mark_safe(conditional_escape(message) % {"title": title})  # noqa: S308 (escaped)


@require_POST
@same_origin
def add(request):
    """Add one page (a tray activity or a material) to the visitor's list."""
    ids = codes.from_request(request)
    page_id = page_id_of(request)
    page = addable(page_id) if page_id is not None else None
    status, html = 200, not wants_json(request)
    if page is None:
        text, status = _("This page cannot be added to a referral list."), 400
    elif page.pk in ids:
        text = titled(_("“%(title)s” is already on the referral list."), page, html)
    elif len(ids) >= codes.MAX_ITEMS:
        text, status = _("The referral list is full. Remove something first."), 400
    else:
        ids.append(page.pk)
        text = titled(_("“%(title)s” added to the referral list."), page, html)
    count = count_message(len(ids))
    if not html:
        response = JsonResponse({"count": len(ids), "message": f"{text} {count}"}, status=status)
    else:
        (messages.error if status != 200 else messages.success)(
            request, format_html("{} {}", text, count)
        )
        back = safe_next(request, "")
        response = redirect(
            reverse("referral_list") + (f"?{urlencode({'next': back})}" if back else "")
        )
    codes.store(response, ids, request)
    return response


@require_POST
def remove(request):
    """Remove one page from the visitor's list, or every page (``all``)."""
    ids = codes.from_request(request)
    if "all" in request.POST:
        ids = []
        messages.success(request, _("The referral list is now empty."))
    else:
        page_id = page_id_of(request)
        if page_id in ids:
            ids.remove(page_id)
            messages.success(request, _("Removed from the referral list."))
    target = reverse("referral_list")
    language = request.POST.get("lang", "")
    if language in {code for code, _name in settings.LANGUAGES}:
        target += f"?lang={language}"
    response = redirect(target)
    codes.store(response, ids, request)
    return response


@require_POST
@same_origin
def restore(request, code):
    """Make a shared list the visitor's own list again (to change it)."""
    ids = codes.decode(code)
    messages.success(request, _("The shared list is now your referral list."))
    response = redirect(reverse("referral_list") + f"?lang={translation.get_language()}")
    codes.store(response, ids, request)
    return response


@require_GET
def working_list(request):
    """The professional's list: the items in the client's language, what to hand over."""
    ids = codes.from_request(request)
    language = client_language(request)
    items = resolve(ids, language)
    listed_ids = [item.page.pk for item in items]
    context = {
        "items": items,
        "client_language": language,
        "languages": content_languages(),
        "next": safe_next(request, ""),
    }
    if items:
        path = share_path(listed_ids, language)
        share_url = absolute(path, request)
        context.update(
            share_path=path,
            share_url=share_url,
            pdf_path=path + "pdf/",
            qr=qr_svg(share_url),
        )
    response = TemplateResponse(request, "referrals/working_list.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


def _shared_context(request, code):
    language = translation.get_language()
    items = resolve(codes.decode(code), language)
    return {
        "items": items,
        "client_language": language,
        "client_direction": "rtl" if language in settings.LANGUAGES_BIDI else "ltr",
        "code": codes.encode([item.page.pk for item in items]),
    }


@require_GET
def shared(request, code):
    """The client's list (read-only, printable), in the language of the address."""
    return TemplateResponse(request, "referrals/shared_list.html", _shared_context(request, code))


def pdf_cache_key(request, context):
    """The PDF of these items in this language as last published (a published edit of any
    makes a new one), at the site's address (its footer links there). Facts a published
    source writes into its translations leave their ``last_published_at`` as it was, so the
    site's count of changes is part of the key too."""
    stamps = [
        f"{item.page.pk}@{item.page.last_published_at and item.page.last_published_at.timestamp()}"
        for item in context["items"]
    ]
    listed = ",".join(
        [
            context["client_language"],
            root_url(request=request),
            str(change_count.changes(request)),
            *stamps,
        ]
    )
    return "referrals:pdf:" + hashlib.sha256(listed.encode()).hexdigest()


@require_GET
def shared_pdf(request, code):
    """The client's list as a tagged PDF in the language of the address, rendered once per
    version of its items and at most ``PDF_RATE_LIMIT`` times a window per address."""
    context = _shared_context(request, code)
    key = pdf_cache_key(request, context)
    document = cache.get(key)
    if document is None:
        address = client_address(request)
        # a PDF is seconds of work: not rendered unlimited while the limit cannot be counted
        if over_limit(
            "referrals:pdf", address, PDF_RATE_LIMIT, PDF_RATE_WINDOW, refuse_when_out_of_reach=True
        ):
            return TemplateResponse(
                request, "referrals/pdf_rate_limited.html", {"code": context["code"]}, status=429
            )
        from referrals import pdf  # WeasyPrint loads with the first PDF, not with every URL

        html = render_to_string("referrals/pdf.html", context, request=request)
        document = pdf.render(html)
        cache.set(key, document, PDF_CACHE_SECONDS)
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="tarjotin-referral-list.pdf"'
    return response

"""Journey d: a reader's blog comment stays hidden until a coordinator approves it."""

import re
import uuid

from playwright.sync_api import expect


def test_comment_is_shown_only_after_a_coordinator_approves_it(page, log_in, people, orm):
    from network.models import BlogPage

    post = BlogPage.objects.live().filter(locale__language_code="fi").order_by("path").first()
    name = f"Lukija {uuid.uuid4().hex[:8]}"
    text = f"Kiitos kirjoituksesta, {name} kiittää ja kysyy lisää."

    page.goto(post.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(post.title)
    comments = page.locator("#comments")
    page.get_by_label("Nimi", exact=True).fill(name)
    page.get_by_label("Kommentti", exact=True).fill(text)
    page.get_by_role("button", name="Lähetä kommentti").click()

    page.wait_for_url(re.compile(r"\?comment=sent"))
    expect(comments.get_by_role("status")).to_contain_text("Kiitos kommentistasi!")
    expect(comments).not_to_contain_text(text)
    page.goto(post.url)
    expect(comments.get_by_role("heading", name="Kirjoita kommentti")).to_be_visible()
    expect(comments).not_to_contain_text(text)

    admin = log_in(people["coordinator"])
    admin.get_by_role("link", name=re.compile(r"^Kommentit")).click()
    row = admin.get_by_role("row").filter(has_text=name)
    expect(row).to_have_count(1)
    # the row's "more options" menu, named after the comment
    row.get_by_role("button", name=re.compile(re.escape(name))).click()
    admin.get_by_role("link", name="Hyväksy", exact=True).click()
    expect(admin.locator(".messages")).to_contain_text(f"”{name}”, hyväksyttiin")

    page.reload()
    approved = comments.locator(".comment").filter(has_text=name)
    expect(approved).to_have_count(1)
    expect(approved.locator(".comment__body")).to_have_text(text)

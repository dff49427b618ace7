from wagtail import hooks

from referrals.items import offers_adding


@hooks.register("page_actions")
def add_to_referral_list(context, page):
    """The "Add to referral list" button of the activities and materials a list may hold."""
    if not offers_adding(page):
        return ""
    button = context.template.engine.get_template("referrals/includes/add_button.html")
    with context.push(item=page):
        return button.render(context)

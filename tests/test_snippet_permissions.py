"""Who changes which language's translatable snippets (taxonomies, footer texts): the topic
listing links only the topics the user may change, a refused topic answers with the admin's
usual refusal in the user's language, and a permission held directly counts like a
coordinator's. The attacks on every path are in ``test_translator_permissions``."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import Locale, TranslatableMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models
from wagtail.users.models import UserProfile

from home.permissions import TRANSLATORS, TranslatedSnippetPermissionPolicy
from materials.models import Topic
from network.roles import add_translator, ensure_translators
from tests import factories as make

pytestmark = pytest.mark.django_db

REFUSED = {
    "fi": "Pahoittelut, mutta sinulla ei ole pääsyä tähän osioon.",
    "ar": "عذرًا، ليس لديك صلاحية للوصول إلى هذه المنطقة.",
}


@pytest.fixture
def topic():
    """One topic in Finnish (the source), Arabic and Somali: ``{language code: topic}``."""
    finnish = Topic.objects.get(slug="vanhemmuus", locale__language_code="fi")
    topics = {"fi": finnish}
    for code, name in (("ar", "الأبوة"), ("so", "Waalidnimo")):
        Topic.objects.filter(
            translation_key=finnish.translation_key, locale__language_code=code
        ).delete()
        translated = finnish.copy_for_translation(Locale.objects.get(language_code=code))
        translated.name = name
        translated.save()
        topics[code] = translated
    return topics


def somali_translator(admin_language):
    user = make.user(f"turjumaan-{admin_language}")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = admin_language
    profile.save()
    add_translator(user, "so")
    return user


def edit_url(topic):
    return reverse("wagtailsnippets_materials_topic:edit", args=[topic.pk])


def save(client, topic, name):
    """Post ``topic``'s edit form with a new name; the name in the database afterwards."""
    client.post(edit_url(topic), {"name": name, "slug": topic.slug, "sort_order": topic.sort_order})
    return Topic.objects.get(pk=topic.pk).name


@pytest.mark.parametrize("admin_language", ["fi", "ar"])
def test_the_topic_listing_links_a_somali_translator_to_somali_topics_only(
    client, topic, soup_of, admin_language
):
    client.force_login(somali_translator(admin_language))
    listing = reverse("wagtailsnippets_materials_topic:list")
    for code in ("fi", "ar", "so"):
        soup = soup_of(client.get(listing, {"locale": code}))
        links = {a["href"] for a in soup.select("a[href]")}
        assert topic[code].name in soup.select_one("table tbody").get_text()
        assert (edit_url(topic[code]) in links) == (code == "so")
    # and what the listing does not link is refused when asked for
    for code in ("fi", "ar"):
        refused = client.get(edit_url(topic[code]), follow=True)
        assert refused.redirect_chain[-1][0] == reverse("wagtailadmin_home")
        messages = [str(message).strip() for message in refused.context["messages"]]
        assert messages == [REFUSED[admin_language]]
    assert client.get(edit_url(topic["so"])).status_code == 200


def test_the_policy_lists_the_topics_a_translator_changes(topic):
    policy = policy_registry.get_by_type(Topic)
    user = somali_translator("fi")
    changed = policy.instances_user_has_permission_for(user, "change")
    assert set(changed.values_list("locale__language_code", flat=True)) == {"so"}
    assert not policy.instances_user_has_permission_for(user, "delete").exists()


def test_a_permission_given_directly_changes_topics_in_every_language(client, topic):
    """Not through a group: as a coordinator's, it is not narrowed to a language."""
    user = make.user("suoraan")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_topic"),
    )
    client.force_login(user)
    assert save(client, topic["fi"], "Vanhemmuus ja perhe") == "Vanhemmuus ja perhe"
    assert save(client, topic["ar"], "الأبوة والأسرة") == "الأبوة والأسرة"


def test_a_language_translator_given_the_permission_directly_changes_every_language(client, topic):
    user = somali_translator("fi")
    user.user_permissions.add(Permission.objects.get(codename="change_topic"))
    client.force_login(user)
    assert save(client, topic["ar"], "الأبوة والأسرة") == "الأبوة والأسرة"


def test_the_translators_of_every_language_change_every_translation_but_not_the_source(
    client, topic
):
    ensure_translators()
    client.force_login(make.user("kaantaja", TRANSLATORS))
    assert save(client, topic["ar"], "الأبوة والأسرة") == "الأبوة والأسرة"
    assert save(client, topic["so"], "Waalidnimada") == "Waalidnimada"
    assert save(client, topic["fi"], "Muutettu") == topic["fi"].name


def test_a_coordinator_changes_and_deletes_topics_in_every_language(client, topic):
    client.force_login(make.coordinator())
    assert save(client, topic["fi"], "Vanhemmuus ja perhe") == "Vanhemmuus ja perhe"
    assert save(client, topic["so"], "Waalidnimada") == "Waalidnimada"
    client.post(reverse("wagtailsnippets_materials_topic:delete", args=[topic["ar"].pk]))
    assert not Topic.objects.filter(pk=topic["ar"].pk).exists()


def test_every_translatable_snippet_type_narrows_translators_to_their_language():
    """Translators' groups hold "change" on every translatable snippet type
    (``network.roles``): a type registered without the policy would open every language to
    each language's translators."""
    translatable = [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]
    assert translatable
    for model in translatable:
        assert isinstance(
            model.snippet_viewset.permission_policy, TranslatedSnippetPermissionPolicy
        )

"""Demo content: reader comments on blog posts.

The first is the real reader comment published under the Laurea Showcase post in the
network's source texts (the source does not give the commenter's name, so it is shown as
"Blogin lukija"); the others show an approved and a pending comment on other posts."""

from django.utils import timezone

from demo.builder import demo_step
from network.models import BlogPage, Comment, CommentStatus

APPROVED, PENDING = CommentStatus.APPROVED, CommentStatus.PENDING

# post slug, name, body, status
COMMENTS = [
    (
        "jarjestot-ja-niiden-rooli",
        "Blogin lukija",
        "Moikka!\n"
        "On hyvä kuulla, että järjestöt ovat voineet osaltaan vastata tarpeeseen kotoutumiseen liittyen.\n"
        "Tärkeää olisi tosiaankin, että tieto eri järjestöistä ja palveluista olisi helposti ja kattavasti "
        "saatavilla myös ja etenkin valtion & kunnallisten palveluiden puolella, heti alkuvaiheessa! "
        "Kaikkien toimijoiden välisellä yhteistyöllä saavutetaan varmasti parhaat lopputulokset ja siinä "
        "lienee vielä runsaasti kehittämisen varaa mutta tekstistä välittyi todella tärkeää tietoa.\n"
        "Palveluiden ja tuen saatavuutta pitää kehittää, ja toivon mukaan oikeaan suuntaan ollaan menossa.\n"
        "Kiitos tärkeän aiheen nostamisesta!",
        APPROVED,
    ),
    (
        "pakolaisperheille-varhainen-tuki",
        "Perhetyöntekijä",
        "Kiitos kirjoituksesta! Varhaisen tuen tulokset ovat vakuuttavia. Olisi kiinnostavaa kuulla, "
        "miten työskentely on järjestetty silloin, kun perheen kanssa tarvitaan tulkkia.",
        APPROVED,
    ),
    (
        "meri-lapin-aitien-kotoutuminen",
        "Vapaaehtoinen",
        "Hieno hanke. Voiko Mikserin ryhmiin tulla mukaan vapaaehtoiseksi myös toiselta paikkakunnalta?",
        PENDING,
    ),
]


@demo_step(70)
def comments(builder):
    for slug, name, body, status in COMMENTS:
        post = BlogPage.objects.filter(slug=slug, locale__language_code="fi").first()
        if post is None:
            continue
        comment, created = Comment.objects.get_or_create(
            post=post,
            name=name,
            body=body,
            defaults={
                "status": status,
                "moderated_at": timezone.now() if status == APPROVED else None,
            },
        )
        if created:
            builder.created += 1
            builder.log(f"created comment by {name} on {slug}")

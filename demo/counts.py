"""Downloads and page views for the last months (``materials.DownloadCount``,
``home.PageViewCount``), so that the demo's *Reports → Downloads* has figures to show.
A day's number comes from a generator seeded with the day and the file (its collection, title
and language) or the page (its path), so a day gets the same count on every run; a day that
already has a count keeps it, so a second run adds only the days since the last."""

import random
from datetime import timedelta

from django.utils import timezone

from demo.builder import demo_step
from home.models import PageViewCount
from materials.models import MaterialPage
from materials.models.documents import CustomDocument, DownloadCount
from network.models import ActivityPage

DAYS = 183  # about six months, up to yesterday
DOWNLOADS_A_DAY = 1.5  # of a file, on average over the files
VIEWS_A_DAY = 6.0  # of a material or activity


def daily_counts(seed, mean, days):
    """``(day, count)`` for the days with a count: each item its own popularity, fewer at
    weekends, and most items nothing on some days."""
    popularity = mean * random.Random(seed).uniform(0.2, 1.8)
    for day in days:
        expected = popularity * (0.4 if day.weekday() >= 5 else 1.0)
        if count := int(random.Random(f"{seed}|{day}").expovariate(1 / expected)):
            yield day, count


@demo_step(99)
def record_counts(builder):
    today = timezone.localdate()
    days = [today - timedelta(days=n) for n in range(DAYS, 0, -1)]
    documents = CustomDocument.objects.filter(material_files__material__live=True).distinct()
    downloads = DownloadCount.objects.bulk_create(
        [
            DownloadCount(document=document, date=day, count=count)
            for document in documents.select_related("collection").order_by("pk")
            for day, count in daily_counts(
                f"{document.collection.name}|{document.title}|{document.language_id}",
                DOWNLOADS_A_DAY,
                days,
            )
        ],
        ignore_conflicts=True,
    )
    pages = [*MaterialPage.objects.live(), *ActivityPage.objects.live()]
    views = PageViewCount.objects.bulk_create(
        [
            PageViewCount(page=page, date=day, count=count)
            for page in pages
            for day, count in daily_counts(page.url_path, VIEWS_A_DAY, days)
        ],
        ignore_conflicts=True,
    )
    builder.log(f"Counts: {len(downloads)} daily download rows, {len(views)} daily view rows.")

"""Generated illustrations for the demo's materials and blog posts: geometric compositions
in the site's colours, different for each page and the same on every run (seeded by the
page's slug), saved as images with an alt text that says what they show."""

import io
import random

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from home.models import CustomImage

WIDTH, HEIGHT = 1600, 900
# static_src/css/tarjotin.css: primary, primary-dark, accent, focus, surface, and two tints
BLUES = ["#0b4f8a", "#083a66", "#5b8fc0"]
WARM = ["#b3261e", "#ffbf47", "#e9a4a0"]
LIGHT = ["#f3f5f8", "#dce6f1"]


def _circles(draw, rng):
    for _ in range(rng.randint(5, 9)):
        r = rng.randint(90, 380)
        x, y = rng.randint(0, WIDTH), rng.randint(0, HEIGHT)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice(BLUES + WARM))
    return "päällekkäisiä ympyröitä"


def _stripes(draw, rng):
    step = rng.choice([100, 140, 200])
    for number, x in enumerate(range(-HEIGHT, WIDTH, step)):
        colour = (BLUES + WARM)[(number + rng.randint(0, 1)) % 6]
        draw.polygon(
            [(x, HEIGHT), (x + step // 2, HEIGHT), (x + step // 2 + HEIGHT, 0), (x + HEIGHT, 0)],
            fill=colour,
        )
    return "vinoja raitoja"


def _tiles(draw, rng):
    size = rng.choice([150, 180, 225])
    for x in range(0, WIDTH, size):
        for y in range(0, HEIGHT, size):
            draw.rectangle((x, y, x + size, y + size), fill=rng.choice(LIGHT + BLUES[:1]))
            # a quarter circle from one corner of the tile, within the tile
            quarter = rng.randint(0, 3)
            cx, cy = x + size * (quarter in (1, 2)), y + size * (quarter >= 2)
            draw.pieslice(
                (cx - size, cy - size, cx + size, cy + size),
                90 * quarter,
                90 * quarter + 90,
                fill=rng.choice(BLUES + WARM),
            )
            draw.rectangle((x, y, x + size, y + size), outline=LIGHT[0], width=6)
    return "neljännesympyröistä koottu laattakuvio"


def _hills(draw, rng):
    draw.ellipse((WIDTH * 0.6, 90, WIDTH * 0.6 + 260, 350), fill=WARM[1])
    for number, colour in enumerate(BLUES[::-1]):
        base = 420 + number * 160
        points = [(x, base + rng.randint(-90, 90)) for x in range(-100, WIDTH + 200, 300)]
        draw.polygon([(0, HEIGHT), *points, (WIDTH, HEIGHT)], fill=colour)
    return "auringon alla sinisiä kukkuloita"


COMPOSITIONS = [_circles, _stripes, _tiles, _hills]


def illustration(seed):
    """The JPEG bytes of the composition for ``seed`` and the words for what it shows."""
    rng = random.Random(seed)
    image = Image.new("RGB", (WIDTH, HEIGHT), rng.choice(LIGHT))
    shows = rng.choice(COMPOSITIONS)(ImageDraw.Draw(image), rng)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue(), shows


def illustration_for(slug, title, collection=None):
    """The page's illustration, made once (found again by its title)."""
    image_title = f"{title} – kuvitus"
    image = CustomImage.objects.filter(title=image_title).first()
    if image is None:
        data, shows = illustration(slug)
        image = CustomImage(
            title=image_title, description=f"Geometrinen kuvitus sivuston väreissä: {shows}"
        )
        if collection is not None:
            image.collection = collection
        image.file.save(f"kuvitus-{slug}.jpg", ContentFile(data), save=False)
        image.width, image.height = WIDTH, HEIGHT
        image.save()
    return image

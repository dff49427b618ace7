"""Generated logos for the demo organisations: the initials in white on a coloured rounded
square, as SVG images with alt text (the real marks are the organisations' to upload)."""

from django.core.files.base import ContentFile
from django.utils.html import escape

from home.models import CustomImage

# Backgrounds on which white text passes WCAG AA (contrast at least 4.5:1, docs/design.md).
COLOURS = ["#1d5a87", "#8c3b14", "#2b6a2f", "#6a3d8f", "#9b1c31", "#00636b", "#5b4a14"]
SIZE = 120


def initials(name, short_name=""):
    """Up to three letters: the short name when there is one, else the words' first letters."""
    if short_name:
        return short_name[:3].upper()
    words = [word for word in name.replace("/", " ").split() if word[:1].isupper()]
    return "".join(word[0] for word in words[:2]).upper() or name[:2].upper()


def mark(letters, colour):
    size = 52 if len(letters) < 3 else 40
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" '
        f'viewBox="0 0 {SIZE} {SIZE}"><rect width="{SIZE}" height="{SIZE}" rx="24" '
        f'fill="{colour}"/><text x="50%" y="50%" dy=".35em" text-anchor="middle" '
        f'font-family="Arial, Helvetica, sans-serif" font-weight="700" font-size="{size}" '
        f'fill="#fff">{escape(letters)}</text></svg>\n'
    )


def logo_for(number, name, short_name, collection=None):
    """The organisation's generated logo image, made once (found again by its title)."""
    title = f"{name} – logo"
    image = CustomImage.objects.filter(title=title).first()
    if image is None:
        letters = initials(name, short_name)
        image = CustomImage(title=title, description=f"{name}, logo")
        if collection is not None:
            image.collection = collection
        svg = mark(letters, COLOURS[number % len(COLOURS)]).encode()
        image.file.save(f"logo-{letters.lower()}.svg", ContentFile(svg), save=False)
        image.width = image.height = SIZE  # Pillow, which measures images, does not read SVG
        image.save()
    return image

"""The site with its public images (``/media/images/``, ``/media/original_images/``; documents
and previews go through the site's views), for gunicorn when no web server in front serves the
media folder: ``scripts/production.sh`` (Varnish caches them) and the end-to-end and Lighthouse
tests. Without them every organisation logo would be a 404."""

from pathlib import Path

from django.conf import settings
from whitenoise import WhiteNoise

from cms.wsgi import application as site

# autorefresh: renditions are made while the site runs, after the server started
application = WhiteNoise(site, autorefresh=True)
for folder in ("images", "original_images"):
    application.add_files(
        Path(settings.MEDIA_ROOT) / folder, prefix=f"{settings.MEDIA_URL}{folder}/"
    )

"""The site as the end-to-end and Lighthouse tests serve it with gunicorn: ``cms.wsgi`` behind
what production's web server adds, the public images (``/media/images/``,
``/media/original_images/``; documents and previews go through the site's views). Without
them every organisation logo would be a 404 here that a real deployment does not have."""

from pathlib import Path

from django.conf import settings
from whitenoise import WhiteNoise

from cms.wsgi import application as site

# autorefresh: renditions are made while the tests run, after the server started
application = WhiteNoise(site, autorefresh=True)
for folder in ("images", "original_images"):
    application.add_files(
        Path(settings.MEDIA_ROOT) / folder, prefix=f"{settings.MEDIA_URL}{folder}/"
    )

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

# What is loaded by now (Django, Wagtail, the analysers' dictionaries) lives as long as the
# process. Freezing it keeps it out of the garbage collector's full passes, which would
# otherwise scan a few hundred thousand objects (about 90 ms on this machine class) every
# few searches that build large result sets.
gc.freeze()

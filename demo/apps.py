from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site built from the network's source texts (``manage.py load_demo``).
    Installed by the development and test settings only, never in production."""

    name = "demo"
    verbose_name = "Demo content"

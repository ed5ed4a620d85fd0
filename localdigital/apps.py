from django.apps import AppConfig


class LocalDigitalConfig(AppConfig):
    name = "localdigital"
    verbose_name = "Local Digital"

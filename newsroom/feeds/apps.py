from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "newsroom.feeds"
    label = "feeds"

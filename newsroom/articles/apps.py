from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "newsroom.articles"
    label = "articles"

    def ready(self) -> None:
        from newsroom.articles import signals

        signals.connect()

from django.apps import AppConfig


class DiscussionConfig(AppConfig):
    name = "newsroom.discussion"
    label = "discussion"

    def ready(self) -> None:
        from newsroom.discussion import signals

        signals.connect()

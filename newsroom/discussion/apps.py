from django.apps import AppConfig


class DiscussionConfig(AppConfig):
    name = "newsroom.discussion"
    label = "discussion"

    def ready(self) -> None:
        from django.core import checks

        from newsroom.discussion.checks import check_comment_sort_default

        checks.register(check_comment_sort_default)

from django.apps import AppConfig


class DiscussionConfig(AppConfig):
    name = "newsroom.discussion"
    label = "discussion"

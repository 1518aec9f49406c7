from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "newsroom.articles"
    label = "articles"

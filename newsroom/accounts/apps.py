from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "newsroom.accounts"
    label = "accounts"

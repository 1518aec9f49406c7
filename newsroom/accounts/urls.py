from django.urls import path

from newsroom.accounts import views

app_name = "accounts"
urlpatterns = [
    path("delete/", views.account_delete_view, name="account-delete"),
    path("settings/", views.account_settings, name="account-settings"),
]

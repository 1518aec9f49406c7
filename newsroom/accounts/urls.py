from django.urls import path

from newsroom.accounts import views

app_name = "accounts"
urlpatterns = [
    path("delete/", views.account_delete_view, name="account-delete"),
    path("settings/", views.account_settings, name="account-settings"),
    path("settings/name/", views.display_name_change, name="display-name-change"),
    path("settings/export/", views.data_export, name="data-export"),
]

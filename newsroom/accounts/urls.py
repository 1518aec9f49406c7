from django.urls import path

from newsroom.accounts import views

app_name = "accounts"
urlpatterns = [
    path("delete/", views.account_delete_view, name="account-delete"),
    path("settings/", views.account_settings, name="account-settings"),
    path(
        "notifications/unsubscribe/<str:token>/",
        views.notifications_unsubscribe,
        name="notifications-unsubscribe",
    ),
    path("<slug:slug>/", views.member_detail, name="member-detail"),
]

from django.urls import path

from newsroom.discussion import views

app_name = "discussion"
urlpatterns = [
    path("state/", views.reader_state, name="reader-state"),
    path("articles/<int:article_id>/comments/", views.comment_list, name="comment-list"),
    path("articles/<int:article_id>/comments/new/", views.comment_create, name="comment-create"),
    path("comments/<int:pk>/", views.comment_permalink, name="comment-permalink"),
    path("comments/<int:pk>/reply/", views.comment_reply, name="comment-reply"),
    path("comments/<int:pk>/edit/", views.comment_edit, name="comment-edit"),
    path("comments/<int:pk>/delete/", views.comment_delete, name="comment-delete"),
    path("comments/<int:pk>/vote/", views.comment_vote, name="comment-vote"),
    path("comments/<int:pk>/report/", views.comment_report, name="comment-report"),
]

# Mounted under /members/ (after the accounts app's own /members/ pages), namespace "members".
member_urlpatterns = [
    path("state/", views.reader_state, name="reader-state"),
    path(
        "notifications/unsubscribe/<str:token>/",
        views.notifications_unsubscribe,
        name="notifications-unsubscribe",
    ),
    path("<slug:slug>/", views.member_detail, name="member-detail"),
]

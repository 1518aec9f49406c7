from django.urls import path

from newsroom.moderation import views

app_name = "moderation"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("comments/<int:pk>/<slug:action>/", views.comment_action, name="comment-action"),
    path("bulk/", views.bulk_action, name="bulk-action"),
    path("readers/<int:pk>/sanction/", views.reader_sanction, name="reader-sanction"),
    path("notes/", views.notes, name="notes"),
    path("notes/<int:pk>/withdraw/", views.note_withdraw, name="note-withdraw"),
    path("log/", views.log, name="log"),
]

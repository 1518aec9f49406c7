from django.urls import path

from newsroom.articles import views

app_name = "articles"
urlpatterns = [path("tags/<str:slug>/", views.tag_detail, name="tag-detail")]

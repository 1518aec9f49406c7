from django.urls import path

from newsroom.listings import views

app_name = "listings"
urlpatterns = [
    path("", views.listing_index, name="listing-index"),
    path("<slug:provider>/<str:listing_id>/", views.listing_detail, name="listing-detail"),
]

from django.urls import path

from . import views

app_name = "staff_auth"
urlpatterns = [
    path("setup/", views.setup, name="setup"),
    path("verify/", views.verify, name="verify"),
]

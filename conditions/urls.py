from django.urls import path

from . import views

app_name = "conditions"

urlpatterns = [
    path("conditions/", views.ConditionListView.as_view(), name="list"),
    path("conditions/<slug:slug>/", views.ConditionDetailView.as_view(), name="detail"),
    path("treatments/", views.RouteListView.as_view(), name="route_list"),
    path("treatments/<slug:slug>/", views.RouteDetailView.as_view(), name="route_detail"),
    path("safety/", views.SafetyView.as_view(), name="safety"),
    path("safety/check/", views.safety_check, name="check"),
]

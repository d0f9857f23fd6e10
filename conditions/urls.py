app_name = "conditions"

urlpatterns = []

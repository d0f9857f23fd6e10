from django import forms
from django.contrib import admin
from django_ckeditor_5.widgets import CKEditor5Widget
from simple_history.admin import SimpleHistoryAdmin

from .admin_permissions import RoleAdminMixin
from .models import KeyFact, SiteProfile


class SiteProfileForm(forms.ModelForm):
    class Meta:
        model = SiteProfile
        fields = [
            "name", "tagline", "intro", "phone", "email", "booking_url", "opening_hours", "street_address",
            "locality", "region", "postal_code", "country", "crisis_line_name", "crisis_line",
            "crisis_chat_url", "emergency_number", "disclaimer",
        ]  # fmt: skip
        widgets = {"intro": CKEditor5Widget(config_name="default")}


@admin.register(SiteProfile)
class SiteProfileAdmin(RoleAdminMixin, SimpleHistoryAdmin):
    form = SiteProfileForm
    fieldsets = [
        (None, {"fields": ["name", "tagline", "intro"]}),
        ("Contact", {"fields": ["phone", "email", "booking_url", "opening_hours"]}),
        ("Address", {"fields": ["street_address", "locality", "region", "postal_code", "country"]}),
        (
            "Crisis help and safety",
            {
                "description": "Every page builds its crisis help from these fields: a change shows "
                "everywhere at once.",
                "fields": [
                    "crisis_line_name",
                    "crisis_line",
                    "crisis_chat_url",
                    "emergency_number",
                    "disclaimer",
                ],
            },
        ),
    ]

    def has_add_permission(self, request):
        return not SiteProfile.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(KeyFact)
class KeyFactAdmin(RoleAdminMixin, admin.ModelAdmin):
    list_display = ["figure", "text", "source_text", "is_listed", "order"]
    list_editable = ["is_listed", "order"]
    search_fields = ["figure", "text", "source_text"]

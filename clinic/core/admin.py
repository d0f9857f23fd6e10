from django import forms
from django.contrib import admin
from django_ckeditor_5.widgets import CKEditor5Widget

from .admin_permissions import RoleAdminMixin
from .models import KeyFact, Redirect, SiteProfile


class SiteProfileForm(forms.ModelForm):
    class Meta:
        model = SiteProfile
        fields = [
            "name", "tagline", "intro", "phone", "email", "booking_url", "opening_hours", "street_address",
            "locality", "region", "postal_code", "country", "crisis_line", "disclaimer",
        ]  # fmt: skip
        widgets = {"intro": CKEditor5Widget(config_name="default")}


@admin.register(SiteProfile)
class SiteProfileAdmin(RoleAdminMixin, admin.ModelAdmin):
    form = SiteProfileForm
    fieldsets = [
        (None, {"fields": ["name", "tagline", "intro"]}),
        ("Contact", {"fields": ["phone", "email", "booking_url", "opening_hours"]}),
        ("Address", {"fields": ["street_address", "locality", "region", "postal_code", "country"]}),
        ("Safety", {"fields": ["crisis_line", "disclaimer"]}),
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


@admin.register(Redirect)
class RedirectAdmin(RoleAdminMixin, admin.ModelAdmin):
    """Old addresses and where they lead: made automatically when a public page's address changes or the
    page is deleted; editors and clinic staff can add or correct one by hand."""

    list_display = ["old_path", "new_path", "created_at"]
    search_fields = ["old_path", "new_path"]
    readonly_fields = ["created_at"]

from django.apps import AppConfig
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_static.apps import DefaultConfig as StaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig


class StaffAuthConfig(AppConfig):
    default = True  # this module also holds the configs below, named one by one in INSTALLED_APPS
    name = "editorial.staff_auth"
    label = "staff_auth"
    verbose_name = gettext_lazy("Staff sign-in")

    def ready(self):
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_login_failed

        from . import lockout

        user_login_failed.connect(lockout.log_failed_sign_in, dispatch_uid="staff_auth_failed_sign_in")
        user_locked_out.connect(lockout.log_lockout, dispatch_uid="staff_auth_lockout")


class AuthenticatorAppsConfig(TOTPConfig):
    verbose_name = gettext_lazy(
        "Second factor: authenticator apps"
    )  # the admin's heading; "Otp_Totp" by default


class RecoveryCodesConfig(StaticConfig):
    verbose_name = gettext_lazy("Second factor: recovery codes")

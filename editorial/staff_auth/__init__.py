"""Staff sign-in: lockout after failed attempts (django-axes) and a second factor (django-otp).

Imports Django and third-party packages only, never one of the project's apps.
"""

"""Spanish formats the admin overrides (FORMAT_MODULE_PATH): a date or time is typed and shown year-month-day
on the 24-hour clock in every language, as the fields' help says (editorial/admin_fields.py), so a Spanish
admin never shows 07/12/2026 beside "e.g. 2026-12-07". Day-first dates are still accepted after ISO.
Everything else (display formats, separators) is Django's Spanish."""

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M:%S.%f",
    "%d/%m/%Y %H:%M",
]

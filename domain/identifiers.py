"""Checks for the identifiers a citation carries: a DOI and a PubMed ID, each in its one valid form."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DOI = re.compile(r"^10\.\d{4,9}/\S+$")
PMID = re.compile(r"^[1-9]\d{0,8}$")
DOI_PREFIXES = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)


def normalize_doi(value):
    """Return value without a https://doi.org/ or doi: prefix and surrounding space."""
    return DOI_PREFIXES.sub("", (value or "").strip())


def validate_doi(value):
    if value and not DOI.match(value):
        raise ValidationError(
            _(
                "“%(value)s” is not a DOI. A DOI starts with 10., a number and a slash, e.g. "
                "10.1001/jamapsychiatry.2018.3739 (leave out https://doi.org/)."
            ),
            code="invalid_doi",
            params={"value": value},
        )


def validate_pmid(value):
    if value and not PMID.match(value):
        raise ValidationError(
            _("“%(value)s” is not a PubMed ID. A PMID is a number of up to 9 digits, e.g. 30638011."),
            code="invalid_pmid",
            params={"value": value},
        )

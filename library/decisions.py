"""Deciding a proposal: accept the library's version, or keep the clinic's. Only a person decides.

Accepting writes the fields the library changed (all of them for an item it adds; for a withdrawal, the
item is hidden, never deleted), saves the item with "From clinical library version N" and the person in
its history, and moves the item's origin to that version. Keeping ours changes nothing on the site and
moves the origin too, so the same change is not proposed again. Both record who decided and when.
"""

import hashlib
import json

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from domain.translations import withdraw_translations

from .kinds import KINDS, MissingItem
from .models import Change, LibraryItem, LibraryProposal, Status
from .sync import history_reason

ACCEPT, KEEP = "accept", "keep"


class DecisionError(Exception):
    """A decision that can't be made as asked; the message says why and what to do."""


def origin_of(proposal):
    return LibraryItem.objects.filter(kind=proposal.kind, key=proposal.key).first()


def current_item(proposal, origin=None):
    """Return the site's item the proposal is about, or None (the library adds it)."""
    origin = origin or origin_of(proposal)
    return KINDS[proposal.kind].find(proposal.key, origin.object_id if origin else None)


def seen_token(proposal):
    """Return a token of the proposal and the item as they are now; the decision page sends it back.

    A decision whose token differs was made on a page that showed something else: refused.
    """
    item = current_item(proposal)
    values = KINDS[proposal.kind].snapshot(item) if item is not None else None
    state = [proposal.pk, proposal.status, proposal.library_version, values]
    return hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode()).hexdigest()[:40]


@transaction.atomic
def decide(proposal, decision, user, seen):
    """Accept or keep ours (decision), as user, who saw the page whose token is seen; return the proposal."""
    proposal = LibraryProposal.objects.select_for_update().get(pk=proposal.pk)
    if not proposal.is_open:
        raise DecisionError(already_decided(proposal))
    if decision not in (ACCEPT, KEEP):
        raise DecisionError("Choose “Accept the library's version” or “Keep ours”.")
    if seen != seen_token(proposal):
        raise DecisionError(
            f"“{proposal.name}” changed after this page was opened, so the comparison you saw is out of "
            "date. Nothing was done: the page now compares with the item as it is; decide again."
        )
    origin = origin_of(proposal)
    item = current_item(proposal, origin)
    if decision == ACCEPT:
        _accept(proposal, origin, item, user)
    else:
        _keep(proposal, origin, item)
    proposal.status = Status.ACCEPTED if decision == ACCEPT else Status.KEPT
    proposal.decided_by = user
    proposal.decided_at = timezone.now()
    proposal.save()
    return proposal


def already_decided(proposal):
    if proposal.status == Status.SUPERSEDED:
        return (
            f"This proposal was replaced by a newer library version's proposal for “{proposal.name}”; "
            "decide that one."
        )
    who = proposal.decided_by.get_username() if proposal.decided_by else "someone"
    when = date_format(timezone.localtime(proposal.decided_at), "j M Y, H:i") if proposal.decided_at else ""
    return (
        f"This proposal was already decided ({proposal.get_status_display().lower()}) by {who}"
        f"{' on ' + when if when else ''}. Nothing was changed."
    )


def _accept(proposal, origin, item, user):
    kind = KINDS[proposal.kind]
    reason = history_reason(proposal.library_version, f"{proposal.change}, accepted")
    if proposal.change == Change.WITHDRAWN:
        if item is not None and kind.listed and item.is_listed:
            kind.hide(item, reason=reason, user=user)
        if origin is not None:
            origin.delete()  # the item is the clinic's own from now on
        return
    fields = proposal.fields if item is not None else kind.names
    try:
        item = kind.write(proposal.key, item, proposal.values, fields, reason=reason, user=user)
    except MissingItem as missing:
        raise DecisionError(
            f"“{proposal.name}” can't be accepted yet: {missing}. Nothing was changed."
        ) from None
    if proposal.safety and hasattr(item, "translations"):
        # A translation says what the item said before the correction: off the public site until someone
        # reviews it against the corrected original (domain/translations.py).
        withdraw_translations(
            item, f"Safety correction from the clinical library, version {proposal.library_version}"
        )
    _move_origin(proposal, item)


def _keep(proposal, origin, item):
    if proposal.change == Change.WITHDRAWN:
        if origin is not None:
            origin.delete()
        return
    _move_origin(proposal, item)


def _move_origin(proposal, item):
    LibraryItem.objects.update_or_create(
        kind=proposal.kind,
        key=proposal.key,
        defaults={
            "values": proposal.values,
            "version": proposal.library_version,
            "object_id": item.pk if item is not None else None,
        },
    )

"""A proposal as a person reads it: each field the library changes, what the site shows now beside what the
library proposes, changed words marked (editorial/version_diff.py), and which of them are the clinic's own
edits that accepting would replace."""

from dataclasses import dataclass

from editorial.version_diff import EMPTY, FieldComparison, compare_texts, display_value

from .kinds import KINDS
from .models import Change


@dataclass
class ProposalRow:
    comparison: FieldComparison
    clinic_edit: bool  # the site's value is the clinic's own, not the library's: accepting replaces it


@dataclass
class ProposalDiff:
    rows: list[ProposalRow]
    kept_edits: list[str]  # labels of the clinic's own edits the proposal leaves alone either way


def proposal_diff(proposal, item, origin):
    """Return the ProposalDiff of proposal against item (the site's, or None) and its origin (or None)."""
    kind = KINDS[proposal.kind]
    now = kind.snapshot(item) if item is not None else None
    base = origin.values if origin is not None else None

    def edited(name):
        return now is not None and base is not None and now.get(name) != base.get(name)

    if proposal.change == Change.WITHDRAWN:
        names = [name for name in proposal.fields if name in kind.fields]
        probe = kind.probe(item, {"is_listed": False}, names) if item is not None else None
    else:
        names = proposal.fields if item is not None else kind.names
        probe = kind.probe(item, proposal.values, names)
    rows = []
    for name in names:
        label = kind.label_of(name)
        old = _shown(kind, item, now, name)
        if name in kind.fields:
            new = display_value(kind.model, probe, name)
            if name in probe.missing:
                new = f"{probe.missing[name]} (not on this site yet)"
        else:
            new = kind.shown(name, proposal.values[name]) or EMPTY
        rows.append(ProposalRow(compare_texts(label, old, new), edited(name)))
    kept = [kind.label_of(name) for name in kind.names if name not in names and edited(name)]
    return ProposalDiff(rows, kept)


def _shown(kind, item, now, name):
    if item is None:
        return EMPTY
    if name in kind.fields:
        return display_value(kind.model, item, name)
    return kind.shown(name, now[name]) or EMPTY

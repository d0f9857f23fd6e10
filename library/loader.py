"""The library's files into the database, every item updated in place by its key: the one loader.

A first load and the demo use it as it is. On a site that already holds a version, sync.py runs it in a
trial that is rolled back and proposes what differs, so a newer version never changes a page by itself.
"""

from django.db import transaction

from conditions import demo as conditions_loader
from domain.content import load_library, read_list, save_passages
from domain.models import KeyFact, cite

from . import translations

KEY_FACT_FIELDS = {"key", "figure", "text", "topic", "sources", "passages", "listed"}


@transaction.atomic
def load_files(folder):
    """Write every item of the library in folder to the database; return the Library (sources, people)."""
    library = load_library(folder)
    # Facts first: items write {fact:key}, and a passage's claim is matched against the filled text.
    load_key_facts(library, folder)
    conditions_loader.load(library, folder)
    translations.load(library, folder)  # each translated item beside its original
    return library


def load_key_facts(library, folder):
    """The key facts (key-facts.yaml), each with its sources and their passages, in the file's order."""
    for order, entry in enumerate(read_list(folder / "key-facts.yaml")):
        entry.check_fields(KEY_FACT_FIELDS, required=["figure", "text", "sources"])
        sources = library.sources_of(entry)
        fact, _ = KeyFact.objects.update_or_create(
            figure=entry.values["figure"],
            defaults={
                "key": entry.values.get("key") or "",
                "text": entry.values["text"],
                "topic": entry.values.get("topic") or "",
                "order": order,
                "is_listed": entry.values.get("listed", True),
            },
        )
        cite(fact, sources)
        save_passages(fact, entry)

from django.db import migrations

# The independent check of the seed sets (content/REVIEW.md, 2026-12-07) narrowed two: "infusion" alone also
# names other medicines' infusions and infusions under the skin; "ketamine injection" and "ketamine shot" also
# mean injections into a vein or under the skin. A site whose set is still the seed as shipped gets the
# reviewed one; a set staff have edited is theirs, and is left as it is.
IV = ["IV", "intravenous", "IV infusion", "intravenous infusion", "IV ketamine", "intravenous ketamine",
      "ketamine infusion"]  # fmt: skip
IM = ["IM", "intramuscular", "IM injection", "intramuscular injection", "IM ketamine",
      "intramuscular ketamine", "IM shot"]  # fmt: skip
REVIEWED = [
    (
        [*IV, "infusion", "ketamine drip", "IV drip"],
        [*IV, "ketamine drip", "IV drip"],
        "Ketamine given slowly into a vein; readers also call an IV infusion a drip. Not \"infusion\" alone, "
        "which also names other medicines' infusions (brexanolone) and infusions under the skin.",
    ),
    (
        [*IM, "ketamine shot", "ketamine injection"],
        IM,
        "Ketamine injected into a muscle, usually in the upper arm; readers also call it a shot. Not "
        "\"ketamine injection\" or \"ketamine shot\", which also mean injections into a vein or under the "
        "skin.",
    ),
]


def apply_review(apps, schema_editor):
    SynonymSet = apps.get_model("clinic", "SynonymSet")
    for shipped, reviewed, note in REVIEWED:
        SynonymSet.objects.filter(terms="\n".join(shipped)).update(terms="\n".join(reviewed), note=note)


class Migration(migrations.Migration):
    dependencies = [
        ("clinic", "0013_merge_dialable_numbers_and_synonyms"),
    ]

    operations = [migrations.RunPython(apply_review, migrations.RunPython.noop)]

import time

from django.core.management.base import BaseCommand

from articles.generate import generate


class Command(BaseCommand):
    help = (
        "Add N realistic published articles (authors, categories, tags, references, related conditions, "
        "bodies with headings and images) for benchmarks and tests. Run load_demo_content first for "
        "conditions to relate them to."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000, help="how many to add (default 1000)")
        parser.add_argument("--seed", type=int, default=12, help="random seed, for the same content again")

    def handle(self, *args, articles, seed, **options):
        started = time.monotonic()
        made = generate(articles, seed=seed)
        self.stdout.write(
            self.style.SUCCESS(f"Added {made} published articles in {time.monotonic() - started:.1f} s.")
        )

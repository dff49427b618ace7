"""Search quality on a set of passages and queries: recall@10 and MRR@10.

Imports the passages as pages (``bench/corpus.py``), brings the search
index up to date, then runs every query through the site's real search page in its
own language (its ``lang``; in sets without one, kind ``sv`` or ``en``, otherwise
Finnish) and reads the result links in order. A passage counts only for queries in its
own language. Prints the figures per language, per query kind and overall, and the
languages below :data:`RECALL_FLOOR`, for the backend the settings select
(``SEARCH_URL``, ``DATABASE_URL``); point ``DATABASE_URL`` at a new, empty scratch
database, so that only the passages compete.

    python bench/search_quality.py --set bench/search-set
    python bench/search_quality.py --set DIR --verbose     # also each query's ranking
"""

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._setup import setup_django  # noqa: E402

TOP = 10
#: A language whose recall@10 is below this is named at the end of the report.
RECALL_FLOOR = 0.85
# The language of a query without "lang", by its kind (sets made before queries had one).
KIND_LANGUAGES = {"sv": "sv", "en": "en"}


def query_language(query):
    return query.get("lang") or KIND_LANGUAGES.get(query["kind"], "fi")


def result_ids(client, language, query):
    """The passage ids of the first results of the search page, in order."""
    from bs4 import BeautifulSoup

    response = client.get(f"/{language}/search/", {"q": query})
    if response.status_code != 200:
        raise SystemExit(f"The search page answered {response.status_code} for {query!r}.")
    soup = BeautifulSoup(response.content, "html.parser")
    ids = []
    for link in soup.select(".search-results a[href]"):
        match = re.search(r"/corpus/([^/]+)/$", link["href"])
        if match and match.group(1) not in ids:
            ids.append(match.group(1))
    return ids[:TOP]


def evaluate(client, queries, verbose=False):
    """({language: scores}, {kind: scores}): scores are [(recall, reciprocal rank), …],
    also under "all" in the second."""
    by_language, scores = defaultdict(list), defaultdict(list)
    for query in queries:
        language = query_language(query)
        found = result_ids(client, language, query["q"])
        relevant = set(query["relevant"])
        recall = len(relevant & set(found)) / len(relevant)
        rank = next(
            (position for position, pid in enumerate(found, start=1) if pid in relevant), None
        )
        score = (recall, 1 / rank if rank else 0.0)
        by_language[language].append(score)
        scores[query["kind"]].append(score)
        scores["all"].append(score)
        if verbose:
            print(
                f"  {language} {query['kind']:<14} {query['q']!r}: recall {recall:.2f}, "
                f"first relevant at {rank}; {found}"
            )
    return by_language, scores


def averages(values):
    """(recall@10, MRR@10) of a list of scores."""
    return sum(r for r, _ in values) / len(values), sum(m for _, m in values) / len(values)


def print_table(heading, scores):
    print(f"{heading:<15} {'queries':>7} {'recall@10':>10} {'MRR@10':>8}")
    for key in sorted(scores, key=lambda key: (key == "all", key)):
        recall, mrr = averages(scores[key])
        print(f"{key:<15} {len(scores[key]):>7} {recall:>10.2f} {mrr:>8.2f}")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--set", required=True, help="folder with passages.jsonl and queries.jsonl")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    folder = Path(args.set)

    setup_django()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from bench.corpus import import_passages

    call_command("migrate", verbosity=0)
    import_passages(folder / "passages.jsonl")
    call_command("update_index", verbosity=0)
    queries = [
        json.loads(line)
        for line in (folder / "queries.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]

    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"Search quality: {len(queries)} queries, backend {backend} on {database}")
    by_language, by_kind = evaluate(Client(HTTP_HOST="localhost"), queries, args.verbose)
    print_table("language", by_language)
    print()
    print_table("kind", by_kind)
    below = [
        f"{language} {averages(values)[0]:.2f}"
        for language, values in sorted(by_language.items())
        if averages(values)[0] < RECALL_FLOOR
    ]
    print(f"\nLanguages below {RECALL_FLOOR} recall@10: {', '.join(below) or 'none'}")


if __name__ == "__main__":
    main()

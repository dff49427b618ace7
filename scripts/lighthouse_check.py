"""Read the Lighthouse reports (JSON) that scripts/lighthouse.sh wrote and fail, with a list of
each page, category and the audits that cost it points, when a page is below the scores CI
asks for. Standard library only, so that it runs before anything is installed.

    python3 scripts/lighthouse_check.py test-output/lighthouse/*.report.json
    python3 scripts/lighthouse_check.py --ran REPORT   # 0 if Lighthouse finished the run
"""

import json
import sys
from pathlib import Path

THRESHOLDS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
#: Audits a page fails on purpose, by the report's page name (after the language).
EXCEPTED = {"search": {"is-crawlable"}, "unavailable": {"is-crawlable"}}  # noindex on purpose


def load(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def finished(report):
    """Lighthouse sometimes fails to load the page at all (NO_NAVSTART): such a run is
    retried, never one with a low score."""
    scores = [category["score"] for category in report.get("categories", {}).values()]
    return not report.get("runtimeError") and bool(scores) and None not in scores


def failing_audits(report, category, excepted):
    audits = report["audits"]
    return [
        f"{ref['id']} ({audits[ref['id']]['score']})"
        for ref in category["auditRefs"]
        if ref["weight"]
        and ref["id"] not in excepted
        and audits[ref["id"]]["score"] is not None
        and audits[ref["id"]]["score"] < 1
    ]


def problems(path):
    """One line for each category of one report below its threshold."""
    report = load(path)
    page = Path(path).name.removesuffix(".report.json")
    if not finished(report):
        return [f"{page}: Lighthouse did not finish: {report.get('runtimeError')}"]
    excepted = EXCEPTED.get(page.partition("-")[2], set())
    lines = []
    for key, minimum in THRESHOLDS.items():
        category = report["categories"][key]
        score = round(category["score"] * 100)
        audits = failing_audits(report, category, excepted)
        if score < minimum and (audits or key == "performance"):
            lines.append(f"{page}: {key} {score} < {minimum}: {', '.join(audits)}")
    return lines


def main(arguments):
    if arguments[:1] == ["--ran"]:
        return 0 if finished(load(arguments[1])) else 1
    lines = [line for path in arguments for line in problems(path)]
    for line in lines:
        print(line)
    print(f"Lighthouse: {len(arguments)} reports, {len(lines)} below the thresholds {THRESHOLDS}")
    return 1 if lines or not arguments else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""scripts/lighthouse_check.py: what CI says when a page scores below its thresholds."""

import importlib.util
import json
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "lighthouse_check.py"
spec = importlib.util.spec_from_file_location("lighthouse_check", SCRIPT)
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)


def report(folder, name, seo=1.0, crawlable=1, performance=0.99, runtime_error=None):
    data = {
        "categories": {
            "performance": {"score": performance, "auditRefs": [{"id": "tbt", "weight": 30}]},
            "accessibility": {"score": 1, "auditRefs": [{"id": "color-contrast", "weight": 7}]},
            "best-practices": {"score": 1, "auditRefs": []},
            "seo": {
                "score": seo,
                "auditRefs": [
                    {"id": "is-crawlable", "weight": 4.0},
                    {"id": "meta-description", "weight": 1},
                ],
            },
        },
        "audits": {
            "tbt": {"score": performance},
            "color-contrast": {"score": 1},
            "is-crawlable": {"score": crawlable},
            "meta-description": {"score": 1 if seo == 1 or crawlable == 0 else 0},
        },
    }
    if runtime_error:
        data = {"runtimeError": runtime_error, "categories": {}}
    path = folder / f"{name}.report.json"
    path.write_text(json.dumps(data))
    return str(path)


def test_a_page_below_a_threshold_is_listed_with_its_failing_audits(tmp_path, capsys):
    paths = [
        report(tmp_path, "fi-home"),
        report(tmp_path, "ar-event", seo=0.9, performance=0.9),
    ]
    assert check.main(paths) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [
        "ar-event: performance 90 < 95: tbt (0.9)",
        "ar-event: seo 90 < 100: meta-description (0)",
    ]


def test_the_search_pages_noindex_is_not_a_failure_but_elsewhere_it_is(tmp_path, capsys):
    search = report(tmp_path, "fi-search", seo=0.69, crawlable=0)
    assert check.main([search]) == 0
    post = report(tmp_path, "fi-post", seo=0.69, crawlable=0)
    assert check.main([post]) == 1
    assert "fi-post: seo 69 < 100: is-crawlable (0)" in capsys.readouterr().out


def test_a_run_that_did_not_load_the_page_is_not_finished(tmp_path):
    failed = report(tmp_path, "fi-home", runtime_error={"code": "NO_NAVSTART"})
    assert check.main(["--ran", failed]) == 1
    assert check.main(["--ran", report(tmp_path, "fi-blog")]) == 0
    assert check.main([failed]) == 1

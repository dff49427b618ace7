"""axe-core in the browser: inject it into a page, run the WCAG 2.0/2.1 A and AA rules
(and best practices, which are only reported), and describe what it found."""

from pathlib import Path

AXE_SCRIPT = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
NODES_SHOWN = 3


def run_axe(page):
    """The violations axe finds on the page as it is now, each tagged ``wcag`` when it
    breaks a WCAG A/AA rule (else it is a best practice)."""
    if page.evaluate("typeof window.axe") == "undefined":
        # Evaluated through the browser's debugging protocol: a script tag added to the page
        # would be inline script, which the site's Content-Security-Policy refuses.
        page.evaluate(AXE_SCRIPT.read_text())
    results = page.evaluate(
        """async tags => await axe.run(document, {
            runOnly: {type: "tag", values: [...tags, "best-practice"]},
            resultTypes: ["violations"],
        })""",
        WCAG_TAGS,
    )
    violations = results["violations"]
    for violation in violations:
        violation["wcag"] = any(tag in WCAG_TAGS for tag in violation["tags"])
    return violations


def blocking(page, violations, allowed=()):
    """Violations of WCAG rules with a serious or critical impact, less the nodes that an
    ``allowed`` entry (rule id, CSS selector, reason) excuses: nodes of that rule inside
    an element the selector matches."""
    found = []
    for violation in violations:
        if not violation["wcag"] or violation["impact"] not in BLOCKING_IMPACTS:
            continue
        excuses = [selector for rule, selector, _reason in allowed if rule == violation["id"]]
        nodes = [
            node
            for node in violation["nodes"]
            if not any(is_inside(page, node, selector) for selector in excuses)
        ]
        if nodes:
            found.append({**violation, "nodes": nodes})
    return found


def is_inside(page, node, selector):
    """Whether the node (in the page's own document) is inside an element matching selector."""
    if len(node["target"]) != 1 or not isinstance(node["target"][0], str):
        return False  # in a frame or a shadow root: never excused
    return page.evaluate(
        "([target, selector]) => Boolean(document.querySelector(target)?.closest(selector))",
        [node["target"][0], selector],
    )


def flat_targets(node):
    """A node's target selectors as strings (axe nests them for frames and shadow DOM)."""
    return [" ".join(part) if isinstance(part, list) else part for part in node["target"]]


def describe(violations):
    """One line per rule: impact, id, help text and where (the first few nodes)."""
    lines = []
    for violation in violations:
        targets = [", ".join(flat_targets(node)) for node in violation["nodes"][:NODES_SHOWN]]
        more = len(violation["nodes"]) - NODES_SHOWN
        where = "; ".join(targets) + (f"; … {more} more" if more > 0 else "")
        kind = "" if violation["wcag"] else " (best practice)"
        lines.append(
            f"[{violation['impact']}] {violation['id']}{kind}: {violation['help']} – {where}"
        )
    return "\n".join(lines)


def summary(violations):
    """The violations in a JSON-friendly shape for the report file."""
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "wcag": violation["wcag"],
            "help": violation["help"],
            "help_url": violation["helpUrl"],
            "nodes": [
                {"target": flat_targets(node), "summary": node.get("failureSummary", "")}
                for node in violation["nodes"]
            ],
        }
        for violation in violations
    ]

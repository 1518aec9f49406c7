"""axe-core in the browser tests: the serious and critical accessibility violations of a page.

axe comes from npm (package.json, installed by ``make test``). The site's Content-Security-
Policy allows no inline script, so the page checked must come from a browser context made with
``bypass_csp=True`` (the ``axe_context`` fixture of tests/e2e/conftest.py); the CSP itself is
tested, unbypassed, in tests/e2e/test_csp.py.
"""

from pathlib import Path

import pytest
from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
FAILING_IMPACTS = ("serious", "critical")


def _described(violation: dict, *, shown: int = 5) -> str:
    lines = [f"- {violation['id']} ({violation['impact']}): {violation['help']}"]
    for node in violation["nodes"][:shown]:
        checks = node["any"] or node["all"] or node["none"]
        why = f": {checks[0]['message']}" if checks else ""
        lines.append(f"    at {' '.join(map(str, node['target']))}{why}")
    if len(violation["nodes"]) > shown:
        lines.append(f"    and {len(violation['nodes']) - shown} more")
    return "\n".join(lines)


def serious_violations(page: Page) -> list[dict]:
    """axe's violations of impact serious or critical on the page as it is now."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make test`, or `npm ci` at the repository root.")
    # Judged at rest: colours halfway through a fade (a message appearing) are not the page's.
    page.wait_for_function(
        """() => document.getAnimations().every(animation =>
               animation.playState !== "running"
               || animation.effect.getComputedTiming().endTime === Infinity)"""
    )
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    results = page.evaluate("axe.run(document, { resultTypes: ['violations'] })")
    return [v for v in results["violations"] if v["impact"] in FAILING_IMPACTS]


def assert_accessible(page: Page) -> None:
    """Fail with each serious or critical violation: its rule, what it asks, and where."""
    found = serious_violations(page)
    assert not found, f"axe-core on {page.url}:\n" + "\n".join(map(_described, found))

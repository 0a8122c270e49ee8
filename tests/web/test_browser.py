"""The app in Debian's chromium (Playwright): search → facet → event → select + Ctrl+Enter →
correction stored → analyst logs in and accepts → change and audit entry shown; map, timeline
and review shortcuts render with data. Screenshots go to test-artifacts/."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from sqlalchemy import select

from conftest import PASSWORD
from sitrep.store.schema import corrections, events
from sitrep.web import create_app

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture
def server(settings, store, data) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(settings, store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture
def page(chromium):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=ARGS)
        ctx = browser.new_context(viewport={"width": 1200, "height": 900})
        ctx.route("**/*", lambda route: route.abort() if "127.0.0.1" not in route.request.url else route.continue_())
        pg = ctx.new_page()
        pg.set_default_timeout(15_000)
        yield pg
        browser.close()


def _select_text(page, selector: str, quote: str) -> None:
    page.evaluate(
        """([sel, quote]) => {
        const el = document.querySelector(sel);
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
            const i = node.textContent.indexOf(quote);
            if (i >= 0) {
                const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + quote.length);
                const s = window.getSelection(); s.removeAllRanges(); s.addRange(r); return;
            }
        }
        throw new Error('quote not found');
    }""",
        [selector, quote],
    )


def test_reader_correction_to_accepted_change(server, page, store, data):
    page.goto(server + "/search?q=штурмы")  # lemma штурм: in both events
    assert page.locator("#total").inner_text() == "2"
    page.locator('.facet[data-facet="type"] a', has_text="appeal").click()
    page.wait_for_url("**type=appeal**")
    assert page.locator("#total").inner_text() == "1"
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)
    page.locator(f'.hits .card[data-event-id="{data["appeal"]}"] h3 a').click()
    page.wait_for_url(f"**/events/{data['appeal']}")
    _select_text(page, f"#report-{data['reports'][1]} .text", "около 300 человек")
    page.keyboard.press("Control+Enter")
    assert page.locator("#correct-quote").input_value() == "около 300 человек"
    page.select_option('#correct-form select[name="field"]', "people_count")
    page.fill('#correct-form input[name="new_value"]', "200")
    page.fill('#correct-form textarea[name="comment"]', "the video says 200")
    page.click('#correct-form button[type="submit"]')
    page.wait_for_selector("#correct-status:has-text('Thank you')")
    with store.engine.connect() as conn:
        assert conn.execute(select(corrections.c.new_value, corrections.c.status)).one() == ("200", "pending")

    page.goto(server + "/login?next=/review/corrections")
    page.fill('input[name="username"]', "ana")
    page.fill('input[name="password"]', PASSWORD)
    page.click('form.login button[type="submit"]')
    page.wait_for_url("**/review/corrections")
    page.screenshot(path=str(ARTIFACTS / "corrections.png"), full_page=True)
    page.click("article.correction button.accept")
    page.goto(server + f"/events/{data['appeal']}")
    assert page.locator('#fields tr[data-field="people_count"] td.val').inner_text().startswith("200")
    first = page.locator("#audit tbody tr").first
    assert "correction" in first.inner_text() and "ana" in first.inner_text()
    page.screenshot(path=str(ARTIFACTS / "event.png"), full_page=True)


def test_map_timeline_and_review_shortcuts(server, page, store, data):
    page.goto(server + "/map")
    page.wait_for_selector('#map[data-loaded="2"]')
    assert page.locator(".leaflet-container").count() == 1
    assert page.locator(".marker-cluster, path.leaflet-interactive").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "map.png"))
    page.goto(server + "/timeline?bucket=week")
    page.wait_for_selector('#timeline-chart[data-bars="2"]')
    assert page.locator("#timeline-table tbody tr").count() == 2
    page.screenshot(path=str(ARTIFACTS / "timeline.png"))
    page.locator("#timeline-table a").first.click()
    page.wait_for_url("**date_from=2023-06-26**")
    assert page.locator("#total").inner_text() == "1"

    page.goto(server + "/login?next=/review")
    page.fill('input[name="username"]', "ana")
    page.fill('input[name="password"]', PASSWORD)
    page.click('form.login button[type="submit"]')
    page.wait_for_url("**/review")
    first = page.locator(".qitem").first.get_attribute("data-event-id")
    page.keyboard.press("c")
    page.wait_for_load_state("load")
    page.wait_for_function("document.querySelectorAll('.qitem').length === 1")
    with store.engine.connect() as conn:
        assert conn.execute(select(events.c.status).where(events.c.id == first)).scalar() == "confirmed"

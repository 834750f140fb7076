"""The HTML output in a real browser (Debian's chromium driven by Playwright), over file:// and offline.

Opens index.html and report pages: no console error, no script from a report runs, every
finding has its highlight, sorting and filtering change the table. Screenshots are written to
reports_out/browser/ to be looked at.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest

from auditor.output.batch_view import summarise
from auditor.output.notices import NOTICES_DIR, ROUND_NAME, write_notices
from auditor.output.render import render
from auditor.output.round_summary import RoundSummary
from auditor.store import load_batch, save_batch
from batch_fixtures import rich_batch

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parent.parent / "reports_out" / "browser"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]

if not CHROMIUM.exists():
    pytest.skip("/usr/bin/chromium is absent (.ci/run installs Debian's chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed ('.[test]')")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    results, extra = rich_batch()
    directory = tmp_path_factory.mktemp("site")
    batch = save_batch(results, directory, extra)
    render(directory)
    write_notices(batch, summarise(batch), directory)
    return results, summarise(batch), directory


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.problems = []
    page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("dialog", lambda dialog: (page.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("request", lambda request: request.url.startswith("file:") or page.problems.append(f"network: {request.url}"))
    yield page
    page.close()


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=False)


def _visible_names(page) -> list[str]:
    return page.eval_on_selector_all("#body-table tbody tr:not(.hidden) td:first-child", "cells => cells.map(c => c.textContent)")


def test_index_sorts_and_filters(site, page):
    results, bodies, directory = site
    page.goto((directory / "index.html").as_uri())
    assert page.locator("#body-table tbody tr").count() == len(bodies)
    assert page.locator("#chart-similarity img").evaluate("img => img.complete && img.naturalWidth > 0")
    errors_header = page.locator("#body-table th", has_text="错误")
    errors_header.click()
    column = "#body-table tbody tr td:nth-child(5)"
    descending = [int(v) for v in page.eval_on_selector_all(column, "cells => cells.map(c => c.textContent)")]
    assert descending == sorted((r.errors for r in results), reverse=True)
    errors_header.click()
    ascending = [int(v) for v in page.eval_on_selector_all(column, "cells => cells.map(c => c.textContent)")]
    assert ascending == sorted(r.errors for r in results)
    _shot(page, "index.png")

    page.fill("#filter", "TA203")
    wanted = {b.name for b in bodies if any(f["code"] == "TA203" for f in b.findings)}
    assert wanted and set(_visible_names(page)) == wanted
    assert page.locator("#shown").text_content() == f"显示 {len(_visible_names(page))} / {len(bodies)} 份"
    page.fill("#filter", "")
    page.select_option("#severity-filter", "clean")
    clean = [b.name for b in bodies if not b.counts["error"] and not b.counts["warning"]]
    assert sorted(_visible_names(page)) == sorted(clean) and len(clean) < len(bodies)
    assert page.problems == []


def test_report_page_highlights_every_finding(site, page):
    results, bodies, directory = site
    checked = 0
    for result, body in zip(results, bodies):
        page.goto((directory / "reports" / body.page).as_uri())
        for index, finding in enumerate(result.findings):
            highlight = page.locator(f'[data-findings~="f{index}"]')
            note = page.locator(f"#note-{index}")
            assert note.count() == 1, (body.page, finding.code)
            if finding.location.start is not None or (finding.location.row and finding.code.startswith("TA")):
                assert highlight.count() >= 1, (body.page, finding.code)
                assert highlight.first.is_visible()
                checked += 1
        if body.source == results[0].report.source:
            page.locator("#tables").scroll_into_view_if_needed()
            _shot(page, "report-tables.png")
        if any(f.code == "RE601" for f in result.findings) and not (SHOTS / "report-shared.png").exists():
            page.locator("#shared").scroll_into_view_if_needed()
            _shot(page, "report-shared.png")
    assert checked > len(results)
    assert page.problems == []


def test_hostile_report_runs_nothing(site, page):
    results, bodies, directory = site
    body = next(b for b in bodies if b.source == "hostile.txt")
    page.goto((directory / "reports" / body.page).as_uri())
    page.locator("a.ref").first.click()  # follow the note link of the hostile span
    assert "<script>" in page.locator(".text").text_content()
    assert page.locator("script, img[onerror]").count() == 0
    _shot(page, "report-hostile.png")
    assert page.problems == []


def test_a_copy_opened_elsewhere_still_works(site, page, tmp_path):
    _, bodies, directory = site
    copy = tmp_path / "moved"
    shutil.copytree(directory, copy)
    page.goto((copy / "index.html").as_uri())
    page.locator("#body-table tbody tr a").first.click()
    page.wait_for_load_state()
    assert unquote(page.url).endswith(f"/moved/reports/{bodies[0].page}")
    page.locator("text=返回批次总览").click()
    page.wait_for_load_state()
    assert page.url.endswith("/index.html")
    assert page.problems == []


def test_index_shows_the_round_summary_on_the_first_screen(site, page):
    """The summary (counts, score bands, common problems, bodies needing attention) is seen
    without scrolling; the charts and then the table come after it."""
    results, bodies, directory = site
    page.goto((directory / "index.html").as_uri())
    height = page.viewport_size["height"]
    box = page.locator("#summary").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= height, box
    for part in ("#score-bands", "#common-problems", "#attention"):
        assert page.locator(part).is_visible()
    assert page.locator("#summary").inner_text().count(str(sum(r.errors for r in results))) >= 1
    tops = [page.locator(f"#{name}").bounding_box()["y"] for name in ("summary", "charts", "bodies")]
    assert tops == sorted(tops)
    _shot(page, "index-first-screen.png")
    assert not page.problems, page.problems


def test_notice_page_opens_and_prints(site, page):
    results, bodies, directory = site
    body = next(b for b in bodies if b.counts["error"] and b.counts["warning"])
    page.goto((directory / NOTICES_DIR / f"{Path(body.page).stem}.html").as_uri())
    assert page.locator("h1").inner_text().startswith("关于")
    assert page.locator(".problem").count() == len(body.findings)
    assert page.locator("#group-error").bounding_box()["y"] < page.locator("#group-warning").bounding_box()["y"]
    _shot(page, "notice.png")
    page.emulate_media(media="print")
    assert not page.locator(".no-print").first.is_visible()
    page.emulate_media(media="screen")
    page.locator("a", has_text="本轮审核情况通报").click()
    assert unquote(page.url).endswith(f"{NOTICES_DIR}/{ROUND_NAME}.html")
    assert page.locator("#ranking tbody tr").count() == len(bodies)
    assert not page.problems, page.problems


def test_the_demo_round_opens_with_its_summary_and_a_notice(sample_round_out, page):
    """README's first command on corpora/sample: the summary on the first screen, the comparison
    with last year after the charts, and a body's notice opens from the round's report."""
    run, out = sample_round_out
    assert run.returncode == 1, run.stderr
    page.goto((out / "index.html").as_uri())
    box = page.locator("#summary").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"], box
    assert page.locator("#year-summary").is_visible() and page.locator("#attention li").count() >= 3
    tops = [page.locator(f"#{name}").bounding_box()["y"] for name in ("summary", "charts", "comparison", "bodies")]
    assert tops == sorted(tops)
    _shot(page, "sample-index.png")
    page.goto((out / NOTICES_DIR / f"{ROUND_NAME}.html").as_uri())
    summary = RoundSummary(summarise(load_batch(out)))
    assert page.locator("#ranking tbody tr").count() == len(summary.bodies) < len(summary.batch)  # this year's only
    assert page.locator("#to-correct li").count() == len(summary.to_correct)
    page.locator("#to-correct a").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("关于") and page.locator(".problem").count() >= 1
    _shot(page, "sample-notice.png")
    assert not page.problems, page.problems

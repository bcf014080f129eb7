"""End-to-end tests in a real browser: Playwright for Python driving Debian's Chromium.

Set-up: ``scripts/_chromium.sh`` (sourced by ``scripts/test``) installs the ``chromium`` package;
nothing is downloaded by Playwright. Without ``/usr/bin/chromium`` these tests skip. The app runs
with uvicorn in a background thread on a free loopback port with a temporary SQLite store.
Screenshots are saved under ``test-artifacts/`` (not committed).
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from nape.knowledge.loader import default_kb
from nape.server.app import create_app
from nape.store import Store
from tests.http.web.conftest import FEVER_STORY, seed_story

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"width": 360, "height": 740}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (scripts/_chromium.sh)"),
]

if CHROMIUM.exists():
    from playwright.sync_api import Browser, Page, expect, sync_playwright


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app served by uvicorn on 127.0.0.1 in a background thread."""
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('browser')}/nape.db")
    port = _free_port()
    config = uvicorn.Config(
        create_app(store), host="127.0.0.1", port=port, log_level="warning", access_log=False, lifespan="off", ws="none"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url, viewport=PHONE, accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(60_000)  # the first start loads the language pipeline
    yield pg
    context.close()


def shot(page: Page, name: str, full_page: bool = True) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def begin(page: Page, text: str, age: int | None, sex: str | None) -> None:
    page.goto("/")
    if age is not None:
        page.get_by_label("Age in years").fill(str(age))
    if sex:
        page.get_by_label("Sex").select_option(sex)
    page.get_by_label("Describe what's happening").fill(text)
    page.get_by_role("button", name="Start").click()
    page.wait_for_load_state()


def answer_all(page: Page, label: str, limit: int = 60) -> int:
    """Press ``label`` (Yes / No / Don't know) on every question until the result; returns the count."""
    for n in range(limit):
        if page.url.endswith("/result"):
            return n
        button = page.get_by_role("button", name=label, exact=True)
        if button.count() == 0:  # a multiple-choice question has no yes / no
            button = page.get_by_role("button", name="Don't know", exact=True)
        button.click()
        page.wait_for_load_state()
    raise AssertionError("the interview did not end")


def no_horizontal_scroll(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_seed_003_reaches_dystonia_and_a_consultation(page: Page) -> None:
    text, age, sex = seed_story("003")
    begin(page, text, age, sex)
    expect(page.locator("progress")).to_be_visible()
    expect(page.get_by_text("Why we ask:")).to_be_visible()
    shot(page, "seed003-first-question", full_page=False)
    asked = answer_all(page, "Don't know")
    assert 1 <= asked <= 12  # only the questions that could change the result, at most 12
    causes = page.locator(".cause-name").all_inner_texts()
    assert default_kb().conditions["cervical_dystonia"].plain_name in causes[:3]
    banner = page.locator(".banner")
    expect(banner).to_have_class(re.compile(r"level-consultation\b"))
    expect(banner).not_to_have_class(re.compile(r"\bemergency\b"))
    expect(page.get_by_text(default_kb().meta.triage.disclaimer).first).to_be_visible()
    shot(page, "seed003-result")
    shot(page, "seed003-result-top", full_page=False)
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("section[aria-labelledby=causes-h]").screenshot(path=str(ARTIFACTS / "seed003-causes.png"))


def test_fever_headache_stiff_neck_reaches_the_emergency_banner(page: Page) -> None:
    begin(page, FEVER_STORY, 22, "female")
    answer_all(page, "No")
    banner = page.locator(".banner.emergency")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("your local emergency number")
    assert banner.get_attribute("role") == "alert"
    top = banner.bounding_box()
    assert top is not None and top["y"] < PHONE["height"]  # the first thing on the screen
    shot(page, "fever-emergency", full_page=False)


def test_phone_viewport_has_no_horizontal_scroll(page: Page) -> None:
    page.goto("/")
    assert no_horizontal_scroll(page)
    expect(page.locator(".error-box")).to_be_hidden()  # no empty error box before any error
    shot(page, "phone-home")
    begin(page, "My lower back went into spasm after lifting a heavy box yesterday.", 35, "male")
    assert no_horizontal_scroll(page)
    shot(page, "phone-question", full_page=False)
    answer_all(page, "No")
    assert no_horizontal_scroll(page)
    page.get_by_role("link", name="View for a clinician").click()
    assert no_horizontal_scroll(page)


def _tab_to(page: Page, selector: str, limit: int = 40) -> None:
    """Press Tab until the element matching ``selector`` has focus (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_only_completion(page: Page) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"  # the skip link comes first
    _tab_to(page, "#age")
    page.keyboard.type("35")
    _tab_to(page, "#text")
    page.keyboard.type("Stiff neck since I slept badly last night, hurts to turn my head.")
    _tab_to(page, "button[type=submit]")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # the focus can be seen
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "question"  # focus starts at the question
    for n in range(60):
        if page.url.endswith("/result"):
            break
        _tab_to(page, ".answer-dont_know")  # on every question, yes/no or multiple choice
        with page.expect_navigation():
            page.keyboard.press("Space" if n % 2 else "Enter")
    assert page.url.endswith("/result")
    expect(page.locator(".banner")).to_be_visible()


def test_clinician_view_prints_and_downloads_a_pdf(page: Page) -> None:
    begin(page, "Neck pain after a car crash this morning, I am 70 and my fingers tingle.", 70, "male")
    page.goto(re.sub(r"/result$", "", page.url) + "/clinician")  # an emergency goes straight to the result
    expect(page.get_by_role("link", name="FHIR Bundle (JSON)")).to_be_visible()
    expect(page.get_by_role("button", name="Print")).to_be_visible()  # shown by the script
    leading = page.locator("table tbody tr").nth(0)
    expect(leading).to_be_visible()
    page.emulate_media(media="print")
    expect(page.get_by_role("link", name="Download PDF")).to_be_hidden()
    expect(page.get_by_role("button", name="Print")).to_be_hidden()
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "clinician-printed.pdf"), format="A4")
    shot(page, "clinician-print")
    shot(page, "clinician-print-top", full_page=False)
    page.emulate_media(media="screen")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download PDF").click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"%PDF") and info.value.suggested_filename.endswith(".pdf")


def test_back_button_changes_an_answer(page: Page) -> None:
    begin(page, "My neck has been stiff and sore for three days.", 40, "female")
    first = page.locator("#question").inner_text()
    # the first question is the neck's warning-sign checklist; its first box is one finding
    finding = page.locator("input[name=item]").first.get_attribute("value")
    assert finding is not None
    page.get_by_role("button", name="None of these", exact=True).click()
    expect(page.get_by_text("Question 2 of up to")).to_be_visible()
    page.get_by_role("button", name="Back: change my last answer").click()
    expect(page.locator("#question")).to_have_text(first)
    expect(page.get_by_text("Question 1 of up to")).to_be_visible()
    page.get_by_role("button", name="Don't know", exact=True).click()
    link = page.url
    page.goto(link + "/clinician")
    row = page.locator("tr", has_text=default_kb().findings[finding].label)
    expect(row).to_contain_text("not known")
    expect(row).not_to_contain_text("negative")


WRY_NECK = "I woke up this morning and my neck is stuck, I can't turn my head to the left and it is painful."


def _words(text: str) -> int:
    return len(re.findall(r"[\w’'-]+", text))


def test_wry_neck_result_on_a_phone_is_short_and_in_order(page: Page) -> None:
    begin(page, WRY_NECK, 30, None)
    answer_all(page, "No")
    shown = page.locator("body").inner_text()  # closed <details> are not rendered, so not counted
    assert _words(shown) <= 600, _words(shown)
    assert no_horizontal_scroll(page)
    tops = [
        page.locator(sel).first.bounding_box()
        for sel in (".banner", "#now-h", "#sooner-h", "#causes-h", "#self-h", "#ask-h", "#sources-h")
    ]
    ys = [box["y"] for box in tops if box is not None]
    assert len(ys) == 7 and ys == sorted(ys)
    expect(page.locator(".banner .timeframe")).to_be_visible()
    expect(page.locator(".warning-signs li").first).to_be_visible()
    expect(page.locator(".more-causes .cause").first).to_be_hidden()  # folded until opened
    screens = page.evaluate("document.documentElement.scrollHeight") / PHONE["height"]
    shot(page, "wry-neck-result")
    shot(page, "wry-neck-result-top", full_page=False)
    assert screens <= 6, screens


def test_an_emergency_fills_the_first_phone_screen_alone(page: Page) -> None:
    begin(page, FEVER_STORY, 22, None)
    answer_all(page, "No")
    banner = page.locator(".banner.emergency")
    box = banner.bounding_box()
    assert box is not None and box["y"] < 120
    steps = page.locator(".banner .now-steps").bounding_box()
    assert steps is not None and steps["y"] + steps["height"] <= PHONE["height"]  # the steps are on screen 1
    below = page.evaluate(
        """() => [...document.querySelectorAll('main > *')]
              .filter(el => !el.classList.contains('banner') && el.getClientRects().length)
              .map(el => el.getBoundingClientRect().top + window.scrollY)"""
    )
    assert below and min(below) >= PHONE["height"]  # nothing else on the first screen
    text = page.locator("body").inner_text()
    assert "Looking after yourself" not in text and "Questions to take" not in text
    shot(page, "emergency-first-screen", full_page=False)

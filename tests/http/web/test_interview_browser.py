"""Browser tests (Playwright driving Debian's Chromium, as in tests/web/test_browser.py): the
emergency stop and a parent's check about their child, on a phone-sized screen."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from nape.server.app import create_app
from nape.store import Store

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-sync"]
MENINGITIS_WORDS = "Really bad headache since this morning, neck is stiff, temperature of 39, light hurts my eyes"
CHILD_WORDS = "My son, 14, has a stiff neck that he holds tilted to one side, after a sore throat last week."

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (scripts/_chromium.sh)"),
]

if CHROMIUM.exists():
    from playwright.sync_api import Browser, Page, expect, sync_playwright


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('browser15')}/nape.db")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
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
    context = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 740})
    pg = context.new_page()
    pg.set_default_timeout(60_000)  # the first start loads the language pipeline
    yield pg
    context.close()


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_an_emergency_story_goes_straight_to_the_emergency_result_with_a_call_link(page: Page) -> None:
    page.goto("/")
    page.get_by_label("Describe what's happening").fill(MENINGITIS_WORDS)
    page.get_by_role("button", name="Start").click()
    page.wait_for_url("**/result")
    expect(page.get_by_role("heading", name="Emergency: act now")).to_be_visible()
    expect(page.get_by_role("heading", name="Why we stopped asking")).to_be_visible()
    expect(page.locator(".stop-reason")).to_contain_text("meningitis")
    call = page.get_by_role("link", name="Call 999")
    expect(call).to_have_attribute("href", "tel:999")
    expect(page.get_by_role("heading", name="While you wait for help")).to_be_visible()
    assert page.locator(".unfinished").count() == 0  # nothing left to ask
    _shot(page, "issue15-emergency-stop")


def test_a_parent_about_a_child_gets_the_childs_age_and_questions_about_the_child(page: Page) -> None:
    page.goto("/")
    page.get_by_role("radio", name="Someone else").check()
    page.get_by_label("If someone else, who are they to you?").select_option("child")
    page.get_by_label("Their age in years").fill("44")  # the parent's own age, typed first
    page.get_by_label("Describe what's happening").fill(CHILD_WORDS)
    page.get_by_role("button", name="Start").click()
    page.wait_for_load_state()
    expect(page.locator("#question")).to_contain_text("How old is your son")
    page.get_by_role("button", name="14 years").click()
    page.wait_for_load_state()
    texts = []
    for _ in range(4):
        if page.url.endswith("/result"):
            break
        text = page.locator("#question").inner_text()
        texts.append(text)
        assert " you " not in f" {text} " and not text.startswith(("Do you", "Are you", "Have you")), text
        expect(page.get_by_role("link", name="See my result now")).to_be_visible()
        page.get_by_role("button", name="Don't know").click()
        page.wait_for_load_state()
    assert any("your son" in t or " he " in f" {t} " or " his " in f" {t} " for t in texts), texts
    _shot(page, "issue15-someone-else-question")
    if not page.url.endswith("/result"):
        page.get_by_role("link", name="See my result now").click()
        page.wait_for_url("**/result")
    expect(page.locator(".who-note")).to_contain_text("Your son")
    expect(page.locator(".who-note")).to_contain_text("14 years old")


def test_a_warning_sign_checklist_is_ticked_on_a_phone_and_ends_at_the_emergency(page: Page) -> None:
    page.goto("/")
    page.get_by_label("Describe what's happening").fill("Lower back spasm after gardening at the weekend.")
    page.get_by_role("button", name="Start").click()
    page.wait_for_load_state()
    expect(page.locator("#question")).to_contain_text("Tick all that apply")
    expect(page.get_by_role("button", name="None of these")).to_be_visible()
    _shot(page, "issue15-checklist")
    page.get_by_label("Numbness between the legs or around the back passage").check()
    page.get_by_role("button", name="Done: these apply").click()
    page.wait_for_url("**/result")
    expect(page.get_by_role("heading", name="Emergency: act now")).to_be_visible()
    expect(page.get_by_role("heading", name="Why we stopped asking")).to_be_visible()

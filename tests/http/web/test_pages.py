"""Every page route, server side (no browser): the flow, the result, the clinician's view, errors."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from nape import interview
from nape.assessment import assess
from nape.errors import ConflictError
from nape.knowledge.loader import default_kb
from nape.report.person import person_view
from nape.server.app import create_app
from nape.store import Store
from nape.web import ask, assessment_pages, clinician, home, view
from nape.web.pdf import clinician_pdf, latin1
from tests.http.web.conftest import (
    FEVER_STORY,
    answer_current,
    form_value,
    seed_story,
    start,
    visible_text,
    walk_to_result,
    word_count,
)

USAGE = (Path(__file__).resolve().parents[3] / "docs/usage.md").read_text()
NECK = "For two days the right side of my neck has pulled and locked for a few minutes at a time."


def test_home_has_the_form_labels_and_the_disclaimer(client: TestClient) -> None:
    html = client.get("/").text
    assert '<html lang="en">' in html and 'href="#main"' in html
    for control in ("age", "sex", "text"):
        assert f'<label for="{control}">' in html and f'id="{control}"' in html
    assert html.index('id="age"') < html.index('id="text"')  # age and sex first, then the words
    kb = default_kb().meta.triage
    assert kb.disclaimer in html and kb.emergency_advice in html


def test_pages_load_nothing_from_another_site(client: TestClient) -> None:
    link = start(client, NECK, "40")
    for path in ("/", link, f"{link}/result", f"{link}/clinician"):
        html = client.get(path).text
        assert not re.search(r'(src|href)="(https?:)?//', html), path


def test_start_redirects_to_the_first_question_a_red_flag_screen(client: TestClient) -> None:
    link = start(client, NECK, "59", "male")
    assert re.fullmatch(r"/a/[A-Za-z0-9_-]{20,}", link)
    page = client.get(link)
    assert page.status_code == 200
    assert "Why we ask:" in page.text and "<progress" in page.text
    assert re.search(r"Question 1 of up to \d+", page.text)
    assert 'name="answer" value="dont_know"' in page.text
    assert "See my result now" in page.text  # always there
    assert "Back: change my last answer" not in page.text  # nothing to take back yet


def test_answers_advance_the_progress_and_back_undoes(client: TestClient, store: Store) -> None:
    link = start(client, NECK, "59", "male")
    first = answer_current(client, link, "no")
    assert first is not None
    page = client.get(link).text
    assert "Question 2 of up to" in page and "Back: change my last answer" in page
    r = client.post(f"{link}/back", data={"step": "1"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == link
    assert form_value(client.get(link).text, "finding") == first
    assert store.get_interview(link.rsplit("/", 1)[1]).state["answers"] == []


def test_a_stale_form_sent_twice_records_one_answer(client: TestClient, store: Store) -> None:
    link = start(client, NECK)
    page = client.get(link).text
    data = {"finding": form_value(page, "finding"), "answer": "no", "step": "0"}
    client.post(f"{link}/answer", data=data)
    client.post(f"{link}/answer", data=data)
    assert len(store.get_interview(link.rsplit("/", 1)[1]).state["answers"]) == 1


def test_an_answer_saved_while_another_lands_is_kept(
    client: TestClient, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = start(client, NECK)
    iid = link.rsplit("/", 1)[1]
    page = client.get(link).text
    real_save = store.save_interview
    calls: list[int] = []

    def another_tab_saves_first(*args: Any, **kw: Any) -> Any:
        if not calls:  # another tab's answer lands between this request's read and its save
            record = store.get_interview(iid)
            other = interview.answer(interview.InterviewState.from_dict(record.state), "drooling", "no")
            real_save(iid, other.to_dict(), version=record.version)
        calls.append(1)
        return real_save(*args, **kw)

    monkeypatch.setattr(store, "save_interview", another_tab_saves_first)
    finding = form_value(page, "finding")
    client.post(f"{link}/answer", data={"finding": finding, "answer": "no", "step": "0"})
    assert [a[0] for a in store.get_interview(iid).state["answers"]] == ["drooling", finding]


def test_a_second_conflict_is_a_friendly_409(client: TestClient, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    link = start(client, NECK)
    page = client.get(link).text

    def always_conflict(*args: Any, **kw: Any) -> Any:
        raise ConflictError("the assessment was changed by another request; reload it and try again")

    monkeypatch.setattr(store, "save_interview", always_conflict)
    r = client.post(f"{link}/answer", data={"finding": form_value(page, "finding"), "answer": "no", "step": "0"})
    assert r.status_code == 409 and "E503" in r.text and "<h1>" in r.text


def test_a_bad_answer_gets_a_friendly_numbered_error(client: TestClient) -> None:
    link = start(client, NECK)
    r = client.post(f"{link}/answer", data={"finding": "purple_toes", "answer": "yes", "step": "0"})
    assert r.status_code == 422 and "E202" in r.text and "<h1>" in r.text


def test_seed_003_walks_to_dystonia_at_a_non_urgent_level(client: TestClient) -> None:
    text, age, sex = seed_story("003")
    assert (age, sex) == (59, "male")
    html = walk_to_result(client, start(client, text, str(age), sex or ""))
    causes = re.findall(r'<span class="cause-name">([^<]+)</span>', html)
    dystonia = default_kb().conditions["cervical_dystonia"].plain_name
    assert dystonia in causes[:3]
    assert "level-consultation" in html and "Emergency: act now" not in html


def test_result_puts_urgency_first_then_what_to_do_signs_causes_self_care_questions_sources(
    client: TestClient,
) -> None:
    link = start(client, NECK, "40", "female")
    html = walk_to_result(client, link, "no")
    order = [
        'class="banner',
        "What to do now",
        "Get help sooner if",
        "Likely causes",
        "Questions to take to your appointment",
        'id="sources-h"',
    ]
    positions = [html.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert re.search(r"About \d+ percent likely", html)  # screen-reader text for each bar
    assert "Keep this link to come back or show your doctor" in html and 'action="/ask"' in html
    assert default_kb().meta.triage.disclaimer in html
    assert ' style="' not in html  # no inline styles (CSP self-only)


WRY_NECK = "I woke up this morning and my neck is stuck, I can't turn my head to the left and it is painful."


def test_a_wry_neck_result_is_at_most_600_words_with_self_care_for_it(client: TestClient) -> None:
    html = walk_to_result(client, start(client, WRY_NECK, "30"), "no")
    kb = default_kb()
    assert word_count(html) <= 600, word_count(html)
    text = visible_text(html)
    assert kb.conditions["acute_torticollis"].plain_name in text
    self_care = [s.text for s in kb.conditions["acute_torticollis"].care_plan if s.kind == "self_care"]
    assert self_care and all(s in html for s in self_care)
    for phrase in ("What else have you ruled out", "idiopathic", "inflammatory markers", "Points towards", "(("):
        assert phrase not in text  # clinician wording stays on the clinician page


def _clinician_statements(cid: str) -> list[str]:
    cond = default_kb().conditions[cid]
    return [
        *(s.text for s in cond.care_plan if s.kind != "emergency"),
        *(s.text for s in cond.workup.examination),
        *(s.text for s in [*cond.workup.tests, *cond.workup.imaging]),
        *(s.text for s in cond.pitfalls),
        cond.see_whom.text,
    ]


def test_an_emergency_page_holds_only_the_emergency_first(client: TestClient) -> None:
    html = walk_to_result(client, start(client, FEVER_STORY, "22"), "no")
    kb = default_kb()
    banner = html[html.index('class="banner') : html.index("</section>")]
    assert 'role="alert"' in banner and "first-screen" in banner
    for step in kb.meta.person_page.steps.emergency_ambulance:
        assert step in banner
    for cid in kb.conditions:
        for statement in _clinician_statements(cid):
            assert statement not in html, statement  # no self-care, no clinician orders
    assert "Looking after yourself" not in html and "Questions to take" not in html


@pytest.mark.parametrize(
    ("story", "age"),
    [
        (WRY_NECK, "30"),
        ("My lower back went into spasm lifting a box two days ago and the pain goes down my left leg.", "45"),
        (FEVER_STORY, "22"),
        ("My neck has been twisting to one side since I started a new anti-sickness medicine yesterday.", "25"),
        ("Last week I fell off a ladder and now my neck hurts in the middle of the spine when I turn.", "70"),
    ],
)
def test_every_level_shows_a_timeframe_and_warning_signs(client: TestClient, story: str, age: str) -> None:
    html = walk_to_result(client, start(client, story, age), "no")
    page = default_kb().meta.person_page
    level = re.search(r'class="banner level-(\w+)', html)
    assert level
    assert page.timeframe.get(level.group(1)) in html  # type: ignore[arg-type]
    sooner = html[html.index('id="sooner-h"') :]
    assert re.search(r'<ul class="warning-signs"><li>', sooner)


LEVEL_CASES: dict[str, tuple[str | None, dict[str, bool]]] = {
    "self_care": (WRY_NECK, {}),
    "consultation": (None, {"low_back_pain": True, "pain_radiating_leg": True, "leg_numbness_tingling": True}),
    "consultation_24": (None, {"history_of_cancer": True, "night_pain": True, "low_back_pain": True}),
    "emergency": (None, {"low_back_pain": True, "bladder_dysfunction": True}),
    "emergency_ambulance": (FEVER_STORY, {}),
}


@pytest.mark.parametrize("level", list(LEVEL_CASES))
def test_each_of_the_five_levels_has_timeframe_steps_and_warning_signs(level: str) -> None:
    kb = default_kb()
    text, findings = LEVEL_CASES[level]
    a = assess(text, findings=findings, age=40)
    assert a.triage.level == level
    pv = person_view(a, kb)
    assert pv.timeframe and pv.steps and pv.reason and pv.reason.endswith(".")
    assert pv.warnings and all(g.signs for g in pv.warnings)
    if level not in kb.meta.person_page.self_care_levels:
        assert pv.self_care == []  # no self-care when the level does not allow it (never in an emergency)
    if level == "self_care":
        assert pv.self_care and all(s.kind == "self_care" for s in pv.self_care)


def test_see_my_result_early_says_the_result_may_change(client: TestClient) -> None:
    link = start(client, NECK, "40")
    answer_current(client, link, "no")
    html = client.get(f"{link}/result").text
    assert "this result may change" in html and f'href="{link}"' in html


@pytest.mark.parametrize(
    ("text", "code", "words"),
    [
        ("   ", "E204", "empty"),
        ("neck " * 5000, "E204", "limit"),
        ("\x00\x01\x02\x03\x04\x05\x06\x07 neck", "E204", "binary"),
    ],
)
def test_bad_text_shows_the_form_again_with_the_message(client: TestClient, text: str, code: str, words: str) -> None:
    r = client.post("/start", data={"text": text, "age": "33", "sex": "female"})
    assert r.status_code == 422
    assert code in r.text and words in r.text and 'role="alert"' in r.text
    assert 'value="33"' in r.text and 'value="female" selected' in r.text  # the input is kept
    assert 'aria-invalid="true"' in r.text


def test_bad_age_keeps_the_words(client: TestClient) -> None:
    r = client.post("/start", data={"text": NECK, "age": "forty"})
    assert r.status_code == 422 and "E201" in r.text and NECK in r.text


@pytest.mark.parametrize(
    ("method", "suffix"),
    [("get", ""), ("get", "/result"), ("get", "/clinician"), ("get", "/clinician.pdf"),
     ("post", "/answer"), ("post", "/back"), ("post", "/delete")],
)  # fmt: skip
def test_unknown_link_is_a_friendly_404(client: TestClient, method: str, suffix: str) -> None:
    r = client.request(method, f"/a/not-a-real-id{suffix}")
    assert r.status_code == 404 and "We could not find this assessment" in r.text and "E502" in r.text


def test_delete_asks_then_deletes_for_good(client: TestClient) -> None:
    link = start(client, NECK)
    confirm = client.post(f"{link}/delete")
    assert confirm.status_code == 200 and 'name="confirm" value="yes"' in confirm.text
    assert client.get(link).status_code == 200  # asking deletes nothing
    done = client.post(f"{link}/delete", data={"confirm": "yes"})
    assert done.status_code == 200 and "has been deleted" in done.text
    assert client.get(f"{link}/result").status_code == 404


def test_database_down_is_a_friendly_503() -> None:
    down = TestClient(create_app(Store("postgresql+psycopg://nape@127.0.0.1:1/nape")))
    for r in (down.get("/a/some-id"), down.post("/start", data={"text": NECK})):
        assert r.status_code == 503 and "We cannot reach our records" in r.text and "E501" in r.text
        assert "Traceback" not in r.text and default_kb().meta.triage.emergency_advice in r.text


def test_quick_assess_goes_straight_to_the_result(client: TestClient) -> None:
    r = client.post("/assess", data={"text": FEVER_STORY, "age": "22"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].endswith("/result")
    html = client.get(r.headers["location"]).text
    assert "your local emergency number" in html[html.index('class="banner') : html.index("</section>")]


def test_clinician_view_has_codes_screen_rules_plan_and_links(client: TestClient) -> None:
    link = start(client, "Fell off my bike, neck pain, I am 70 and my hands tingle.", "70", "male")
    for _ in range(3):
        answer_current(client, link, "no")
    html = client.get(f"{link}/clinician").text
    kb = default_kb()
    top = re.search(r'<td>1</td><th scope="row">([^<]+)</th><td>([^<]+)</td>', html)
    assert top is not None
    leading = next(c for c in kb.conditions.values() if c.name == top.group(1))
    assert top.group(2) == ", ".join(leading.icd10cm)
    assert "Red-flag screen" in html  # a 70-year-old after a fall stops at once: imaging (emergency)
    other = start(client, "stiff neck and a headache since yesterday", "25", "female")
    for _ in range(6):
        answer_current(client, other, "no")
    screen = client.get(f"{other}/clinician").text
    assert re.search(r"<td>no</td><td class=\"screen-negative\">negative</td>", screen)
    assert "Work-up and plan by cause" in html
    assert "Canadian C-Spine" in html or "canadian c spine" in html
    assert f'href="/v1/interviews/{link.rsplit("/", 1)[1]}/fhir"' in html
    assert f'href="{link}/clinician.pdf"' in html and "Examination" in html


def _no_ids_or_paths(text: str) -> None:
    kb = default_kb()
    assert not re.search(r"seeds/\d{3}_|\.txt\b", text)  # citations name works, never files
    for fid in kb.findings:
        if "_" in fid:
            assert fid not in text, fid  # findings by name, not id
    for kind in ("self_care", "emergency_ambulance", "consultation_24"):
        assert kind not in text


def test_clinician_note_and_pdf_carry_date_reference_and_names(client: TestClient) -> None:
    link = start(client, "I woke up with a stiff neck, I can't turn my head and my right hand tingles.", "59", "male")
    for _ in range(2):
        answer_current(client, link, "no")
    ref = link.rsplit("/", 1)[1][:8]
    html = client.get(f"{link}/clinician").text
    shown = visible_text(html)
    assert re.search(r"Assessed \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", shown) and f"Reference {ref}" in shown
    assert f"Knowledge base version {default_kb().meta.version}" in shown
    assert "About The person who filled it in (59 years old, male)" in shown  # the interview's words
    _no_ids_or_paths(shown)
    absent = re.search(r"Absent: ([^.]+)\.", shown)
    if absent:
        names = absent.group(1).split("; ")
        assert len(names) == len(set(names))  # each "no" once
        screened = re.findall(r'<tr><th scope="row">([^<]+)</th><td>(?:no|yes|dont know)</td>', html)
        assert not set(names) & set(screened)
    state = interview.start("I woke up with a stiff neck, I can't turn my head.", age=59, sex="male")
    case = view.clinician_case(state, interview.current(state), default_kb(), reference="ab12cd34")
    text = pdf_text(clinician_pdf(case, compress=False))
    assert "Reference: ab12cd34" in text and re.search(r"Assessed: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", text)
    assert latin1(case.leading_name) in text and "Work-up and plan:" in text
    _no_ids_or_paths(text)


def test_clinician_pdf_downloads(client: TestClient) -> None:
    link = start(client, NECK, "40")
    r = client.get(f"{link}/clinician.pdf")
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert r.content.startswith(b"%PDF") and "attachment" in r.headers["content-disposition"]


def test_pdf_text_holds_the_leading_condition_and_the_persons_words() -> None:
    words = "My neck’s locked — can’t turn it “at all” for 2–3 minutes…"
    state = interview.start(words, age=59, sex="male")
    case = view.clinician_case(state, interview.current(state), default_kb())
    data = clinician_pdf(case, compress=False)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert latin1(case.leading_name) in text
    assert "can't turn it" in text and "2-3 minutes..." in text  # typography mapped, not dropped


def pdf_text(data: bytes) -> str:
    """The text shown by an uncompressed PDF: its ``(...) Tj`` strings, wrapped lines joined."""
    shown = re.findall(rb"\((.*?)(?<!\\)\)\s*Tj", data)
    text = " ".join(s.replace(b"\\(", b"(").replace(b"\\)", b")").decode("latin-1") for s in shown)
    return re.sub(r"\s+", " ", text)


def test_latin1_maps_typography_and_keeps_every_character() -> None:
    assert latin1("“Spurling’s” — ≥ 2 × … café") == '"Spurling\'s" - >= 2 × ... café'
    assert latin1("Dvořák") == "Dvorák"  # accent dropped only where Latin-1 has no such letter
    assert latin1("✱ Ł") == "U+2731 U+0141"  # no Latin-1 form: named, never silently lost


def test_every_person_page_statement_is_knowledge_base_data() -> None:
    kb = default_kb()
    a = interview.current(interview.start(NECK, age=40))
    pv = person_view(a, kb)
    page = kb.meta.person_page
    plain = {
        *page.steps.get(pv.level),
        *page.appointment_questions,
        *(f.warning_sign for f in kb.red_flags.values() if f.warning_sign),
        *(c.plain_name for c in kb.conditions.values()),
    }
    assert all(s in plain for s in pv.steps + pv.questions)
    assert all(sign in plain for g in pv.warnings for sign in g.signs)
    assert all(c.plain in plain for c in pv.causes)
    assert all(f.warning_sign for f in kb.red_flags.values())  # every red flag has a plain sign


def test_static_files_are_served_with_a_print_stylesheet(client: TestClient) -> None:
    css = client.get("/static/nape.css")
    assert css.status_code == 200 and "@media print" in css.text
    assert client.get("/static/nape.js").status_code == 200


@pytest.mark.parametrize(
    "path", sorted({r.path for m in (home, assessment_pages, clinician, ask) for r in m.router.routes})
)
def test_every_page_route_is_in_the_usage_docs(path: str) -> None:
    assert f"`{path}`" in USAGE or f" {path}`" in USAGE


def test_ask_page_answers_with_numbered_linked_sources(client: TestClient) -> None:
    assert 'action="/ask"' in client.get("/").text  # the box is on the start page
    box = client.get("/ask")
    assert box.status_code == 200 and '<label for="ask-q">' in box.text
    r = client.get("/ask", params={"q": "Heat or ice?"})
    assert r.status_code == 200
    assert '<a class="cite" href="#cite-1">[1]</a>' in r.text and 'id="cite-1"' in r.text
    assert default_kb().meta.triage.disclaimer in r.text


def test_ask_page_empty_question_is_a_numbered_error(client: TestClient) -> None:
    r = client.get("/ask", params={"q": "   "})
    assert r.status_code == 422 and "E401" in r.text and 'role="alert"' in r.text


def test_ask_answer_text_is_escaped() -> None:
    from nape.web.ask import linked_paragraphs

    (html,) = linked_paragraphs("<b>rest</b> helps [2]")
    assert str(html) == '&lt;b&gt;rest&lt;/b&gt; helps <a class="cite" href="#cite-2">[2]</a>'


def test_a_checklist_page_is_checkboxes_in_a_plain_form_and_ticks_are_saved(client: TestClient, store: Store) -> None:
    """Works without JavaScript: one checkbox per warning sign, posted as repeated ``item`` fields."""
    link = start(client, "lower back spasm after gardening", "45", "male")
    page = client.get(link).text
    assert 'type="checkbox" name="item" value="bladder_dysfunction"' in page
    assert 'type="checkbox" name="item" value="saddle_anaesthesia"' in page
    assert 'name="answer" value="ticked"' in page and ">None of these</button>" in page
    assert 'name="answer" value="dont_know"' in page
    finding = form_value(page, "finding")
    data = {"finding": finding, "answer": "ticked", "item": ["saddle_anaesthesia", "bladder_dysfunction"], "step": "0"}
    r = client.post(f"{link}/answer", data=data, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == link
    assert store.get_interview(link.rsplit("/", 1)[1]).state["answers"] == [
        [finding, "saddle_anaesthesia,bladder_dysfunction", True]
    ]
    assert client.get(link).url.path.endswith("/result")  # the cauda equina flag ended it
    assert "Emergency: act now" in client.get(f"{link}/result").text


def test_a_checklist_with_none_ticked_moves_on(client: TestClient, store: Store) -> None:
    link = start(client, "lower back spasm after gardening", "45", "male")
    finding = form_value(client.get(link).text, "finding")
    client.post(f"{link}/answer", data={"finding": finding, "answer": "ticked", "step": "0"})  # Done, nothing ticked
    state = store.get_interview(link.rsplit("/", 1)[1]).state
    assert state["answers"] == [[finding, "none", True]]
    page = client.get(link).text
    assert "Question 2 of up to" in page and form_value(page, "finding") != finding


def test_an_emergency_department_stop_names_the_signs_that_call_an_ambulance_instead(client: TestClient) -> None:
    story = "Slipped on the ice this morning, now my mid back hurts and it is tender right over the spine bones."
    link = start(client, story, "40")
    page = client.get(link)
    assert page.url.path.endswith("/result")  # the interview asked nothing
    html = page.text
    stop = html[html.index('class="emergency-stop"') :]
    sign = default_kb().red_flags["suspected_spinal_injury"].warning_sign
    assert sign and "Call an ambulance instead if" in stop and sign in stop

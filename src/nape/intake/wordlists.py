"""Strict schema of resources/attributes.yaml: the word lists of the attribute readers
(person.py, timing.py, side.py) and the concepts that carry a site across clauses
(concepts.py). A broken file is error E110 naming the file and field."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from nape.intake.schema import load


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PersonWords(_Strict):
    male: list[str] = Field(min_length=1)
    female: list[str] = Field(min_length=1)
    other: list[str]
    # partners: "of N years" after them is how long together, not an age
    spouses: list[str] = []
    # a title before a name -> the sex it gives ("Mrs" -> female)
    titles: dict[str, Literal["male", "female"]] = {}
    young: list[str]
    newborn: list[str]
    adults: list[str]
    decades: dict[str, int]
    decade_offset: dict[str, int]
    possessives: list[str]
    tens: dict[str, int]
    units: dict[str, int]
    teens: dict[str, int]
    infant_units: dict[str, float]
    # an age in weeks after "he's"/"she's" above this many weeks is not a baby's ("she's 31
    # weeks" is a pregnancy's weeks; a baby's age is told in months by then)
    pronoun_weeks_max: int | None = None
    # a baby's age in a note's shorthand ("9/52 corrected", "infant 3/12"): a word after it that
    # makes it an age, and how many days each base is
    clinical_age_before: list[str] = []
    clinical_age_after: list[str] = []
    clinical_age_bases: dict[str, float] = {}
    # words by which writers set themselves apart from a relative they mention ("my sister got
    # numb arms ... I've just got the stiffness"): the writer is then the patient
    self_contrast: list[str] = []
    # people outside the family the writer may be asking for ("my flatmate has a fever and is
    # drowsy"); their past illness is a contact, not the patient's ("my colleague had flu")
    acquaintances: list[str] = []
    # a relative who has a complaint named within ``complaint_reach`` words is the patient
    possession_verbs: list[str] = []
    complaint_words: list[str] = []
    complaint_reach: int = Field(default=4, ge=1, le=8)
    # the writer's own words, which end the search ("my mum is worried about my neck")
    writer_words: list[str] = []


class PastEvents(_Strict):
    """Events dated in the past (intake/__init__.py ``_apply``)."""

    # findings whose meaning is a recent event: after "since" with an event dated years back
    # they are not present ("since I fell off a roof 6 years ago my shoulder is stiff")
    recent_only: list[str]
    # words that date an event after "since" years back (a year such as 2015 counts as well)
    long_ago_words: list[str]
    # a past finding becomes its history finding (maps.yaml historical_to) only when its clause
    # holds one of these words
    history_needs: dict[str, list[str]] = {}
    # a past finding whose own words (or the two words just before them: "his head injury")
    # name one of these becomes the history finding given here, before historical_to is looked
    # at: an old head injury is a past head injury, not a previous neck injury
    history_own_words: dict[str, dict[str, list[str]]] = {}


class RecurrenceWords(_Strict):
    """How often episodes come (timing.py ``read_recurrence``)."""

    # the occasions a frequency counts ("every evening", "most weekends")
    units: list[str]
    plurals: list[str]
    # counts before "a", "per", "this" and a unit ("a few times a year", "twice this week")
    counts: list[str]
    # words of an episode that comes and goes (a spasm, a flare, a lock), not a constant state
    episode_words: list[str]
    # the same complaint had before, dated right after: a verb, its object and a past time
    # ("had exactly the same three years ago", "had this before", "got it last winter")
    same_verbs: list[str] = []
    same_objects: list[str] = []
    same_when: list[str] = []
    # units of an interval within one episode ("comes and goes every 5 minutes"): no recurrence
    within_episode_units: list[str] = []
    # a count of spells within one day ("twice this morning", "three of them since lunch") is one
    # episode's course, not a complaint that has come back, unless a longer span or a word of
    # return is told in the sentence too ("again", "this year")
    same_day_spans: list[str] = []
    longer_span_words: list[str] = []
    # how often said by an adverb ("I get these often", "it locks up a lot"), read as a frequency
    # is, with an episode's word in its clause; never followed by "of" ("I get a lot of pain")
    adverbs: list[str] = []


class ClockSpanWords(_Strict):
    """Spells told by the clock (timing.py ``read_clock_spans``) and what they make of a task."""

    hour_words: dict[str, int]
    min_hours: float = Field(default=4, gt=0, le=24)
    # the finding a spell gives with a task's words in its clause, and the groups of those words
    finding: str
    task_groups: list[str]
    reach: int = Field(default=8, ge=1, le=15)
    # groups whose words within ``reach`` of the spell keep it from giving the finding
    unless_groups: list[str] = []
    # spells told by a task's pattern (timing.py ``read_clock_spans``): a count of hours, a span
    # between parts of the day, an end late at night, a whole working spell
    hour_units: list[str] = []
    hour_not_before: list[str] = []
    hour_not_after: list[str] = []
    day_marks: list[str] = []
    late_marks: list[str] = []
    late_hours: list[int] = []
    night_pattern: list[str] = []
    whole_words: list[str] = []
    whole_units: list[str] = []


class TimeWords(_Strict):
    numbers: dict[str, float]
    unit_days: dict[str, float] = {}
    # words after "or" that hedge a length ("an hour or so ago", "a week or thereabouts")
    unit_hedges: list[str] = []
    # hedges after a length ("3 year maybe", "two months more or less")
    after_hedges: list[str] = []
    # a lower bound told after a length ("eight weeks plus", "4 months+", "a fortnight or more")
    # or before its number ("for more than six weeks"): its days times ``more_factor``, so a
    # bound on a band's edge falls past it
    more_after: list[str] = []
    more_before: list[str] = []
    more_factor: float = Field(default=1.05, gt=1, lt=1.5)
    # words after a length that say it lasts till now, as "now" does ("a year already")
    now_words: list[str] = []
    # a length told as past in older English ("these three weeks past", "these two months
    # gone"), up to now only after one of ``past_tail_leads``
    past_tails: list[str] = []
    past_tail_leads: list[str] = []
    # number words that make a length only with a lead or a tail ("for some weeks", not "some
    # days it is worse")
    lead_only_numbers: list[str] = []
    not_symptom_categories: list[str]
    not_symptom_findings: list[str]
    symptom_categories: list[str]
    symptom_group_kinds: list[str]
    not_symptom_group: str
    event_groups: list[str] = []
    band_days: dict[str, float] = {}
    day_points: dict[str, float] = {}
    # parts of the day after "since" and an optional article ("since midnight", "since the
    # evening", "since this afternoon"): earlier today or last night, with days back
    since_day_parts: dict[str, float] = {}
    since_day_articles: list[str] = []
    # words of approximation between a duration's lead and its number ("over some three
    # months", "for getting on for two months", "for well over a year"); at most two of them
    approximators: list[str] = []
    # a word after a length that dates it like "ago" ("two days back"), unless a symptom's word
    # follows it (then it is the body part: "3 weeks back pain")
    ago_words: list[str] = []
    # "this neck pain is two days old": a length then "old" at a clause's end is how long the
    # complaint has gone on when one of ``old_subjects`` stands before it in its sentence and
    # none of ``old_not_subjects`` (a baby or a child "three weeks old" is an age)
    old_subjects: list[str] = []
    old_not_subjects: list[str] = []
    ago_back_not_before: list[str] = []
    # "this week" dates an onset only with one of ``week_onset_words`` in its clause and none of
    # ``week_count_words`` just before it ("it started this week"; not "twice this week")
    week_points: list[str] = []
    week_point_days: float = Field(default=3, gt=0, lt=7)
    week_onset_words: list[str] = []
    # "last week", "last month", "the week before last": days back; after "since" a length, alone
    # an onset only as "this week" is (a start or complaint word in its clause)
    past_points: dict[str, float] = {}
    # a complaint said in the present of "this week" dates it too ("my neck hurts this week")
    week_complaint_words: list[str] = []
    week_not_words: list[str] = []
    week_count_words: list[str] = []
    # times relative to an unnamed event ("the next morning", "the day after"): a recent onset,
    # read only when the text gives no other time at all
    relative_points: dict[str, float] = {}
    # "since 5am", "from 2 pm": a clock time earlier today (``clock_days`` days back)
    clock_leads: list[str] = []
    clock_suffixes: list[str] = []
    clock_days: float = Field(default=0.3, gt=0, lt=1)
    # "it started at 4am", "went weak at teatime": a clock time or a part of the day after one of
    # ``at_point_leads``, dating an onset only with a start or change word before it in its clause
    at_point_leads: list[str] = []
    at_day_parts: dict[str, float] = {}
    # "since the summer", "since Christmas": a named time of the year, [[month, day], [month, day]],
    # read against today's date; "ever since 2021": a year before today's
    year_times: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {}
    year_time_leads: list[str] = []
    year_since_reach: int = Field(default=8, ge=1, le=12)
    year_span: int = Field(default=90, ge=1)
    # a bare number of hours right after a symptom's words ("LBP 1h", "neck pain 3 hrs") is how
    # long it has gone on, unless one of these words follows it ("2 hrs a day", "1h after lifting")
    bare_hours_not_after: list[str] = []
    weekdays: list[str] = []
    since_then: list[str] = []
    post_words: list[str] = []
    clause_starts: list[str] = []
    trigger_categories: list[str] = []
    weak_forward_stops: list[str] = []
    months: dict[str, int] = {}
    month_leads: list[str] = []
    now_before: list[str] = []
    now_after: list[str] = []
    # a day of the month as the start ("on the 3rd", "since the 3rd") and as today ("it's now the
    # 14th", "today is the 14th"): the length is the days between them
    month_day_leads: list[str] = []
    month_day_now: list[str] = []
    # onset verbs right before "on the 3rd" that make it the start of the problem, governed or not
    month_day_onset: list[str] = []
    clinical_bases: dict[str, float] = {}
    nth_units: dict[str, float] = {}
    # "this is the third week", "the fourth day running": a count of units with no "of" after a
    # frame (``nth_frames``) or before a counting-on word (``nth_after``)
    nth_frames: list[str] = []
    nth_after: list[str] = []
    nth_not_before: list[str] = []
    nth_frame_max_weeks: int = Field(default=12, ge=1, le=52)
    nth_not_with: list[str] = []
    # the words after "of" that point to the complaint ("day 4 of this", "week 2 of the spasm")
    nth_of_words: list[str] = []
    ordinals: dict[str, int] = {}
    future_words: list[str] = []
    age_since: list[str] = []
    # an age in the past that dates an onset only after an onset's word ("it began when I was 30")
    age_when: list[str] = []
    # a bare length that closes the complaint's item ("ache in the lumbar region 4 wks, ..."):
    # the complaint's, when its words or site are within this many words before it (0: never)
    bare_back_reach: int = 0
    # "after" and a length with one of these in its clause: the complaint has gone on at least so
    # long ("still stiff after 10 weeks")
    after_persists: list[str] = []
    # a bare length before the complaint ("6wk mid back pain"): it counts when a symptom's or a
    # site's words follow within this many tokens (``length_history_words`` not counted), with
    # none of ``bare_forward_stops`` between and none of ``bare_not_after`` right before it
    bare_forward_reach: int = Field(default=0, ge=0, le=4)
    bare_forward_stops: list[str] = []
    bare_not_after: list[str] = []
    bare_forward_not_numbers: list[str] = []
    # a bare length that is a sentence of its own, between two of these marks ("Pain under the
    # shoulder blade. 4 months."), is the length of the symptom the sentence before ends on
    bare_alone_marks: list[str] = []
    bare_item_marks: list[str] = []
    # a weak point (no start word) that nothing governs counts as a last resort under this many
    # days; a trigger's weak point with the symptom told after it, under this many
    undated_point_max_days: float = 1.0
    trigger_point_max_days: float = 1.0
    undated_point_denials: list[str] = []
    # "just" and a past verb: a moment ago (``just_days``), unless one of ``just_not_verbs``
    just_past_verbs: list[str] = []
    just_not_verbs: list[str] = []
    just_days: float = Field(default=0.02, gt=0, lt=1)
    # hours as words after "since" ("since half nine")
    clock_word_hours: dict[str, int] = {}
    # a denial of change before a day point ("nothing new today"): no onset
    no_change_words: list[str] = []
    # ... and the narrower words that deny a change over a stretch ("no change over the past
    # month"): the stretch is no length of the complaint
    no_change_span_words: list[str] = []
    # a test's or a result's noun a day point dates ("this morning's scan", "bloods today"):
    # the test's day, not the complaint's onset
    dated_test_nouns: list[str] = []
    illness_findings: list[str] = []
    # a state told beside the complaint whose length is its own (a mood low for months): its
    # findings and word groups govern a length as a habit does
    own_length_findings: list[str] = []
    own_length_groups: list[str] = []
    # the words of a medicine's form between its name and a length ("haloperidol depot 6 yrs")
    medicine_form_words: list[str] = []
    clock_routine_words: list[str] = []
    # how many words (the complaint's side) may come between the complaint's words and the item
    # mark before a bare length, and those words; a field's label before ":" ("Duration: 5 months")
    bare_item_reach: int = Field(default=1, ge=1, le=4)
    bare_item_side_words: list[str] = []
    bare_label_words: list[str] = []
    # words right after a length that make it a history's length ("2 wk hx", "10-day history of")
    length_history_words: list[str] = []
    # words of the perfect tense before "for" and a length under half a day that make it how
    # long the problem has gone on ("has had neck pain for an hour"), not how long an episode lasts
    perfect_words: list[str] = []
    # a complaint's noun right before "for" and a length under half a day makes it how long the
    # problem has gone on ("lower back pain for 3 hrs"), not how long an episode lasts
    length_after_nouns: list[str] = []
    # a length told in minutes is how long the problem has gone on from this many days (a
    # quarter of an hour) up; under it, how long a spasm lasts
    onset_min_days: float = 0.0104
    # after a length and "of", "-ing" words that are a complaint ("3 weeks of throbbing") and
    # "-ing" words that are no activity ("of morning stiffness"); any other "-ing" word there is an
    # activity, a job or a hobby whose length is not the complaint's ("20 years of running")
    of_complaint_gerunds: list[str] = []
    of_ing_not_activity: list[str] = []
    # a body part before the "-ing" word after "of": the complaint's movement ("of neck twisting")
    of_moving_parts: list[str] = []
    # a posture or activity word right before a vague long length ("sitting for a long time"):
    # how long the posture lasts, not how long the problem has
    held_before_length: list[str] = []
    # the still postures only, which may stand a few words before the length with their place
    # between ("stood at the bus stop for ages")
    held_posture_words: list[str] = []
    # past participles of a job's, hobby's or habit's verb: "I've driven lorries for 30 years" is
    # how long the activity has gone on, not the complaint
    habit_participles: list[str] = []
    # stages of life left behind: after "since" ("since my teens", "since I was a student") the
    # trouble is years old
    life_stages: list[str] = []
    # places one's life was once spent at, only after "I was at" or "I was in" ("since I was at school")
    life_stage_places: list[str] = []
    recurrence: RecurrenceWords | None = None
    clock_span: ClockSpanWords | None = None
    # "since I was 22 (now 28)": words before or after an age that give it as the current one
    # a time that points back to the medicine just before a comma or a bracket ("takes
    # olanzapine, has done for years"): the words allowed between the mark and the time
    back_reference_words: list[str] = []
    back_reference_marks: list[str] = []
    past_events: PastEvents = PastEvents(recent_only=[], long_ago_words=[])
    # a focal deficit dated by a time under ``new_deficit_days`` days back that governs its own
    # words ("his arm went weak two hours ago", "slurred since teatime") is new: deficit_is_new
    new_deficit_findings: list[str] = []
    new_deficit_days: float = Field(default=7, gt=0, le=14)
    # words that open a clause giving the onset of the complaint listed just before it ("facial
    # droop, onset 09:30 today", "slurred speech, started this morning")
    onset_heads: list[str] = []
    # a subject ("it all", "this") before an onset head: the clause dates the complaint after it
    onset_subjects: list[str] = []


class SideWords(_Strict):
    not_after_right: list[str]
    adverb_before: list[str] = []
    adverb_enders: list[str] = []
    movement_stems: list[str] = []
    direction_words: list[str] = []
    movement_gap: int = Field(default=3, ge=0, le=6)
    thing_words: list[str] = []
    symptom_words: list[str] = []
    # parts outside the neck, the back and their limbs' symptoms: a side said of one (named
    # just after the side) is no one-sided symptom of the complaint
    other_parts: list[str] = []
    # joints of a limb whose injury is told by a thing word even with pain beside it ("the left
    # ankle is swollen and deformed and really hurts"): the injury's side
    injury_parts: list[str] = []


class CarryWords(_Strict):
    concepts: list[str]
    # a clause that opens with a contrast ("..., only in the neck", "not my back, just my neck")
    # and names a site but no concept takes these concepts of the clause just before, with its
    # own assertion: the contrast is what is there ("No ache in the upper back, only in the
    # neck" is neck pain). `contrast_group`: the concept group of the contrast words
    contrast_concepts: list[str] = []
    contrast_group: str = ""
    # concepts that take the earlier clause's site only when their own clause has no subject of
    # its own, opening (after a joining word) with a verb or "it": "my neck creaks, and has ached
    # for years" (the neck aches); "stiff neck, and bright light hurts" names a subject of its own
    subjectless_concepts: list[str] = []
    joining_words: list[str] = []
    subjectless_openers: list[str] = []
    # a clause opening with one of `elided_joins` that names a site and ends with one of
    # `elided_denials`, with no concept of its own, denies the concept of the clause before of
    # its site ("his arms are weak but his legs aren't")
    elided_denials: list[str] = []
    elided_joins: list[str] = []
    pronouns: list[str] = []
    # the pronouns that stand for a part alone (never a determiner): a pain right after one that
    # opens the sentence takes the part the sentence before named ("My mid back. It throbs.")
    pain_pronouns: list[str] = []
    # a pronoun that is the object of a movement verb ("he can't turn it") stands for the body
    # site named last before it, in its sentence or the one before, unless a thing is named
    # nearer ("the lid, I can't turn it"): a thing is a determiner and a word not listed in
    # `not_things` (the words of a direction or a time: "to one side", "in the morning")
    object_pronouns: list[str] = []
    object_verbs: list[str] = []
    determiners: list[str] = []
    not_things: list[str] = []
    # a thing named after one of these is where something happened, no object of the movement
    # ("slept on the sofa, can't turn it": "it" looks past the sofa to the part before)
    place_preps: list[str] = []
    object_reach: int = Field(default=30, ge=1, le=60)
    # the groups of the site a pronoun takes on (only those the movement rules look at: "it"
    # after "can't straighten" is not a head that aches)
    object_groups: list[str] = []


class AttributesFile(_Strict):
    person: PersonWords
    time: TimeWords
    side: SideWords
    carry: CarryWords


@cache
def attributes_file() -> AttributesFile:
    return load("attributes.yaml", AttributesFile)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so "couple of" wins over "couple"),
    grouped by first character (see :func:`grouped`)."""
    return grouped([re.escape(w) for w in sorted(words, key=len, reverse=True)])


def grouped(alternatives: Sequence[str]) -> str:
    """The regex alternatives joined in their order. When every one opens with a lower-case
    ASCII letter or a digit that is a literal on its own (no quantifier after it: the words are
    escaped), they are grouped by that character
    ("a(?:bout|round)|f(?:or|ew)"), each group keeping their order: ``re`` then passes over a
    group whose character is not the text's with one test, instead of one test per alternative.
    At a position only one group's character can match (under IGNORECASE as well: no character
    folds to two ASCII letters), so the same alternative wins."""
    if not all(a[:1].isascii() and (a[:1].islower() or a[:1].isdigit()) for a in alternatives):
        return "|".join(alternatives)
    groups: dict[str, list[str]] = {}
    for a in alternatives:
        groups.setdefault(a[0], []).append(a[1:])
    return "|".join(
        first + rests[0] if len(rests) == 1 else f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items()
    )

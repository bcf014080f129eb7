"""Strict schemas of the intake's resource files; a broken file is a numbered error (E110)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from nape.core.resources import SAFE_LOADER
from nape.errors import IntakeResourceError

RESOURCES = Path(__file__).parent / "resources"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ----------------------------------------------------------------------------- ConText rules
# PRESUPPOSED: a question or worry that takes what follows as given ("is it normal that my neck
# clicks", "how long will this spasm last"): what follows is not asked about, and a supposition
# opened before it ("should I" of "should I be worried that") does not reach it
# NOT_PERSON: an animal or a thing as the subject ("the dog has been sick all night"): what it
# does is no finding of the person's, nor of their family's
# MOMENT: an earlier moment a statement is tied to ("at first", "at the time", "on the day"): a
# denial said of that moment is no denial of now ("wasn't aching initially"), and a denial before
# it ends there ("felt nothing right after the crash": the crash is not denied)
# LATER: a later time that opens a statement of its own ("by evening", "the next morning",
# "hours later"): a denial before it ends there (session 19)
Category = Literal[
    "NEGATED_EXISTENCE",
    "HISTORICAL",
    "HYPOTHETICAL",
    "FAMILY",
    "NOT_PERSON",
    "PSEUDO",
    "TERMINATE",
    "PRESUPPOSED",
    "MOMENT",
    "LATER",
]


class ContextRule(_Strict):
    literal: str
    category: Category
    direction: Literal["FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE"]
    pattern: list[dict[str, Any]] | None = None
    max_scope: int | None = Field(default=None, ge=1, le=30)
    # a trigger that counts only where its clause ends right after it ("Fever I don't have.",
    # "neck stiffness nil"): followed by more words ("I don't have a fever") it is not this rule's
    clause_final: bool = False


class Scope(_Strict):
    forward: int = Field(ge=1, le=30)
    backward: int = Field(ge=0, le=30)


class Clauses(_Strict):
    """How a clause ends: the scope of a negation, a history or a hypothesis stops there."""

    boundary_tokens: list[str]
    # a comma ends the clause when the next word starts one ("no numbness, the pain ...")
    clause_start_after_comma: list[str]
    # ... or when the words after it, up to the next comma or "or"/"and", hold a predicate
    # ("no fever, neck stiff"): a list of findings goes on, a new statement does not
    predicate_words: list[str]
    # ... or a word with one of these endings after the item's first word ("no fever, speech
    # slurred", "no rash, vision blurred"): a participle said of the item is a predicate too
    predicate_endings: list[str] = []
    # ... or a word that dates the item ("no fever, numbness in my leg since Monday"): a denied
    # thing is not dated, a told one is
    predicate_times: list[str] = []
    list_joiners: list[str]
    # "and" or "or" followed by one of these starts a new clause ("no numbness and I can walk")
    clause_start_after_and: list[str]
    lookahead: int = Field(ge=1, le=12)
    # an "and" that opens a statement with a subject of its own and a finite verb ("my neck
    # doesn't hurt and the pain doesn't go up my arm", "my neck is fine and she says her back
    # hurts"): a concept does not compose across it. The subject is one of `statement_subjects`
    # (a determiner or possessive) before a complaint's words, or one of `statement_pronouns`; the
    # verb one of `finite_verbs` right after it
    statement_subjects: list[str] = []
    # ... only after a statement that denies or says normal what it names: one of these words
    # within `statement_reach` tokens before the "and", in its clause
    statement_denials: list[str] = []
    statement_reach: int = Field(default=8, ge=1, le=20)
    statement_pronouns: list[str] = []
    finite_verbs: list[str] = []
    # a negated verb ("won't eat", "isn't sure") denies its own phrase only: its scope ends at
    # the next comma or "and", unless one of `list_verbs` follows it within three words ("don't
    # have numbness, tingling or weakness" denies the whole list)
    verbal_negations: list[str] = []
    list_verbs: list[str] = []
    # a denial before a verb's "-ing" form ("without eating more", "without trying") denies that
    # verb's phrase only, as a negated verb does ("... without eating more, neck and shoulders ache")
    gerund_negations: list[str] = []
    # a negated verb's phrase ends, in a message run on without stops, at a word that closes its
    # clause ("couldn't grip a cup either", "can't feel my toes too") unless the word modifies the
    # next one (`runon_end_not_before`: "either leg", "too far"), or before a new complaint told
    # with its own length ("... couldnt pee properly neck ache for 4 days"): a head word
    # of `complaint_heads` with a length or a word of now after it, and site or degree words of
    # `complaint_leads` before it; an object of the verb stands between (session 19)
    runon_ends: list[str] = []
    runon_end_not_before: list[str] = []
    complaint_heads: list[str] = []
    complaint_leads: list[str] = []
    verb_objects: list[str] = []
    # a question that opens with one of `question_openers` and ends with "?" asks about what it
    # names ("Is double vision a warning sign?"): hypothetical, unless one of `owned_words` comes
    # just before the words ("Will my neck stay stiff?" still says the neck is stiff)
    question_openers: list[str] = []
    owned_words: list[str] = []
    # a relative's story ("my mum has psoriasis") ends where the writer speaks of themself
    # ("... and my back hurts"): the words after are the writer's own
    writer_words: list[str] = []
    # a denial that is the subject of its verb ("nobody in my family has had it"): its scope runs
    # over that verb to the end of the clause, where other denials stop at "has"
    subject_denials: list[str] = []
    # a form's answer: "<field><separator><answer>" with the answer alone before the end of its
    # line or clause ("Saddle numbness: no", "Fever - nil", "Weight loss = none") denies the
    # field's words, back to the start of the field (at most `form_field_max` tokens)
    form_separators: list[str] = []
    form_no_answers: list[str] = []
    form_answer_ends: list[str] = []
    form_field_max: int = Field(default=8, ge=1, le=16)
    form_normal_answers: list[str] = []
    form_function_words: list[str] = []
    # a field that names the loss of a function ("Loss of bladder control? no") is denied by "no"
    form_loss_words: list[str] = []
    # a hyphen inside a word ends a denial ("no fever-stiff neck" keeps the stiff neck) unless the
    # word before it is one of these prefixes ("never taken anti-sickness tablets" denies them)
    hyphen_prefixes: list[str] = []
    # words that may stand between a clause-final trigger and the end of its clause ("Fever I
    # haven't got at all"); and the words that make a final "no" a choice, not a denial ("radiating
    # or not")
    clause_final_fillers: list[str] = []
    clause_final_not_after: list[str] = []
    # "'s" after an animal is "is"/"has" when one of these words follows ("the dog's been ill",
    # "the cat's sick"); before any other word it marks a possessor ("the cat's litter tray")
    contraction_next_words: list[str] = []
    # site groups of concepts.yaml that are things, not body parts (a bed is a place of sleep)
    not_body_sites: list[str] = []
    # a time clause told with a plan for the future ("once it goes down my arm I'll come in", "I
    # will ring as soon as the numbness spreads"): the change it names is supposed, not said to
    # have happened. The opener starts the clause; a plan is one of `plan_words` after one of
    # `plan_subjects` in the same sentence ("when I sit it hurts" has none and stays a pattern)
    plan_openers: list[str] = []
    plan_subjects: list[str] = []
    plan_words: list[str] = []
    # answers of a self-interview ("Numb? Yes, the left foot"): the answer belongs to its question,
    # and a question so answered is not merely asked
    form_yes_answers: list[str] = []
    # answers of more words: denying ("not at all", "don't think so"), asserting ("a bit") and
    # unsure ("not sure", "dunno"; the field is then asked, not said either way)
    form_no_answer_phrases: list[str] = []
    form_yes_answer_phrases: list[str] = []
    form_unsure_answers: list[str] = []
    # a transcript's turn marks between a question and its answer ("Any fever? > no", "Numb?
    # A: nope", "Can you walk? Patient: barely"): a mark of its own (`answer_marks`) or a
    # speaker's name followed by ":" (`answer_speakers`); the answer after them is the question's
    # a field asking of an ability ("Can you turn your head?", "Able to walk:") answered "no"
    # or with a `form_barely_answers` word ("hardly", "only just") denies the ability itself
    form_ability_words: list[str] = []
    form_barely_answers: list[str] = []
    # a field naming a control kept ("Bowel control: yes") answered with a plain yes: no loss
    form_control_words: list[str] = []
    answer_marks: list[str] = []
    answer_speakers: list[str] = []
    # an answer reported in speech ("I asked her about numbness and she said no", "when I checked
    # about a fever he says not really"): a verb of asking (`speech_ask_verbs`) with its link
    # ("about", "if") opens the field, and a verb of saying (`speech_say_verbs`), after an
    # optional "and" or comma and a speaker (`speech_speakers`), stands where a form's separator
    # does: a denying answer after it denies the field
    speech_ask_verbs: list[str] = []
    speech_ask_links: list[str] = []
    speech_say_verbs: list[str] = []
    speech_speakers: list[str] = []
    # a date's past reaches no clause after "and" or a comma that says the thing lasts ("hurt it
    # years ago and my back has ached ever since", "fell two years ago, my neck still aches")
    lasting_words: list[str] = []
    # a list after a past history's heading ends at an item that opens with how long it has
    # lasted or with a word of now: that item is the current complaint, not the history
    present_item_openers: list[str] = []
    length_units: list[str] = []
    length_counts: list[str] = []
    # a past event as the subject of a verb of leaving ("the stroke years ago left her leg stiff",
    # "the op left me with numb toes"): what it left is here now, outside the event's past
    result_verbs: list[str] = []
    result_objects: list[str] = []


class ContextFile(_Strict):
    scopes: dict[Category, Scope]
    clauses: Clauses
    rules: list[ContextRule]


# ----------------------------------------------------------------------------- concepts and sites
class Group(_Strict):
    kind: Literal["concept", "site", "function", "state", "event", "modifier", "time"]
    words: list[str] = []
    includes: list[str] = []
    # a hit of this group hides the hits of these groups inside its words: "a normal colour"
    # is about the colour ("normal" says nothing of how the bladder works); "dark yellow" urine
    # is concentrated, not the "dark" of cola-coloured urine
    overrides: list[str] = []
    # the findings' own phrases that end inside this group's words are not read: "pee is dark"
    # is not dark urine when the words go on "... dark yellow"
    hides_phrases: list[str] = []
    # the findings' own phrases that take a word of this group's words are not read: "back" as a
    # direction after the head ("tilting her head back") is no body part, so "head back pain" holds
    # no "back pain"
    claims_phrases: list[str] = []
    # true: the words match their own forms only, not every form of their lemma ("was" is
    # not "is")
    exact_forms: bool = False
    # where the words come from, when a guideline gives them (a source id of the knowledge base)
    source: str = ""


class Compose(_Strict):
    """A finding read when every named group occurs in one clause, close together."""

    finding: str
    all: list[str] = Field(min_length=1)
    present: bool = True
    # present mentions of these findings overlapping this one are dropped ("pulled something
    # at the gym" is overexertion, not trauma; "bladder fine" is not bladder trouble)
    suppresses: list[str] = []
    window: int | None = Field(default=None, ge=1, le=20)
    # "none": negation, history and hypothesis do not apply ("no tetanus shot since I was a
    # kid" says the jab is out of date just as "last tetanus shot as a child" does)
    assertion: Literal["context", "none"] = "context"
    # for a rule that reads a finding absent: what its denial says. "nothing" ("bladder not
    # fine" says nothing normal); "present" ("the rash doesn't fade" is the non-blanching rash)
    when_denied: Literal["nothing", "present"] = "nothing"
    # false: the rule gives no finding and only drops what it suppresses ("can't lift my arm
    # because it hurts" is not weakness, and says nothing new of its own)
    emit: bool = True
    # true: the rule speaks only when its words are denied, and then reads the finding absent
    # ("no leg symptoms" denies leg numbness, weakness and pain; "leg symptoms" alone says
    # nothing about which)
    only_denied: bool = False
    # false: a denial of the rule's words says nothing of its finding ("no weakness down one
    # side" denies a one-sided weakness, not the weakness of both legs that "weak down one side"
    # says of the arm and leg of that side)
    deniable: bool = True
    # groups that, named within the window of the rule's first group, stop the rule: "no
    # weakness" denies weakness everywhere, "no weakness in my arms" only in the arms; "my back
    # is fine until I bend" is not a back without pain
    unless: list[str] = []
    # true: the groups may stand in neighbouring clauses of one sentence, as a test and its
    # result do in a form ("TSH: normal", "thyroid function tests, all normal")
    across_clauses: bool = False
    # true: the other groups must come after the first, in the order listed ("getting weaker",
    # "weaker than before"; not "weaker when I get up")
    ordered: bool = False
    # the groups whose words carry the assertion (all by default): "my arm went weak, never had
    # that before" denies nothing about the weakness, so the rule asserts on the weakness only
    assert_on: list[str] = []
    # true: read even inside a finding's own phrase ("both feet are numb" is burning feet and also
    # numbness in both legs)
    alongside_phrases: bool = False
    # "sentence": the groups may be in different clauses of one sentence ("my arm went weak,
    # never had anything like it"); "two_sentences": in one sentence or the next, for a pattern
    # told as a story ("My legs go heavy when I walk to the shops. Leaning on the trolley helps.")
    scope: Literal["clause", "sentence", "two_sentences"] = "clause"
    # the rule speaks only for a person of at least this age, when the text gives an age (a
    # low-energy fall or lift matters for the bones from older age on)
    min_age: int | None = Field(default=None, ge=0, le=120)
    # the rule speaks only when a word of one of these groups stands somewhere in the text: a
    # setting the words mean something only in ("no bleeding", "some spotting" are the vagina's
    # in a pregnant person's message; after a fall or with a nosebleed they are not)
    in_text: list[str] = []
    # true: the finding names a past episode ("numb legs for weeks a few years ago that
    # settled"): said in the past, it still stands (a denial, a supposition or another person's
    # still apply)
    past_ok: bool = False
    # a default reading that yields to the rest of the story: the finding is read (in the rule's
    # context) unless it is read absent in other words anywhere in the text; and when one of
    # these findings is read present anywhere in the text, it is read absent instead ("rear-ended
    # at a roundabout" is a simple rear-end collision; told with a rollover or a speed of 70 mph,
    # a dangerous mechanism, it is not simple: Canadian C-Spine Rule)
    yields_to: list[str] = []
    note: str = ""


class Truncation(_Strict):
    """Clinical words cut short ("bilat", "paraesth."): a token of at least ``min_length``
    letters that is no word of any phrase and no English word (the lemma table's, or one more
    common than ``word_log_prob``) is read as the lexicon word it begins, when every lexicon
    word it begins is a form of one word: they share all but at most ``max_tail`` letters of
    the shortest and at least ``min_common`` letters ("diff" begins "diffuse" and "difficulty",
    which share only four). A name (a word written with a capital in the phrases: "Adams") is
    never a candidate. Prefixes in ``never`` are left alone, whatever the lexicon holds."""

    min_length: int = Field(ge=3, le=8)
    max_tail: int = Field(ge=0, le=5)
    min_common: int = Field(ge=4, le=10)
    # a token more common than this (natural log of its frequency in spaCy's English word
    # list) is a word of its own ("here", "stan"), never a cut-short one
    word_log_prob: float = Field(ge=-25, le=-5)
    never: list[str] = []


class QualifiedSite(_Strict):
    """A site narrowed by a word before it: "low in my back" is the low back, "high up in his
    back" the upper back. The qualifier's words, then at most ``gap`` linking words, then the
    site's words read as one hit of ``gives``; the bare site inside is consumed (not read)."""

    qualifier: str
    site: str
    gives: str
    links: list[str] = []
    gap: int = Field(default=3, ge=0, le=5)


class ListResult(_Strict):
    """A coordinated list of examination words with one result at its end ("power, sensation
    and reflexes normal"): each item of the list takes the result's groups, as if said after it."""

    items: list[str] = Field(min_length=1)
    results: list[str] = Field(min_length=1)
    joiners: list[str]
    # words between the last item and its result ("power and tone are normal")
    links: list[str] = []
    # result words said before the list instead ("full power and sensation in both legs"): such a
    # word right before the first item is the result of every item after it too
    leads: list[str] = []


class ConceptFile(_Strict):
    window: int = Field(ge=1, le=20)
    fuzzy: dict[str, int]
    truncation: Truncation | None = None
    lemma_exact: list[str]
    groups: dict[str, Group]
    compose: list[Compose]
    qualified_sites: list[QualifiedSite] = []
    list_result: ListResult | None = None
    # normal words that, said after an item and before a comma or semicolon ("bowels fine, lost
    # weight"), are that item's: a normal reading of a later subject never takes them
    item_normals: list[str] = []

    @model_validator(mode="after")
    def _names(self) -> ConceptFile:
        for name, g in self.groups.items():
            for inc in [*g.includes, *g.overrides]:
                if inc not in self.groups:
                    raise ValueError(f"group {name!r} names unknown group {inc!r}")
        for q in self.qualified_sites:
            for gname in (q.qualifier, q.site, q.gives):
                if gname not in self.groups:
                    raise ValueError(f"qualified site names unknown group {gname!r}")
            # a modifier may be narrowed too ("up to the ankles": how far a numbness reaches); it
            # then gives a modifier, which no concept takes as its site
            kinds = {self.groups[q.site].kind, self.groups[q.gives].kind}
            if kinds not in ({"site"}, {"modifier"}):
                raise ValueError(f"qualified site {q.gives!r}: its site and what it gives must be sites (or modifiers)")
        if self.list_result is not None:
            for gname in [*self.list_result.items, *self.list_result.results]:
                if gname not in self.groups:
                    raise ValueError(f"list_result names unknown group {gname!r}")
        for c in self.compose:
            for gname in [*c.all, *c.unless, *c.in_text]:
                if gname.startswith("drug:") and gname in c.in_text:
                    continue  # a medicine's class (drugs.yaml) named in the text: a setting
                if gname not in self.groups:
                    raise ValueError(f"compose rule for {c.finding!r} names unknown group {gname!r}")
            for gname in c.assert_on:
                if gname not in c.all:
                    raise ValueError(f"compose rule for {c.finding!r} asserts on {gname!r}, not one of its groups")
        return self


# ----------------------------------------------------------------------------- numbers
class Temperature(_Strict):
    fever_at_or_above_c: float
    plausible_c: tuple[float, float]
    plausible_f: tuple[float, float]
    words: list[str]
    window: int = Field(ge=1, le=8)
    # a number with one decimal and no unit in these ranges is a temperature ("vomited, 38.8 and
    # he hates the light"), unless a measure's name stands just before it or a unit just after
    bare_c: tuple[float, float] | None = None
    bare_f: tuple[float, float] | None = None
    not_before: list[str] = []
    not_after: list[str] = []
    # the air's temperature, not the body's: a reading with one of these words (or two-word
    # phrases) within ``air_window`` tokens in its sentence ("33C in the shade", "it was 30
    # degrees outside") is the weather or a room, read neither as a fever nor as none
    air_words: list[str] = []
    air_window: int = Field(default=5, ge=1, le=10)
    # words naming the body's temperature only: a reading just after one of these is the body's
    # whatever the weather ("scorching at the beach, now febrile 38.6")
    body_words: list[str] = []
    # a reading with a unit and no temperature word below this is not a body's ("35C today,
    # sweated buckets" is the day; a low body temperature is written with its name)
    unnamed_min_c: float | None = None
    # a hot air temperature (from ``hot_air_c`` up to ``hot_air_max_c``) said with work, sport or
    # other effort in its sentence is heat exposure with exertion ("working all day in 35C
    # heat"); a degree word with "in" before it or an air word near it is the air's, not a fever
    hot_air_c: float | None = None
    hot_air_max_c: float = 60.0
    hot_air_leads: list[str] = []
    exertion_words: list[str] = []
    # sweat said in the sentence: effort enough beside a hot air reading ("at 33 degrees, soaked
    # in sweat"), and what makes bare degrees after a lead the air's (below ``unnamed_min_c``:
    # a body's heat is no sweat's setting here)
    sweat_words: list[str] = []
    exertion_finding: str | None = None
    # the prepositions that put a reading on where a person works or exerts themselves ("twelve-
    # hour shifts at 39C", "harvesting in 37C"): with effort in its sentence it is that place's air,
    # not the body's; one of ``place_lead_person`` just before the preposition makes the person
    # the one at that heat ("he's at 38.6C after football" is a fever)
    place_leads: list[str] = []
    place_lead_person: list[str] = []
    # bare degrees above any living body's heat (``plausible_c``'s top) are the air's, with effort
    # in the sentence heat exposure, unless one of these words (or two-word phrases) of an angle is
    # in the sentence ("rotation 50 degrees", "flexed to 60 deg")
    angle_words: list[str] = []


class Lab(_Strict):
    names: list[str] = Field(min_length=1)
    low: float | None = None
    high: float | None = None
    # a value outside the range gives this finding present; inside, absent
    finding_low: str | None = None
    finding_high: str | None = None
    unit: str
    source: str
    # another unit's values, with the factor that turns them into ``unit`` ("g/L" -> g/dL)
    alt_scale: list[tuple[float, float, float]] = []
    # the values (in ``unit``, after ``alt_scale``) a body can have: a number outside them is not
    # this test's value ("prostate ca treated 2018" names a year, not a calcium of 2018)
    plausible: tuple[float, float] | None = None


class Gestation(_Strict):
    """Weeks of pregnancy: "32 weeks pregnant", "34/40", "38+2/40", "pregnant at 26 wks"."""

    unit_words: list[str]
    # a number of weeks counts as a gestation only with one of these just after or before it
    pregnancy_words: list[str]
    plausible_weeks: tuple[int, int]
    later_from_weeks: int
    term_from_weeks: int
    source: str
    # words of a rough count between a pregnancy word and its weeks ("pregnant (approx 22 wks)"),
    # passed over when looking for the pregnancy word before the count
    approx_words: list[str] = []
    # months of pregnancy ("six months pregnant", "in her seventh month of pregnancy"): a number
    # of months, or the month one is in (an ordinal), turned into weeks
    month_words: list[str] = []
    weeks_per_month: float = Field(default=4.35, gt=0)
    # number words and ordinals up to nine, with their values
    number_words: dict[str, int] = {}
    ordinal_words: dict[str, int] = {}
    # weeks said of the person with no pregnancy word beside them (numbers.yaml explains)
    bare_weeks: tuple[int, int] | None = None
    bare_min_age: int = Field(default=12, ge=0)
    self_frames: list[str] = []
    # a word before the number (after its adverbs) that names a pregnant person by her obstetric
    # history, as a pattern over the whole word in lower case ("G2P1 at 24 wks", "primip 30 weeks")
    code_frames: list[str] = []
    pronoun_frames: list[str] = []
    past_frames: list[str] = []
    frame_adverbs: list[str] = []
    duration_before: list[str] = []
    follow_words: list[str] = []
    with_determiners: list[str] = []
    with_counts: list[str] = []
    context_words: list[str] = []
    context_group: str | None = None
    bare_week_min_alone: int = Field(default=13, ge=1)
    duration_after: list[str] = []
    duration_after_window: int = Field(default=4, ge=1, le=8)
    duration_next: list[str] = []
    week_words: list[str] = []
    max_days: int = Field(default=6, ge=0, le=6)


class FallCount(_Strict):
    """Falls counted over a period ("three falls in the last 6 months", "fallen 5 times since
    Christmas"): over ``history_over_days`` a history of falling, whose words read no injury now
    unless the sentence dates a fall within days (numbers.yaml ``fall_count``)."""

    fall_nouns: list[str] = Field(min_length=1)
    fall_verbs: list[str] = []
    verb_fillers: list[str] = []
    repeat_words: list[str] = []
    times_words: list[str] = []
    counts: dict[str, float] = {}
    period_leads: list[str] = Field(min_length=1)
    period_fillers: list[str] = []
    units: dict[str, float] = Field(min_length=1)
    # the number after a slash ("3/12") -> days per unit
    slash_units: dict[str, float] = {}
    window: int = Field(default=8, ge=2, le=12)
    history_over_days: float = Field(gt=0)
    recent_words: list[str] = []
    not_findings: list[str] = Field(min_length=1)


class Alcohol(_Strict):
    """Units of alcohol a week read against the low-risk limit (a cited source)."""

    limit_units_per_week: float = Field(gt=0)
    unit_words: list[str] = Field(min_length=1)
    # the period a number of units is given for, with how many of them make a week
    period_words: dict[str, int]
    linking_words: list[str] = []
    alcohol_words: list[str] = Field(min_length=1)
    window: int = Field(ge=1, le=8)
    source: str
    # drinks counted by their measure ("8 pints on a Saturday", "6 cans a day"): the least
    # units one measure holds, count words, and the words that name a drinking session in a week
    # (a weekday, the weekend); read only when the week's units go over the limit
    measure_units: dict[str, float] = {}
    count_words: dict[str, int] = {}
    session_words: dict[str, int] = {}
    # a bottle by what it holds ("bottles of red"), the least units of one
    bottle_units: dict[str, float] = {}
    bottle_words: list[str] = []
    # measures that count only with a drink named after "of" ("two glasses of wine"; "a glass of
    # milk", "three shots of espresso" are no drink), and words of a measure's size that multiply
    # it ("large glasses", "double vodkas")
    drink_named_measures: list[str] = []
    size_words: dict[str, float] = {}
    measure_source: str = ""


class Speed(_Strict):
    """A crash's speed: below the high-speed threshold, "at 20 mph" says the crash was not a
    high-energy one, and the speed word takes no dangerous mechanism with it."""

    # unit word (tokens joined) -> km/h per unit
    units: dict[str, float]
    high_at_or_above_kmh: float
    # words of a two-wheeler or its rider: a speed in their sentence takes nothing away (a bike
    # crash is a dangerous mechanism at any speed)
    not_with: list[str] = []
    source: str


class FallHeight(_Strict):
    """A fall's height or count of stairs ("fell about 2 feet off a stool", "down 3 steps"):
    below the threshold the fall is no dangerous mechanism, whatever its height word says; at
    or above it, a fall told by its height alone ("fell 6 feet") is one."""

    # unit word (tokens joined by a space) -> metres per unit
    units: dict[str, float] = Field(min_length=1)
    stair_words: list[str] = Field(min_length=1)
    # capital letters that, joined to a number ("72M"), are an age and sex, not a unit
    age_sex_letters: list[str] = []
    # words that say the count or height ("two", "a few", "half")
    count_words: dict[str, float] = {}
    # words that may stand between the number and its unit ("3-foot", "half a metre", "a couple of steps")
    fillers: list[str] = []
    # counts that stand only after a word of size ("about a foot"; "hurt a foot" is none)
    weak_counts: list[str] = []
    approx_words: list[str] = []
    fall_words: list[str] = Field(min_length=1)
    # words that name one step at the end of a flight ("off the last step", "the bottom stair"):
    # a count of one, with a stair word only, and not in a sentence that names a thing climbed
    # (`end_step_not_with`: the last step of a ladder may be its top)
    end_step_words: list[str] = []
    end_step_not_with: list[str] = []
    # how many tokens before the number (or after its unit) a fall word may stand
    window: int = Field(default=6, ge=1, le=12)
    dangerous_at_or_above_m: float = Field(gt=0)
    dangerous_at_or_above_stairs: int = Field(ge=1)
    source: str


class StiffnessLength(_Strict):
    """How long stiffness lasts in the morning ("AM stiffness 10 min", "stiff for 2 hours every
    morning"): longer than the threshold is the long (inflammatory) form, shorter is not."""

    finding: str
    long_over_minutes: float = Field(gt=0)
    stiffness_words: list[str] = Field(min_length=1)
    morning_words: list[str] = Field(min_length=1)
    # short forms of the morning read only before a stiffness word or in capitals ("AM
    # stiffness"; not "I am stiff")
    morning_abbreviations: list[str] = []
    # unit word -> minutes per unit
    unit_minutes: dict[str, float] = Field(min_length=1)
    # number words with their values; `fraction_words` scale the number after them ("half an hour")
    number_words: dict[str, float] = {}
    fraction_words: dict[str, float] = {}
    # words before the number that make it an upper bound ("under 20 minutes") or a lower bound
    # ("over 10 minutes"): a bound that does not settle the side of the threshold reads nothing
    less_words: list[str] = []
    more_words: list[str] = []
    # words after the length that make it something else ("20 minutes ago", "8 hours of sleep")
    not_after: list[str] = []
    window: int = Field(ge=1, le=12)
    source: str
    # a short form that says both stiffness and the morning ("EMS 2 hrs"), read in capitals with
    # its length within `combined_reach` tokens after it and none of `combined_not` in its
    # sentence (EMS is the ambulance service too)
    combined_words: list[str] = []
    combined_reach: int = Field(default=3, ge=1, le=6)
    combined_not: list[str] = []
    # stiffness that lasts "until" a time of day after the morning ("till lunchtime", "until
    # midday") is long; "until" and a length ("until I've been up a couple of hours") is that long
    until_words: list[str] = []
    clock_ends: list[str] = []
    until_reach: int = Field(default=8, ge=1, le=12)
    # words between the stiffness and the "until" that start another clause ("stiff every
    # morning and I work until lunchtime")
    until_breaks: list[str] = []
    # the time it takes to loosen up or get going says the stiffness without its word ("takes
    # two hours to loosen up when I get up"): these count as stiffness words, unless a word of
    # `loosen_not` (a pain, a medicine) stands in the sentence, whose easing is another thing
    loosen_words: list[str] = []
    loosen_not: list[str] = []
    # how near a `loosen_not` word must stand to the loosening to make it another thing's
    # ("the ache takes an hour to ease"; not "stiffness and pain every morning, two hours it takes
    # to loosen", where the pain is one more of the morning's complaints) (0: the whole sentence)
    loosen_not_reach: int = Field(default=0, ge=0, le=16)
    # a long time told without a count ("stiff for ages first thing", "in the morning a long time
    # stiff"): long, when the stiffness and the morning stand within the window with no comma or
    # clause break between the words and the morning (not "stiff for ages, worst first thing",
    # where the time is the complaint's)
    long_words: list[str] = []
    # how far before the length a stiffness word may stand when a morning word is within the
    # window of the length: the stiffness named first with its sites listed ("stiffness across
    # both shoulders and both hips, worst first thing for about an hour") (0: `window`)
    stiff_reach: int = Field(default=0, ge=0, le=20)
    # how far a loosening word and the morning word may stand from the length: the time to
    # loosen is told around the length ("it takes an hour after I get out of bed before it
    # loosens"), further than a stiffness word and its length (0: `window`)
    loosen_reach: int = Field(default=0, ge=0, le=16)


class VaccineCover(_Strict):
    """When the last jab was, read against today's date and a cited interval of cover."""

    finding: str
    cover_years: float = Field(gt=0)
    vaccine_words: list[str] = Field(min_length=1)
    generic_words: list[str] = []
    near: int = Field(ge=1, le=20)
    window: int = Field(ge=1, le=12)
    stops: list[str] = []
    year_span: int = Field(ge=1, le=120)
    unit_years: dict[str, float] = Field(min_length=1)
    number_words: dict[str, float] = {}
    ago_words: list[str] = Field(min_length=1)
    fixed_points: dict[str, float] = {}
    source: str


class Rotation(_Strict):
    """Head rotation in degrees ("rotation 60 deg bilat", "rotates 70 each way", "R 30, L 60"):
    at or above the threshold to both sides the finding is present; below it to either side it
    is absent. One side's angle alone says nothing of the other."""

    finding: str
    at_or_above_degrees: float = Field(gt=0)
    max_degrees: float = Field(gt=0)
    # words of turning that name the neck's rotation by themselves, and words of turning that
    # need the head or neck named near them ("turns his head 80 degrees to either side")
    rotation_words: list[str] = Field(min_length=1)
    turn_words: list[str] = []
    head_words: list[str] = []
    # a turning word with no head named reads an angle when the angle is in degrees and said of
    # both sides ("turns 70 degrees both ways": only the neck is measured so in these notes)
    bare_turn_both_in_degrees: bool = False
    # a joint or region named just before the rotation word makes it that joint's ("shoulder
    # external rotation 30 degrees", "lumbar rotation")
    other_parts: list[str] = []
    degree_words: list[str] = Field(min_length=1)
    # words (joined phrases of up to three words) that say both sides, and words of one side
    both_words: list[str] = []
    side_words: list[str] = []
    # before a number: an upper bound ("< 45", "less than 30") or a lower bound ("over 60")
    less_words: list[str] = []
    more_words: list[str] = []
    # after a number: a time, a count or a score, not an angle ("2 days", "8 out of 10")
    not_after: list[str] = []
    window: int = Field(ge=1, le=12)
    source: str


class LegRaise(_Strict):
    """The straight-leg raise told by its angle ("SLR 85 degrees both sides, no pain"): a leg
    raised at or past ``negative_from_degrees`` with no word of a positive result is a negative
    test; a lower angle, or a positive word near it, is left to the test's own phrases."""

    finding: str
    negative_from_degrees: float = Field(gt=0)
    max_degrees: float = Field(gt=0)
    # the test's names (each a phrase, tokenised like the text)
    names: list[str] = Field(min_length=1)
    degree_words: list[str] = Field(min_length=1)
    # a side's word before a bare number makes it that leg's angle ("SLR R 80 L 45")
    side_words: list[str] = []
    # words that make the result a positive one, or say nothing of it, near the name or angle
    positive_words: list[str] = []
    # after a number: a time, a count or a score, not an angle
    not_after: list[str] = []
    window: int = Field(ge=1, le=14)
    source: str


class ComaScale(_Strict):
    """The Glasgow Coma Scale as a number ("GCS 14/15", "GCS of 12", "E4V5M6"): the full score
    gives ``finding`` absent, any lower one present."""

    names: list[str] = Field(min_length=1)
    # words allowed between the name and its score ("GCS of 12", "GCS was 13")
    between: list[str] = []
    full: int = Field(ge=3, le=15)
    lowest: int = Field(ge=1, le=15)
    # the highest score of each component: eye opening, verbal response, motor response
    eye: int = Field(ge=1, le=6)
    verbal: int = Field(ge=1, le=6)
    motor: int = Field(ge=1, le=6)
    finding: str
    source: str


class WeightChange(_Strict):
    """A change of weight told by its amount ("put on half a stone", "down 5 kg"); numbers.yaml
    ``weight_change`` explains each list."""

    gain_words: list[str] = Field(min_length=1)
    loss_words: list[str] = Field(min_length=1)
    weak_words: list[str] = []
    weak_frames: list[str] = []
    money_words: list[str] = []
    amount_leads: list[str] = []
    unit_kg: dict[str, float] = Field(min_length=1)
    number_words: dict[str, float] = {}
    fraction_words: dict[str, float] = {}
    min_kg: float = Field(default=2, ge=0)
    not_after: list[str] = []
    intent_words: list[str] = []
    intent_denials: list[str] = []
    intent_denial_reach: int = Field(default=3, ge=1, le=6)
    unexplained_words: list[str] = []
    young_words: list[str] = []
    growth_under_age: int = Field(default=5, ge=0)
    not_findings: list[str] = []
    weight_words: list[str] = []
    compare_from: list[str] = []
    compare_to: list[str] = []
    compare_now: list[str] = []
    compare_leads: list[str] = []
    compare_not_units: list[str] = []
    body_kg: tuple[float, float] = (20, 350)
    window: int = Field(default=3, ge=1, le=6)
    source: str


class ArmPressure(_Strict):
    """Blood pressure taken in both arms ("BP R arm 180/100, L arm 135/80"): a systolic
    difference above ``over_mmhg`` gives ``finding`` present, one at or below it absent."""

    finding: str
    over_mmhg: float = Field(gt=0)
    right_words: list[str] = Field(min_length=1)
    left_words: list[str] = Field(min_length=1)
    # how many tokens either side of a reading its arm's word may stand
    reach: int = Field(default=3, ge=1, le=6)
    plausible_systolic: tuple[float, float] = (50.0, 300.0)
    # words not counted in that distance ("right arm 150/90": the side is next to the reading)
    arm_nouns: list[str] = []
    # a single number read as a systolic pressure when one of these stands in its sentence
    # ("pressure 170 in the right arm, 135 in the left"); without them a bare number is not one
    pressure_words: list[str] = []


class MouthOpening(_Strict):
    """The mouth's opening measured ("opens 15 mm", "only a finger's width", "three fingers
    fit"): at or below ``at_most_mm`` gives ``finding`` present, at or above ``normal_from_mm``
    absent, between them nothing."""

    finding: str
    at_most_mm: float = Field(gt=0)
    normal_from_mm: float = Field(gt=0)
    finger_mm: float = Field(gt=0)
    mouth_words: list[str] = Field(min_length=1)
    # an opening word must stand near too ("opens", "fit", "get ... in"): "a 2 cm cut" is no opening
    open_words: list[str] = Field(min_length=1)
    finger_words: list[str] = Field(min_length=1)
    counts: dict[str, float] = {}
    units_mm: dict[str, float] = {}
    window: int = Field(default=8, ge=1, le=12)
    source: str


class LoadWeight(_Strict):
    """A load told by its weight ("a 30 kg crate", "bales of 40 kilos", "a three-stone sack"):
    at or over ``min_kg`` with a load's noun near it, ``finding`` present. The units and number
    words are ``weight_change``'s."""

    finding: str
    min_kg: float = Field(gt=0)
    load_nouns: list[str] = Field(min_length=1)
    # after "of" right behind the unit, these are the body's ("20 kg of weight"), not a load
    body_words: list[str] = []
    before_reach: int = Field(default=6, ge=1, le=10)
    after_reach: int = Field(default=3, ge=1, le=6)
    source: str


class Residual(_Strict):
    """A bladder's volume left after voiding or found on a bladder scan, read against cited
    thresholds: at or over ``retention_from_ml`` retention, at or under ``normal_up_to_ml`` a
    bladder that empties (only from words that name a residual or a scan); between, nothing."""

    finding: str
    retention_from_ml: float = Field(gt=0)
    normal_up_to_ml: float = Field(ge=0)
    # a volume's unit and the millilitres in one ("ml", "cc", "L")
    volume_units: dict[str, float] = Field(min_length=1)
    # words naming the residual or the scan (one word, or a few with spaces between)
    residual_words: list[str] = Field(min_length=1)
    # words naming a full bladder drained or retained: a large volume only
    drained_words: list[str] = []
    # tokens before the number, and after its unit, a residual word may stand at
    window: int = Field(ge=1, le=8)
    after_window: int = Field(ge=0, le=4)
    source: str


class VomitCount(_Strict):
    """Vomiting told by a count ("vomited x4", "3x vomits", "sick 5 times"): at or over
    ``min_count`` the vomiting is repeated, a loss of fluid (``finding``)."""

    finding: str
    min_count: int = Field(ge=2, le=20)
    vomit_words: list[str] = Field(min_length=1)
    times_words: list[str] = Field(min_length=1)
    count_words: dict[str, int] = {}
    # tokens between the vomit word and its count, either way
    window: int = Field(ge=0, le=4)
    source: str


class NumbersFile(_Strict):
    temperature: Temperature
    labs: dict[str, Lab]
    window: int = Field(ge=1, le=6)
    # a number followed by one of these is a time or a count, not a test's value ("breast ca 3
    # years ago")
    lab_not_after: list[str] = []
    gestation: Gestation | None = None
    speed: Speed | None = None
    fall_height: FallHeight | None = None
    fall_count: FallCount | None = None
    alcohol: Alcohol | None = None
    residual: Residual | None = None
    vomit_count: VomitCount | None = None
    stiffness_length: StiffnessLength | None = None
    vaccine_cover: VaccineCover | None = None
    rotation: Rotation | None = None
    leg_raise: LegRaise | None = None
    coma_scale: ComaScale | None = None
    weight_change: WeightChange | None = None
    arm_pressure: ArmPressure | None = None
    mouth_opening: MouthOpening | None = None
    load_weight: LoadWeight | None = None


# ----------------------------------------------------------------------------- maps
class GenericWord(_Strict):
    words: list[str] = Field(min_length=1)
    arm: str
    leg: str


class RelativeSubjects(_Strict):
    """A relative as the subject of a condition's words ("Mother has psoriasis")."""

    relatives: list[str] = Field(min_length=1)
    verbs: list[str] = Field(min_length=1)
    stops: list[str] = []
    reach: int = Field(ge=1, le=10)
    # a naming clause after the relative's ("my cousin had this, they called it dystonia"): the
    # name is the relative's condition, so a naming word lengthens the look-back by naming_reach
    naming: list[str] = []
    naming_reach: int = Field(default=0, ge=0, le=10)
    # a relative who has a symptom now (a present verb of having, no past one) is the patient
    present_verbs: list[str] = []
    past_verbs: list[str] = []
    # how far back the relative may stand: over a list of their symptoms ("has a droopy face and
    # slurred speech"), as far as a relative's story reaches (context_rules.yaml FAMILY forward)
    present_reach: int = Field(default=10, ge=1, le=12)
    # "'s" is a verb of having only before one of these ("Mum's got", "Dad's been")
    clitic_next: list[str] = []
    # the writer's own body or complaint: "my" before one of writer_body_words, or a word of
    # writer_own ("mine") anywhere; the relative's symptom is then theirs alone
    writer_body_words: list[str] = []
    writer_own: list[str] = []


class BriefEpisode(_Strict):
    """A brief episode said in a sentence naming something other than a spasm (and no spasm)
    is that thing's length; ``pattern`` findings (an onset, a length, a side) name no subject."""

    findings: list[str] = Field(min_length=1)
    spasm: list[str] = Field(min_length=1)
    pattern: list[str] = []


class LongStanding(_Strict):
    """Findings of a recent start that words of long or unchanged use deny, within ``reach``
    tokens in their own sentence."""

    findings: list[str]
    words: list[str]
    reach: int = Field(default=12, ge=1, le=20)
    # a start told as recent in its own clause ("..., recently started sertraline", "... and was
    # newly put on X"): the long use said in another clause is another medicine's
    recent_words: list[str] = []
    clause_marks: list[str] = []


class RegionFallback(_Strict):
    pain_words: list[str]
    regions: dict[str, list[str]]


class DeniedSpread(_Strict):
    """A spread of pain denied with no limb named ("nil radiation", "no radiation, PU normal"):
    the spreading finding of the story's region is absent. ``regions``: per spreading finding,
    the findings read present that place the story in its region (a neck story's pain spreads
    to an arm, a low back story's to a leg)."""

    group: str
    limb_groups: list[str] = Field(min_length=1)
    # words after the spread word that make it something else ("no radiation therapy")
    not_before: list[str] = []
    regions: dict[str, list[str]]


class SiteBound(_Strict):
    """A finding whose own phrases may leave its site unsaid ("cramps at night" are the legs'):
    such a phrase is not read in a clause naming a site of ``other`` and none of ``own`` (concept
    groups)."""

    own: str
    other: str
    # words that name muscles in general: a phrase holding one is the finding's wherever it is
    # ("muscle cramps in my back and neck": cramps "elsewhere" are in the finding's meaning)
    general: list[str] = []


class Withdrawn(_Strict):
    """A finding told first as said or queried at an earlier moment ("initially reported", "at
    first said", a note's "?") and then found otherwise on a second look ("on re-examination
    power normal"): the later statement, absent, is the reading. ``earlier`` words must come
    before the present mention in its sentence (within ``reach`` characters), ``recheck`` words
    in the sentence of the later denial."""

    earlier: list[str] = Field(min_length=1)
    recheck: list[str] = Field(min_length=1)
    reach: int = Field(default=40, ge=5, le=120)


class RiskGate(_Strict):
    """A finding whose meaning holds a person at risk: read present only when the person is at
    least ``min_age`` (or of unknown age) or one of ``or_findings`` is read present too."""

    min_age: int = Field(ge=0, le=120)
    or_findings: list[str] = []


class OnsetModifier(_Strict):
    """An onset word standing before a symptom's words as their modifier ("a sudden, crushing
    feeling in the chest", "abrupt ripping pain"): the onset finding is read with the symptom,
    whatever more specific reading the symptom's words have. Only adjectives and commas may stand
    between (at most ``reach`` tokens); a word of the ``not_before`` group after the onset word
    makes it another thing's ("sudden movements")."""

    words: list[str] = Field(min_length=1)
    finding: str
    reach: int = Field(ge=1, le=6)
    not_before: str = ""
    # words after a ``not_before`` word that make it the symptom's measure: "a sudden jolt of pain"
    measure_links: list[str] = []


class PairWords(_Strict):
    """Words that count a pair of limbs ("both", "each"). Before a limb word they read as a
    possessive does, so a limb's phrases are found through them ("pain down both arms" as "down
    my arms"); those of ``both_limbs`` also say both limbs, so a leg's finding read through one
    is the composite of both legs as well (``composite_phrases``): "aching down each leg"."""

    possessive: list[str] = Field(min_length=1)
    both_limbs: list[str] = []


class FamilySame(_Strict):
    """The person's own complaint said to be a relative's too ("my aunt had the same thing",
    "it runs in the family"): the family-history finding of what the complaint suggests."""

    # a complaint finding read present -> the family-history finding it stands for
    findings: dict[str, str] = Field(min_length=1)
    # words saying the relative's trouble is the person's own: "the same", "similar"
    same_words: list[str] = Field(min_length=1)
    # "this/that" + one of these nouns: "my cousin had this very thing"
    pointers: list[str] = []
    things: list[str] = []
    # "it runs in the family": a verb of running, its prepositions and the family nouns
    run_words: list[str] = []
    # the subject just before the running verb that makes it the complaint ("it runs ...")
    run_subjects: list[str] = []
    run_preps: list[str] = []
    family_nouns: list[str] = []
    # how far after a relative the same-word may come, and the words that end the look
    reach: int = Field(ge=1, le=10)
    stops: list[str] = []


class MovementTarget(_Strict):
    """A body part another is moved to ("chin onto the chest"): a place reached, no site."""

    movers: list[str] = Field(min_length=1)
    # one- or two-word preps ("to", "up to")
    preps: list[str] = Field(min_length=1)
    owners: list[str] = []


class ConditionedDenial(_Strict):
    """A denial said with the condition it holds in ("no pain when lying down"): it does not
    deny the site's pain as a whole."""

    findings: list[str] = Field(min_length=1)
    # words between the denied words and the condition ("none when I sit")
    skip: list[str] = []
    # of the skipped words, the denials said after the pain ("back pain, none when I sit"): the
    # pain itself is then said, and only limited
    after_denials: list[str] = []
    words: list[str] = Field(min_length=1)
    pairs: list[str] = []


class SlowOnsetDenial(_Strict):
    """A symptom told with a slow onset in its sentence is no sudden one (maps.yaml
    ``slow_onset_denies``): a headache that grew over hours is no thunderclap headache."""

    onset: str  # the gradual onset finding
    finding: str  # the finding it denies
    with_: list[str] = Field(alias="with", min_length=1)  # concept groups naming the symptom
    span_verbs: list[str] = []  # concept groups of verbs of onset or growth before a span
    min_days: float = Field(gt=0)
    verb_gap: int = Field(ge=0, le=4)
    not_spans: list[str] = []  # words of a span that make it a length ("over the last 3 hours")
    unless: list[str] = []  # concept groups of a sudden onset: told (not denied) in the sentence, no denial


class MomentDenial(_Strict):
    """A denial tied to an earlier moment ("not aching initially", "no neck pain at the scene")
    says nothing of now: a symptom or sign so denied is left unread, except the findings of
    ``keep``, whose meaning is that moment itself (no loss of consciousness at the time). A later
    statement that names no complaint of its own ("..., now 8/10", "but by teatime, terrible")
    says the denied finding is there now: it opens within ``reach`` tokens after the denial with a
    later time (a LATER trigger) or a word of ``now_words``, holds no denial or supposition before
    its clause ends, and holds a word of ``presence_groups`` (session 19)."""

    keep: list[str] = []
    presence_groups: list[str] = Field(min_length=1)
    now_words: list[str] = Field(min_length=1)
    reach: int = Field(ge=1, le=20)


class TreatedReason(_Strict):
    """The reason a medicine was given, dated in the past (maps.yaml ``treated_reason``): not a
    symptom said to be here now."""

    findings: list[str] = Field(min_length=1)
    verbs: list[str] = Field(min_length=1)
    medicines: list[str] = Field(min_length=1)
    links: list[str] = Field(min_length=1)
    times: list[str] = Field(min_length=1)
    reach: int = Field(ge=1, le=12)


class ReversedNames(_Strict):
    """A condition's two-word name read with its words the other way round ("sclerosis multiple")."""

    heads: list[str] = Field(min_length=1)
    not_first: list[str] = []


class PhraseInsertion(_Strict):
    """Words that may stand between a phrase's next-to-last word (one of ``links``) and its last
    word and are read through: a word of degree after a linking verb ("her jaw feels really
    tight" is "jaw feels tight"), an article after a verb of having ("he has had the cancer" is "has had cancer").
    Each entry of ``words`` is one word or two ("a bit")."""

    links: list[str] = Field(min_length=1)
    words: list[str] = Field(min_length=1)
    # last words the words may not come before: a degree changes what they mean ("I was sick" is
    # vomiting, "I'm a bit sick" is nausea)
    not_before: list[str] = []
    note: str = ""


class PhraseOwners(_Strict):
    """A phrase's owner word stands for any owner ("pain down my leg" is read in "pain down her
    leg"), and after a preposition it may be left out, as notes leave it ("creaking in back",
    "numb down leg")."""

    owners: list[str] = Field(min_length=2)
    drop_after: list[str] = []


class MapsFile(_Strict):
    """resources/maps.yaml: how context changes what a mention means, and the word lists of the
    generic limb words. Read as a plain mapping by the intake; validated here when loaded."""

    historical_to: dict[str, str]
    family_to: dict[str, str]
    family_general: list[str] = []
    relative_subjects: RelativeSubjects
    brief_episode: BriefEpisode
    past_events_dropped: list[str]
    typos: dict[str, list[str]]
    # a clinician's short form of a phrase word, matched wherever the word is ("UMN sx")
    shorthand: dict[str, list[str]] = {}
    reversed_names: ReversedNames | None = None
    phrase_insertions: list[PhraseInsertion] = []
    phrase_owners: PhraseOwners | None = None
    generic: dict[str, GenericWord]
    leg_words: list[str]
    arm_words: list[str]
    # concept site groups whose words (of one or two words, with the groups they include) are leg
    # (arm) words too: a limb's muscles and movements as a note names them ("plantarflexion 4/5",
    # "FHL weak") put a generic weakness in the leg, as the concept rules do
    leg_groups: list[str] = []
    arm_groups: list[str] = []
    # words naming the limbs in general: a generic word said of them is the arms' and the legs'
    both_limb_words: list[str] = []
    # sites that are not limbs, and how near one must stand to a generic word to take it
    non_limb_words: list[str] = []
    non_limb_reach: int = Field(default=5, ge=0, le=10)
    # concept groups naming one side or half of the body: a generic word denied in a clause that
    # names one ("no weakness on one side", "no numbness down one half") denies no arm or leg (the
    # limb would only be guessed), only the one-sided finding its own rules read
    half_body_groups: list[str] = []
    long_standing: LongStanding
    region_fallback: RegionFallback
    # a finding read present that is itself another: a road crash now is an injury now
    # ("RTC at speed" is recent trauma as well as a collision)
    implies: dict[str, list[str]] = {}
    family_same: FamilySame | None = None
    conditioned_denial: ConditionedDenial | None = None
    movement_target: MovementTarget | None = None
    # a pattern finding whose own words hold a symptom it explains: that symptom, read inside the
    # pattern's words, is dropped ("legs go heavy on walking, eased by sitting" is claudication)
    absorbs: dict[str, list[str]] = {}
    site_bound: dict[str, SiteBound] = {}
    # a finding whose phrases may name only its site ("both legs"): such a phrase is read only in
    # a sentence that names a complaint of the given concept group (a pain, numbness, stiffness...)
    complaint_bound: dict[str, str] = {}
    denied_spread: DeniedSpread | None = None
    # findings whose meaning needs a person at risk ("a minor fall in someone at risk of
    # osteoporosis"): a younger person with no risk named does not have them
    risk_gated: dict[str, RiskGate] = {}
    withdrawn: Withdrawn | None = None
    # a finding that stands for several symptoms at once ("numbness in both legs" is symptoms in
    # both legs): its words do not hide the symptoms they name, which are read as well
    composite_phrases: dict[str, list[str]] = {}
    # a finding whose phrase names a symptom with its pattern ("hands go numb at night"): the
    # symptom's own reading inside the phrase is kept beside it, as a composite's is, but the
    # phrase is no composite of both limbs (session 17)
    phrase_parts: dict[str, list[str]] = {}
    pair_words: PairWords | None = None
    onset_modifiers: list[OnsetModifier] = []
    slow_onset_denies: list[SlowOnsetDenial] = []
    treated_reason: TreatedReason | None = None
    moment_denial: MomentDenial | None = None


# ----------------------------------------------------------------------------- word repairs


class Repair(_Strict):
    """A word heard or written as another (repairs.yaml), read as the word meant where its gates
    all hold."""

    heard: list[str] = Field(min_length=1)
    means: str
    next: list[str] = []
    not_next: list[str] = []
    after_next: list[str] = []
    prev: list[str] = []
    not_prev: list[str] = []
    clause_start: bool = False
    # with `next`, the end of the clause or of the line after the heard form passes too
    end_ok: bool = False
    # a word of at least this many letters on each side (0: not asked)
    between_words: int = Field(default=0, ge=0, le=10)
    next_number: bool = False
    prev_number: bool = False
    # true: the next word is written against the heard form, with no space ("-stiff neck"),
    # and the word before it is not ("glove-and-stocking" is one word)
    next_glued: bool = False
    # the word before the heard form may stand one further back, past one of these words ("he
    # only cough" as "he cough"); with `prev` only
    prev_skip: list[str] = []
    # a word of `near` must stand, and no word of `not_near` may, within `reach` words either
    # side in the heard form's sentence (its closing mark counts: "?" in `not_near` keeps a
    # question out): "she fall Sunday" is a past fall, "will she fall?" is none
    near: list[str] = []
    not_near: list[str] = []
    reach: int = Field(default=8, ge=1, le=20)


class SlashLists(_Strict):
    """A run of a note's short forms joined by "/", "&" or "+" ("F/C/NS", "N/V/D", "B&B"), read as
    its words joined by "/" so that one denial covers the whole run. Every item must be a known
    short form; a form with several words is read as them in the order it recurs ("B/B": bladder,
    then bowel); runs with another sense ("D/C", discharge) are left alone."""

    items: dict[str, list[str]]
    never: list[str] = []
    min_items: int = Field(default=2, ge=2, le=6)


class TickBoxes(_Strict):
    """The boxes of a pasted checklist ("[x] stiff neck [ ] fever", "☐ rash ☑ tired"), read as
    the words they stand for. A line that opens with a box has its boxes before their items: an
    empty box reads as ``empty_before`` (a denial of the item up to the next box or the line's
    end), a ticked one as ``ticked_before`` (a clause start, so the denial before it ends there).
    Boxes at the end of a line's items ("fever [ ] rash [x]") answer the item before them, as a
    form's field: ``empty_after`` and ``ticked_after``. Each box is a run of symbols written
    with spaces between them ("[ x ]"); the spaces inside a box do not matter."""

    empty: list[str] = Field(min_length=1)
    ticked: list[str] = Field(min_length=1)
    # letters that stand for a cross ("x smoker") only on a line that has another box or mark
    # and before a word: an empty box's meaning ("✓ asthma x smoker")
    cross_letters: list[str] = []
    cross_not_before: list[str] = []  # "x ray" is no cross
    empty_before: str
    ticked_before: str
    # an item that is a bare state word ("[x] tired", "[ ] dizzy") is how the person feels
    state_words: list[str] = []
    empty_before_state: str = ""
    ticked_before_state: str = ""
    empty_after: str
    ticked_after: str
    # what goes before an after-box's answer when no field mark stands before the box
    after_mark: str = ": "
    # a form's field marks: a box right after one answers the field ("Fever: [ ]")
    separators: list[str] = []
    # empty boxes' glyphs that are also a list's bullets: one alone at a line's start is a box
    # only where the text ticks a box somewhere
    bullet_glyphs: list[str] = []
    # what may stand before a line's first box when its boxes come before their items
    # ("Symptoms: [x] stiff neck [ ] fever")
    openers: list[str] = []


class DroppedEnding(_Strict):
    """A word's ending written short with an apostrophe for its dropped letters ("goin'",
    "achin'": ``written`` "in'"), read as the full ending (``means`` "ing") when the full word is
    an English word of at least ``word_log_prob``'s frequency; a word that is English as written
    ("thin'", "aspirin'") is read so only outside a quotation ("the 'aspirin'")."""

    written: str = Field(min_length=2)
    means: str = Field(min_length=1)
    # letters before the ending, at least
    min_stem: int = Field(default=1, ge=1, le=6)
    word_log_prob: float = Field(default=-15.0, ge=-25, le=-5)


class Hashtags(_Strict):
    """A hashtag's run-together words ("#neckspasm", "#BackPainDay") read as the words they join
    ("neck spasm"), when its letters split into at most ``max_words`` common English words (of at
    least ``word_log_prob``'s frequency, ``min_letters`` letters each, or a capital's start) and
    none of them is one of ``never_words`` (a hashtag's "no" or "never" is a slogan, not a
    denial: "#nopainnogain"). Hashtags longer than ``max_letters`` are left as written."""

    max_letters: int = Field(default=30, ge=4, le=60)
    max_words: int = Field(default=4, ge=1, le=8)
    min_letters: int = Field(default=2, ge=1, le=4)
    word_log_prob: float = Field(default=-14.0, ge=-25, le=-5)
    never_words: list[str] = []


class SpokenYears(_Strict):
    """A year said in words ("in nineteen ninety-eight", "back in twenty twelve", "since two
    thousand and nine"), read as its digits after one of ``prev``, from ``first`` to ``last``."""

    prev: list[str] = Field(min_length=1)
    first: int = Field(ge=1900, le=2100)
    last: int = Field(ge=1900, le=2100)


class RepairsFile(_Strict):
    """resources/repairs.yaml: named word sets (used as ``$name`` in a gate), the repairs, the
    slash lists, the tick boxes and the dropped endings."""

    sets: dict[str, list[str]] = {}
    repairs: list[Repair]
    slash_lists: SlashLists | None = None
    tick_boxes: TickBoxes | None = None
    dropped_endings: list[DroppedEnding] = []
    spoken_years: SpokenYears | None = None
    hashtags: Hashtags | None = None

    @model_validator(mode="after")
    def _sets_named(self) -> RepairsFile:
        for r in self.repairs:
            for w in (*r.next, *r.not_next, *r.after_next, *r.prev, *r.not_prev, *r.prev_skip, *r.near, *r.not_near):
                if w.startswith("$") and w[1:] not in self.sets:
                    raise ValueError(f"repair {r.heard[0]!r}: no word set {w[1:]!r}")
        return self


# ----------------------------------------------------------------------------- medicines
class DrugClass(_Strict):
    names: list[str] = Field(min_length=1)
    source: str
    # findings read when the medicine is named, and when it was just started
    taking: list[str] = []
    started: list[str] = []
    # findings read when it has been taken for at least DrugsFile.long_term_days
    long_term: list[str] = []


class DrugsFile(_Strict):
    start_words: list[str]
    # words after a medicine's name that say its dose went up ("haloperidol was upped",
    # "olanzapine dose doubled"): read as a recent start, within ``window`` tokens
    raise_words: list[str] = []
    # words after a medicine's name that say it was started ("a fibrate was added", "sertraline
    # was prescribed last week"): a recent start, read as a raise is
    start_after_words: list[str] = []
    # verbs before a medicine's name that say its dose went up ("doubled my sertraline", "upped
    # his haloperidol"): read as a recent start, within ``window`` tokens
    raise_before_words: list[str] = []
    # words near a medicine's name that say its use goes on as before ("my usual quetiapine",
    # "olanzapine every night"): no recent start, whatever verb comes before the name
    steady_words: list[str] = []
    # ... and words that say outright nothing changed ("dose unchanged", "no change to my
    # haloperidol"): no recent start, and the new medicine read absent
    unchanged_words: list[str] = []
    window: int = Field(ge=1, le=8)
    # findings that say a medicine is recent, each with the most days since its start it allows
    recent_findings: dict[str, float] = {}
    long_term_days: float = 90
    classes: dict[str, DrugClass]


M = TypeVar("M", bound=BaseModel)


def load(name: str, model: type[M]) -> M:
    path = RESOURCES / name
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, yaml.YAMLError) as e:
        raise IntakeResourceError(f"intake/resources/{name}: cannot be read ({e})") from None
    try:
        return model.model_validate(data)
    except ValidationError as e:
        problems = "; ".join(f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in e.errors()[:5])
        raise IntakeResourceError(f"intake/resources/{name}: {problems}") from None


@cache
def context_file() -> ContextFile:
    return load("context_rules.yaml", ContextFile)


@cache
def concept_file() -> ConceptFile:
    return load("concepts.yaml", ConceptFile)


@cache
def numbers_file() -> NumbersFile:
    return load("numbers.yaml", NumbersFile)


@cache
def maps_file() -> MapsFile:
    return load("maps.yaml", MapsFile)


@cache
def repairs_file() -> RepairsFile:
    return load("repairs.yaml", RepairsFile)


@cache
def drugs_file() -> DrugsFile:
    return load("drugs.yaml", DrugsFile)

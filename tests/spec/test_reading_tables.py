"""Reading tables that need no checks of their own beyond tests/spec/rows.py: one test per row,
and each table's classes each have six wordings or more and a control. A table with checks of
its own (the words as written, a field of its own) keeps its own module.

Tables (what each is about: tests/spec/README.md):
  * normal_negatives.yaml - normal-function, result and form negatives and whole-kind denials
    (six rows or more marked ``safety``: a red flag read present stays present beside a normal
    word in another clause);
  * blows_and_states.yaml - a headache arriving like a blow, a tired person, a limb that goes
    into cramp, a weepy wound;
  * sites_and_tasks.yaml - "at the back" of the neck or of another part, an arms-up task told
    by the hair;
  * shared_words.yaml - one negated auxiliary over two verbs joined by "or", and a tearing
    quality said after the pain on its own;
  * items_and_normals.yaml - a normal said of one item of a list is not the next item's, and a
    weight told by its direction;
  * events_second.yaml - heavy loads, training load, wounds, trauma, habits, history, medicines
    told in ordinary words;
  * lay_words_third.yaml - everyday words for signs and symptoms, third round;
  * lengths_third.yaml - lengths of time, third round (minutes, ages, activities);
  * normal_and_answers.yaml - functions said to be normal, category and progressive denials,
    chat or form transcripts;
  * wrong_readings.yaml - findings read that a text does not say;
  * references_and_signs.yaml - a part named once then pointed to, the middle of the spine, a
    predicate left out after a contrast, a misshapen limb, a movement that catches, night
    numbness, low mood, shaking with a fever, short spasms, likenesses for pain or a fogged head;
  * onset_and_exposures.yaml - onset, triggers and exposures told in ordinary words;
  * exams_and_umbrellas.yaml - a word covering several functions (the sphincters, a limb pair's
    neurology), a leg-raise test's result in shorthand, grades and reflexes said normal, a
    reflex said absent, consciousness said normal in lay words, swallowing and the face said
    normal with an object or a manner.
  * patterns_in_words.yaml - aggravators and patterns in ordinary words: the trunk bent in any
    verb form, rest pain, the time to loosen in the morning, inflammatory back pain by its parts,
    brief spasms by their length, effort-provoked symptoms, Lhermitte's sign.
  * activity_exposures.yaml - exposures told by an activity's pattern: a static task's hours,
    shifts or nights, heat by a temperature or a hot place with effort or sweat, heavy work by
    its task, sleep by where or on what one slept.
  * amounts_and_inversions.yaml - a small amount of movement, a denied jab, an answer reported
    in speech, minimised falls and light lifts, a pulsing lump, a head pulled by its muscles,
    creole and dialect negators.
  * scope_and_emergencies.yaml - a history list's end, a chest pain with a tearing pain to the
    back, a headache at its peak at once, a new deficit after an old stroke, a past event that
    "left" something, a colon after a named part.
  * shifts_and_knots.yaml - a static job told by its role and long shifts, a screen in bed night
    after night, muscles in knots, a pressed knot or lump sending pain elsewhere, a length in
    months with no number.
  * lay_s17.yaml - a wound told by a verb that breaks the skin, reflex spasms set off by a sound,
    a head or neck held, bent or set as a state, cold intolerance in lay words.
  * effort_s17.yaml - heavy effort told by a forceful verb and a load heavy by its state, by a
    slope or by a farm beast; a new activity told as a one-off, for another's occasion, on a
    child's plaything or as a first go; an ache of the heart's sites that came on with effort, or
    that effort brought on and rest eased (told in the past, or with minutes cut short).
  * events_s18.yaml - an injury told by what another person or a thing did (a head yanked, a
    throat grabbed, taken off one's feet, a blow in the passive, a landing on the head); a load
    told by a hauling verb; rest pain told by constancy or by lying that changes nothing; both
    legs told by both buttocks or thighs with a pain or heaviness.
  * rheum_exam_s17.yaml - the heel or its tendon's insertion sore or tender, "inflammatory-type" back
    pain, a lower back curve more than normal, a step felt in the spine, buttock pain that swaps
    sides, the backs of the legs tight (tight hamstrings), relief by activity with rest set aside or
    a word of time, a complaint after a denied list or a dated past told now, morning stiffness's
    length told far from its word or without a count ("for ages first thing"), a year after a
    list's item dating that item only.
  * misc_s17.yaml - an "and" before a new subject and its finite verb ends what a concept composes
    with, hands numb at night keeping the arm's numbness and the median digits named as a range
    from the thumb, a relative's part with a word said of it making the message theirs (their
    complaint's length read).
  * lay_s18.yaml - a final g dropped with an apostrophe, the Irish "after" perfect of a spine
    giving out, the back's middle said after it, a thoracic level or the bra-strap line, blisters
    called bubbles, an aneurysm called a swollen artery in the belly, "heavy" said of a thing or a
    task, a muddle told with drowsiness.
  * spread_s20.yaml - many body regions in one list before one pain word (widespread pain; the
    list's comma ends no clause), the thumb and the two digits after it counted, a slow change
    told by its result over a span, sleep never refreshing, plural legs that ache or cramp and
    feet burning on both sides, the back of the neck without an owner and a sided loin, a sport
    that eases the back and the back placed low after it (inflammatory back pain's parts)
  * s19.yaml - after a denial and a comma, an item that names its owner ("weakness in his legs")
    is said of the person, not denied with the list (safety rows); a side letter with its full
    stop ("weak L.") ends its sentence before a capital, and "back" as a noun before "when" is no
    past "back when", and power said reduced in a limb itself is its weakness (safety rows).
  * events_s19.yaml - a low-energy fall at 65 or over (safety rows), a rider or walker struck by a
    vehicle (safety rows), the back that "went", a load told by its weight, long use of one
    medicine beside another's recent start, an illness dated days back, a career's length and
    its blows to the head, tingling of the lips and the fingers together.
  * wrong_s19.yaml - findings read that a text does not say: a lean, list or drift of the head or
    neck (its posture, not the walk's), a head resting "on" a thing or a person (no head-on
    crash), falls counted over a period longer than about a week (a history of falling, no injury
    now; falls within days stay an injury), sleeping, sitting or travelling in a vehicle (no crash,
    whatever its speed or road), and a stretch counted back from now ("in the past few days": now,
    not a past history; safety rows).
  * signs_s19.yaml - a person said very hot in lay words (fever), a place's or the work's
    temperature (no fever; heat with effort), a limb that won't lift, grip or take the weight, a
    named movement weak in a note, dropping any everyday object, an outburst when the neck is
    moved and a neck movement said fine, "back" as the head's direction, a pain that keeps
    someone awake.
  * scope_s19.yaml - a denial tied to an earlier moment ("at first", "at the time") that a later
    statement turns round (safety rows), a negated verb's reach in a message run on without stops,
    lifting or a new activity denied with "anything"/"owt", focal signs denied as a class and the
    face or speech with nothing new, a bare manipulation in a denied slash list, past spells of
    nerve symptoms that ended and a dated past loss of sight.
  * time_s21.yaml - a test's day ("this morning's bloods", "x-ray yesterday") beside spells of
    seconds (no onset); a baby's age in a note's shorthand ("infant 6/52", "4/52 corrected": no
    length) and a baby's weight going up (growth); the length of another thing (a low mood, an
    old episode that ended) against the complaint's own length told "now"; nothing changed over a
    stretch (no length) and a limb stiff "from then on"; a medicine's form between its name and
    its length (long-term use), its other name in brackets; a dose raised by a note's arrow; a
    finding first said then withdrawn on a second look (safety rows); crosses in a problem list.
  * words_s21.yaml - the flank placed by the ribs above and the hip below, or the back under the
    ribs (flank pain, not the low back; the side named is one-sided), a band across or right round
    the whole chest (no one-sided band; safety rows), a movement made in bed (no pain worse at
    rest), a young person "shooting up" (growing, no injecting), a medicine forgotten (no memory
    complaint), a relative's or a spouse's feeling (not the patient's stress), the whole body sore
    by its extent, stress as what sets the pain off and sleep that does not restore, height lost in
    lay words (smaller or shorter with a change), a head that sits turned or turns by itself told
    with "it" in a run-on message, and everything taking ages (slowness).
  * alarm_s21.yaml - alarm symptoms in lay words or by their course: fluid from below in a
    pregnancy told by a verb of its course (dripping, seeping, coming down), the male genitals in
    lay words said to fail at their function, sleepiness said with an intensifier or as a change
    in a story of an illness (not after a night shift), a back's pain carried through to the
    chest however far the pain word stands, an effort told first and a heart-like symptom after
    it, a limb "weakening", a sore from injecting and a last tetanus jab dated by school or youth,
    a deficit's first time told in the next sentence, and a neck movement that brings pain told
    after a verb of saying, as a bare result or as "worse" on the gaze (safety rows).
  * h1_s22.yaml - injury mechanisms: a note's "A v B" of a road user and a vehicle (a motor
    vehicle collision, and a dangerous one for a rider or someone on foot), the head driven into
    the ground or a mat or landed on with a word between (axial load), a verb's bare form for a
    past event (a third person's subject, or a past time), falls named as a risk or a service,
    a slip ending in a hard sit or a fall told with its own height later, and creole counts and
    articles ("six step" a flight, "di" the, "mi" before a relative) (safety rows).
  * h2_s22.yaml - the anal sphincter's tone and squeeze on a rectal examination (no limb's tone;
    weak, lax or gone is a cauda equina sign, kept says the sphincter works; safety rows), a
    bladder's residual or scanned volume against cited lines, alcohol counted by glasses,
    measures, beers, bottles and units of alcohol, vomiting told by a count (four or more is a
    loss of fluid), and a show in pregnancy or labour (a loss from the vagina, not the verb).
  * lead_s23.yaml - an examined sense said less or missing at a site, its result before or
    after the sense's name ("perianal sensation reduced"; safety rows), "knocked out" denied
    (the person stayed awake; the blow stands), a word of degree or an article read through
    inside a phrase, a phrase's owner word taking any owner or left out after a preposition, no
    jab since a time of life told by the young person one was, spasms set off by a sound, a
    landing told with its manner, a body propelled off something, an operation for a cancer,
    drugs by needle, a tight jaw (one that opens too little), a woman named by her obstetric
    history before the weeks, urine let out or none made told as a noun, a plus after a sign's
    name, Lhermitte named bare, not knowing now the day or the place, a headache told by its
    size or violence, a verb of telling after a denial's comma, "nothing" in dialect, and the
    body's weight (no weights lifted), a cancer named by its tissue, a scald or a protruding
    tongue, the pain flaring at a cough, and the aorta misnamed "the big vein".
  * lead_s22.yaml - a named disease denied on its own (no cancer, no stroke), injecting taken up
    again after a break, "of a night" for at night, "o'" for of, a denial heading a long list,
    a time of the year just begun that may be the one before it, a denial heading with a colon, a
    look to a side that cannot be made, the whole view blurred, a hashtag's run-together words, and an illness
    happening now that is no past one.
  * lead_s21.yaml - a pain or tingling down the left arm without the chest (the arm's spreading
    pain too, whatever chest pain was denied before it; safety rows), a feeling verb with the
    limb's owner after it (the limb's sense, not its strength), a part told with its own
    complaint before an exam list's shared normal (the list's, not the part's), an exam list with
    commas between its items (one clause: the result and the limb after it are every item's;
    safety rows), both legs named with no complaint in their clause (no symptom of both legs;
    safety rows keep a pain, numbness, weakness, stiffness, sciatica or "it"), spots that stay
    put when pressed in any tense (safety rows), a limb that cannot be used at all (paralysed, its
    use lost: its weakness; safety rows), the neck's own muscles or a spasm pulling the head round
    (no manipulation; a practitioner's stays: safety rows).
  * mech_s21.yaml - injury mechanisms and the injury examination: a car-like vehicle that rolled,
    ended on its roof or side or went over more than once (a rollover; a load rolling off a
    vehicle is none), a landing or coming-off told with its height in units, a bike's rider who
    came down or went over the bars at any speed, walking since an injury with "since" closing
    its clause and standing denied since it, a thing that strikes a person on a part by any
    striking verb (and a lifting machine named as a thing: no haul), a striking verb before a
    likeness (no crash), pressing on the bony part in the middle (midline tenderness), a limb
    broken in slang or a bone jutting after an injury, pain under the skull, and a note's item
    with its own side letter after an earlier denial (safety rows).
  * msk_s21.yaml - musculoskeletal patterns in lay words: the spine arched in a sport by its
    moves, a back pain's short form or its worst moment on extension, a training load raised
    with a pain told before it, a whole day of heavy digging, a shift told by the vehicle driven
    or the arms held up, a night's sleep in a learner's bare verb, a pain "low down" (the low back)
    and its bend, a sharp twinge or ping at a moment, a lump or knots felt in a muscle, a neck
    grinding likened to grit, a walk cut short by aching legs and a trolley leant on (claudication,
    not an unsteady gait; safety rows), a limb likened to one asleep (its numbness; safety rows).
  * lead_s20.yaml - a body part that is shed "falls" (hair, nails, teeth: no fall of the person),
    "back" before a thing that has a back (a back molar, the back wheel: no back pain), and a
    tooth knocked out (no loss of consciousness; a person knocked out stays so: safety rows), a
    bare "dribbling" beside the mouth, throat or voice (drooling: safety rows), and a throat called
    bad, rotten or rough (a sore throat, or a recent infection when dated back), and a message
    that opens with a relative's acute happening (collapsed, knocked out, sick: about them; safety rows),
    and after a denial and a comma, a complaint with its own length, change or weighed amount (a
    statement of its own; safety rows).
  * moves_s20.yaml - the neck or head as the subject of a movement with a sign of no will (going on
    and on, "involuntarily", a dopamine blocker named), a head set back for a task held for hours
    (a posture, no dystonia), looking up as the neck's extension, waking at a clock time with the
    complaint, tetanus in lay words (muscles hard as a board, the body jumping in pain at a
    touch or a sound, body spasms denied; safety rows), a band of blisters by a side letter or a
    dermatome, a pressed knot that brings on or reproduces a pain elsewhere, a neck said to be
    turned with a child's distress when "it" is moved, a numb hand shaken to ease it (no tremor),
    a head shaking in a "no-no".
  * signs_s20.yaml - bare degrees hotter than any body said with work (heat exposure, no fever;
    safety rows), a cold spell then a hot one and the body said hot (fever, rigors), spots that
    do not go when pressed or under a glass (non-blanching rash), a muddle said now (acute
    confusion) and clinical alertness, sick with a count of times (vomiting), a sweat through the
    clothes or over the whole body (heavy sweating) and legs that catch (cramps).
  * injury_s20.yaml - legs heavy or weak with no standing at all (a weakness, not claudication or an
    unsteady walk), thrown onto the head or head-first (an axial load; a horse led on foot is no
    height), a 45-degree turn denied by its number and "it" for the neck past a symptom or a place,
    a low fall off a bed or chair (an injury) and a minor fall opened by a bone risk at any age,
    drink on board by a session before an injury, a learner's bare "he walk" after an injury, a
    rear impact by its verb with the world's vehicle words, a breath or heart going fast on a bus
    (no speed), a load swung up (a lift), a trip or stumble that has begun as a habit (safety rows).
  * time_s20.yaml - an onset told today with no count of days (an hour with no am/pm after an
    activity, "just" and a past verb, a stretch of the day the story was done in, the night
    before last, a time an activity or illness holds before the complaint); a long length in
    another shape (a body part's "-ing" after "N years of", a year then "ever since", a vague
    length made exact, "this is N weeks", "before N weeks"); a date that is not the complaint's
    length (a past illness "had ... yrs ago", "the first/worst ... since", "nothing new today");
    a past illness dated by "yrs ago" or a year said in words, and a deficit whose onset clause
    follows it (safety rows); a clinician's "?name" queried (safety rows: what the note tells
    stays read) and a back's pain run on into the belly; tight hamstrings in a spastic cerebral
    palsy or both legs' spasms after a cord injury (spasticity, not cramps).
  * expo_s20.yaml - a load moved by hand in a long or many-fold task (things set out or set up in
    numbers, a haul kept up for hours, a load pulled, grabbed or yanked out of where it sits); a
    rise or a climb only just managed (proximal weakness), muscles hurting all over in any pain
    word, and a bare "Hx:" heading of the story now (safety rows: a fever under it stays read); a
    dose raised in a bare or present verb or changed to a stronger one or a higher dose (a recent
    medicine); smoking told in the past with its length; a scan that showed a bulging disc; a
    relative's named dystonia in a note whose patient is labelled by age and sex before it.
  * denials_s20.yaml - denials and normals in other words: an exam list with one result before a
    limb (that limb's weakness and numbness), weight said to stay as it was, feeling in the saddle
    told as there, jaw claudication denied alone, spine trouble never had before, nothing new
    after an old stroke's deficit, a bare weakness denial in a hand story and a pain denied in the
    arm itself (safety rows).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

TABLES: dict[str, tuple[str, ...]] = {
    "time_s21.yaml": (
        "test_day_not_onset",
        "baby_age_not_length",
        "other_things_length",
        "no_change_span_and_lasting",
        "medicine_form_length",
        "dose_raised_recent",
        "withdrawn_on_second_look",
        "cross_marks",
    ),
    "h1_s22.yaml": (
        "versus_road_collision",
        "axial_load_head",
        "bare_verb_past_event",
        "falls_named_not_event",
        "slip_then_hard_sit",
        "creole_counts_and_articles",
    ),
    "h2_s22.yaml": (
        "anal_tone_not_limb",
        "bladder_residual_volume",
        "alcohol_amount_measures",
        "vomit_count_fluid_loss",
        "show_in_pregnancy",
    ),
    "words_s21.yaml": (
        "flank_between_ribs_and_hip",
        "band_across_whole_chest",
        "bed_movement_not_rest",
        "growing_not_injecting",
        "forgot_medicine_not_memory",
        "relative_feeling_not_patient",
        "body_extent_stress_sleep",
        "height_lost_lay",
        "head_turned_runon_slowness",
    ),
    "msk_s21.yaml": (
        "arch_sport_words",
        "load_raised_and_toil",
        "held_work_words",
        "low_down_back",
        "twinge_onset",
        "felt_lump_knot",
        "grit_crepitus",
        "claudication_not_gait",
        "asleep_likeness",
    ),
    "alarm_s21.yaml": (
        "pregnancy_fluid_course",
        "genital_function_lost",
        "sleepy_in_illness",
        "back_pain_through_chest",
        "effort_then_heart_symptom",
        "weakening_course",
        "tetanus_wound_and_jab",
        "first_deficit_next_sentence",
        "neck_move_pain_told",
    ),
    "lead_s23.yaml": (
        "sense_result_after",
        "knock_out_denied_keeps_blow",
        "degree_in_phrase",
        "article_after_having",
        "owner_any_or_left_out",
        "jab_since_young",
        "sound_set_spasms",
        "landing_manner",
        "propelled_off_falls",
        "cancer_operation",
        "needle_drugs",
        "tight_jaw_trismus",
        "gravida_weeks",
        "urine_noun_forms",
        "sign_plus_result",
        "lhermitte_bare",
        "disoriented_now",
        "headache_size_severe",
        "told_after_denial_comma",
        "dialect_nothing",
        "body_weight_not_lifting",
        "named_tissue_scald_tongue",
        "cough_flare",
        "big_vein_aneurysm",
    ),
    "lead_s22.yaml": (
        "bare_disease_denied",
        "resumed_injecting",
        "of_a_night",
        "apostrophe_of",
        "long_denial_list",
        "season_just_begun",
        "denial_heading_colon",
        "look_to_side_lost",
        "whole_view_blurred",
        "hashtag_words",
        "having_now_not_had",
    ),
    "lead_s21.yaml": (
        "left_arm_spread_is_arm_too",
        "felt_limb_is_sense_only",
        "part_complaint_then_exam_normal",
        "exam_list_commas_share_limb",
        "both_legs_need_a_complaint",
        "spots_stay_when_pressed",
        "limb_without_use_is_weak",
        "own_muscles_turn_no_manipulation",
    ),
    "mech_s21.yaml": (
        "vehicle_rollover_lay",
        "height_in_units",
        "rider_down_speed",
        "walk_since_lay",
        "thing_strikes_person",
        "drive_no_crash",
        "bony_middle_press",
        "other_injury_lay",
        "side_item_after_denial",
    ),
    "lead_s20.yaml": (
        "shed_part_fall",
        "back_position_noun",
        "knocked_out_tooth",
        "dribble_mouth_context",
        "bad_throat",
        "relative_happening",
        "own_length_after_denial",
    ),
    "normal_negatives.yaml": (
        "safety",
        "site_fine",
        "form_answer",
        "result_normal",
        "exam_normal",
        "category_denial",
        "urine_colour",
        "sign_normal",
        "own_function_only",
        "continence_words",
        "subkind_denial",
        "past_denial",
        "ability_stated",
        "alert_lay",
        "anywhere_denial",
        "limb_works",
        "state_after_denial",
        "group_term",
        "exam_shorthand",
        "feeling_list_denial",
        "function_as_always",
    ),
    "blows_and_states.yaml": ("headache_arrives_as_blow", "person_tired", "goes_into_cramp", "weepy_wound"),
    "sites_and_tasks.yaml": ("at_the_back_of_what", "hair_task_arms_up", "digits_after_numb_hand"),
    "shared_words.yaml": ("negation_over_or", "trailing_tear"),
    "items_and_normals.yaml": (
        "normal_of_item_before",
        "weight_by_direction",
        "participle_ends_list",
        "dated_item_ends_list",
    ),
    "events_second.yaml": (
        "heavy_load_verb",
        "training_load_up",
        "wound_verb",
        "trauma_noun_sport",
        "habit_forms",
        "history_year_label",
        "medicine_change",
    ),
    "lay_words_third.yaml": (
        "unfelt_voiding",
        "limb_misses_aim",
        "tremor_by_direction",
        "time_to_loosen",
        "movement_that_worsens",
        "other_signs",
        "effort_patterns",
        "numbers_unlabelled",
    ),
    "lengths_third.yaml": (
        "minutes_hours",
        "age_in_years",
        "activity_length",
        "length_said_otherwise",
        "other_symptom_point",
    ),
    "normal_and_answers.yaml": ("normal_predicate", "category_word", "progressive_denial", "chat_answer"),
    "wrong_readings.yaml": (
        "rest_relief_not_rest_pain",
        "neck_refusal_stiffness",
        "self_pulled_head",
        "practitioner_harm",
        "brief_length_subject",
        "living_load_moves",
        "pressed_mid_back",
        "side_of_other_part",
    ),
    "deny_s18.yaml": (
        "denial_run_items",
        "denied_trouble_object",
        "item_then_no",
        "with_it_along",
        "gerund_denial_item",
        "denied_wake_with",
        "or_alternative_condition",
        "reported_no_item",
        "temple_headache_denied",
    ),
    "s18.yaml": (
        "work_as_noun",
        "falls_shut",
        "read_heard_activity",
        "shiver_stays_fever",
        "current_cold",
        "clipped_temp",
        "hot_effort",
        "cannot_be_woken",
        "earlier_report_stands",
        "kidney_worse",
        "clench_cannot_eat",
        "cough_in_aggravator_list",
        "numbered_list_age",
        "accident_not_gait_trouble",
        "claudication_by_minutes",
        "rising_not_claudication",
        "stream_hesitancy",
        "neck_cannot_bend",
        "limbs_working_terse",
        "confusion_state",
    ),
    "since_and_acronyms.yaml": (
        "since_event_last",
        "acronym_own_form",
        "sudden_severe_headache",
        "cannot_bend_head",
        "shivering_fever",
        "retention_measured",
        "age_sex_not_height",
        "cool_named_heat",
        "weak_rising",
        "lid_falls",
        "named_condition_forms",
        "limb_complaint_usual",
    ),
    "due_dates_and_relief.yaml": (
        "due_date_near",
        "past_due",
        "at_weeks",
        "sitting_relief_alone",
        "head_held_posed",
        "start_after_name",
        "curled_stiff",
        "scant_urine",
        "old_stiffness_not_new",
        "nothing_new_or",
        "speech_or_swallow_alone",
        "age_before_person",
    ),
    "referred_and_smelt.yaml": (
        "chest_to_arm",
        "tiring_jaw",
        "drink_smelt",
        "wrapping_band",
        "back_of_skull",
        "will_not_limb",
        "bare_condition_noun",
        "sweat_of_effort",
        "plural_feet",
        "pitched_over",
        "trick_condition",
        "age_sex_not_minutes",
        "today_after_stroke",
        "jab_time_and_sound",
        "shoulder_ache",
        "night_and_thunderclap",
        "deficit_worsening",
        "headache_scored",
        "muddle_acute",
        "light_hurts_eyes",
        "gait_likened",
        "hemibody_now",
        "slip_sight_eye_foot",
        "placed_after",
        "antibiotic_started",
    ),
    "references_and_signs.yaml": (
        "site_by_reference",
        "middle_of_spine",
        "predicate_left_out",
        "misshapen_limb",
        "movement_that_catches",
        "night_numbness_not_pain",
        "low_mood_said",
        "shaking_with_fever",
        "short_spasms",
        "likeness_for_pain",
    ),
    "amounts_and_inversions.yaml": (
        "jab_never_had",
        "dialect_negator",
        "small_amount_of_turn",
        "answer_in_speech",
        "pulsing_lump_lay",
        "minimised_event",
        "head_as_puller",
    ),
    "onset_and_exposures.yaml": (
        "gradual_creep",
        "no_trigger_lay",
        "woke_other_forms",
        "sleep_strain",
        "posture_held",
        "heat_weather",
        "drink_amount",
        "injects_unnamed",
        "cold_draught",
    ),
    "exams_and_umbrellas.yaml": (
        "umbrella_function",
        "raise_test_result",
        "grade_and_reflex",
        "absent_reflex_sign",
        "conscious_lay",
        "swallow_speech_object",
    ),
    "patterns_in_words.yaml": (
        "bend_any_form",
        "rest_pain_lay",
        "loosen_time",
        "ibp_parts",
        "brief_by_length",
        "effort_not_exercise",
        "lhermitte_lay",
    ),
    "activity_exposures.yaml": ("static_by_pattern", "heat_by_place", "heavy_task_word", "sleep_where"),
    "scope_and_emergencies.yaml": (
        "history_list_ends",
        "past_event_left",
        "new_deficit_after_stroke",
        "thunderclap_composed",
        "chest_tear_to_back",
        "colon_after_part",
    ),
    "shifts_and_knots.yaml": (
        "role_long_shifts",
        "night_screens",
        "knots_lay",
        "knot_press_refers",
        "months_no_number",
    ),
    "lay_s17.yaml": ("wound_cutting_verb", "reflex_spasm_sound", "head_held_state", "cold_lay"),
    "word_order_s17.yaml": ("fronted_denial", "reversed_condition", "since_last_length", "have_years_age"),
    "effort_s17.yaml": (
        "force_load_state",
        "slope_push",
        "farm_beast",
        "one_off_task",
        "others_occasion",
        "child_plaything",
        "first_go",
        "heart_effort_onset",
        "heart_effort_rest",
    ),
    "rheum_exam_s17.yaml": (
        "heel_tendon_words",
        "inflammatory_kind",
        "arch_shape_words",
        "spine_step_felt",
        "buttock_side_swap",
        "hamstring_rear_tight",
        "activity_relief_words",
        "now_after_list_or_date",
        "morning_stiffness_spread",
        "year_dates_own_item",
        "long_time_no_count",
    ),
    "misc_s17.yaml": ("and_new_subject", "night_hands_range", "relative_part_length"),
    "lay_s18.yaml": (
        "dropped_g",
        "after_perfect",
        "back_then_middle",
        "thoracic_level",
        "skin_bubbles",
        "vessel_widened_trunk",
        "heavy_thing",
        "muddle_drowsy",
    ),
    "carer_s16.yaml": (
        "carer_neck_handling",
        "own_head_move_worse",
        "girdle_limit_not_weakness",
        "weak_neck_not_arm",
    ),
    "history_s16.yaml": (
        "stress_by_situation",
        "sitting_aggravates",
        "heat_worsens",
        "one_off_task",
        "held_forward_posture",
        "roll_not_crash",
        "known_past_problem",
        "count_of_spells",
        "lasting_spasticity",
        "feared_diagnosis",
        "first_dose_and_trivial_reach",
    ),
    "lifts_s16.yaml": (
        "task_and_load",
        "person_as_load",
        "gym_effort",
        "forceful_pull",
    ),
    "limbs_s16.yaml": ("posture_load_not_movement",),
    "normals_s16.yaml": (
        "lay_function_names",
        "strength_normal",
        "face_part_alone",
        "old_deficit_nothing_new",
        "slow_headache_onset",
        "usual_headache_kind",
        "tightness_opposite",
        "symptom_over",
        "treated_reason",
    ),
    "regions_s16.yaml": (
        "seize_verb_spasm",
        "waist_low_back",
        "mid_back_placement",
        "site_named_now",
        "side_stiff_not_limb",
        "joint_noise_not_movement",
        "spine_leans_curve",
    ),
    "signs_s16.yaml": (
        "heart_pain_spreading",
        "effort_then_stop",
        "back_into_belly",
        "saliva_escaping",
        "light_avoidance",
        "not_responding",
        "jaw_held_shut",
        "dropping_things",
        "foot_drop_worsening",
        "shaking_with_chills",
        "weight_two_numbers",
    ),
    "events_s18.yaml": (
        "forced_by_other",
        "blow_passive",
        "landing_on_head",
        "haul_load",
        "rest_constancy",
        "buttocks_thighs",
    ),
    "owners_and_pairs.yaml": (
        "possessor_not_subject",
        "participle_pair",
        "other_presupposes",
    ),
    "time_s18.yaml": ("note_item_length", "story_clock", "recent_point", "illness_length", "coming_not_future"),
    "s19.yaml": ("owned_item_after_denial", "side_letter_stop", "back_noun_when", "power_down_limb"),
    "events_s19.yaml": (
        "low_energy_fall_elderly",
        "struck_by_vehicle",
        "back_went_idiom",
        "load_by_weight",
        "long_term_medicine",
        "past_illness_recent_infection",
        "career_length_not_duration",
        "lips_and_fingers",
    ),
    "wrong_s19.yaml": (
        "head_lean_not_gait",
        "head_on_position",
        "counted_falls_not_acute",
        "sitting_in_vehicle_no_collision",
        "past_stretch_is_now",
    ),
    "signs_s19.yaml": (
        "hot_to_touch_fever",
        "ambient_temperature",
        "limb_refuses_function",
        "weak_named_movement",
        "dropping_any_object",
        "neck_move_pain_behaviour",
        "head_back_direction",
        "keeps_awake_night_pain",
    ),
    "signs_s20.yaml": (
        "heat_beyond_body",
        "cold_then_hot_body_hot",
        "rash_not_going_pressed",
        "acute_muddle_and_alert",
        "sick_counted",
        "heavy_sweat_catching",
    ),
    "injury_s20.yaml": (
        "heavy_legs_cannot_stand",
        "thrown_onto_head",
        "rotation_degrees_pronoun",
        "low_fall_bone_risk",
        "drink_session_injury",
        "bare_walk_after_injury",
        "rear_end_by_verb",
        "attack_on_vehicle",
        "swung_load_lift",
        "begun_tripping",
    ),
    "scope_s19.yaml": (
        "past_moment_denial",
        "runon_negation_end",
        "denied_lifting_by_verb",
        "focal_umbrella",
        "slash_denial_items",
        "past_spells_relapsing",
    ),
    "spread_s20.yaml": (
        "region_list_pain",
        "thumb_next_two",
        "slow_result_onset",
        "unrested_sleep",
        "both_legs_shapes",
        "rear_sites",
        "ibp_lay_parts",
    ),
    "moves_s20.yaml": (
        "neck_moves_unwilled",
        "looking_up_extension",
        "woke_at_time",
        "tetanus_lay",
        "band_one_side",
        "knot_reproduces",
        "child_neck_flick",
    ),
    "time_s20.yaml": (
        "today_story_onset",
        "long_length_shapes",
        "not_the_length",
        "dated_history",
        "queried_hypothesis",
        "spasticity_setting",
    ),
    "expo_s20.yaml": (
        "overexertion_task",
        "barely_rise_all_over",
        "statin_dose_raise",
        "smoked_for_years",
        "scan_disc_bulge",
        "relative_named_dystonia",
    ),
    "denials_s20.yaml": (
        "exam_list_limb",
        "weight_kept",
        "saddle_felt",
        "jaw_claud_denied",
        "never_before_spine",
        "nothing_new_old_deficit",
        "bare_denial_hand_arm",
    ),
}
ROWS = {name: rows.load(name) for name in TABLES}


@pytest.mark.parametrize("row", [p for name in TABLES for p in rows.params(ROWS[name])])
def test_reading_row(row: dict[str, Any]) -> None:
    rows.check(row)


@pytest.mark.parametrize("name", list(TABLES))
def test_every_class_has_six_wordings_and_controls(name: str) -> None:
    rows.check_classes(ROWS[name], TABLES[name], extra=("safety",))


def test_normal_negatives_keep_six_safety_rows() -> None:
    """A red flag read present must stay present beside a normal word in another clause."""
    assert len([r for r in ROWS["normal_negatives.yaml"] if r.get("safety")]) >= 6

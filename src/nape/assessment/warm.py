"""Warming the pipeline before the first request: one assessment of a text that reaches every
reader, so that the regular expressions and tables each reader builds on first use are built
once, before traffic (in a worker, and in the long-text lane's fork server, whose children
inherit them).

A short warm-up ("stiff neck since this morning") left most readers cold: the first long text a
lane child read then paid about 0.8 CPU seconds of building on top of its reading, enough to cross
the lane's 2-second budget on an ordinary 20,000-character text.
"""

from __future__ import annotations

from nape.assessment.assemble import assess

#: Written to touch every reader: ages and relatives, titles, dates, weekdays and lengths in
#: words, numbers and shorthand, temperatures in both scales, laboratory values and blood
#: pressures, medicines and doses, pregnancy weeks and a birth, fall heights and stairs, angles,
#: morning stiffness, side shorthand, sound-alike words, clock spans, frequencies and distances.
WARM_UP_TEXT = (
    "My son of 15 years, 38.6 C (101.5 F), stiff neck since Tuesday 3 March, fell 2 m off a ladder "
    "and down 5 stairs 3 days ago, GCS 14, EMS 90 min. 55F, 2/52 LBP rad to R leg, SLR 40 deg L, "
    "rotation 60 degrees each way, P&N in L arm, no UMN sx, bladder nil, weakness nil. For too weeks "
    "the pain goes threw to my back buy my kidney, know fever, write leg numb. On haloperidol 5mg for "
    "2 yrs, dose doubled last week, 30 wks pregnant, had my baby 10 days ago with an epidural. CK 5400, "
    "K 3.1, CRP 48, eGFR 34, BP 182/96 R arm vs 148/88 L, drinks 30 units a week, lost 6 kg since the "
    "summer, works nights 8am-8pm, spasms every 2 hours lasting 5 minutes, worse after walking 200 m, "
    "in her 80s, Mrs K, 84, my wife of 20 years has had it since I was 19 (now 26)."
)


def warm_up_pipeline() -> None:
    """Build every reader's rules by assessing :data:`WARM_UP_TEXT` once (the result is dropped).

    Example: a worker calls this at start-up, so a GP's first pasted referral letter is read at
    the pipeline's warm speed instead of paying for the build."""
    assess(WARM_UP_TEXT, age=30)

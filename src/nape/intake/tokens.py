"""Tokens: spaCy 3.8's blank English tokenizer and the lookup lemmatizer's table.

The text is bounded before tokenising (see :func:`bound`), so no single chunk handed to the
tokenizer is long: spaCy's prefix/suffix/infix search costs the square of a chunk's length.
Each parse runs inside ``nlp.memory_zone()``: the strings of unseen words are freed after it,
so a long-running worker's vocabulary does not grow.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any, NamedTuple

# A run of the same punctuation or symbol, of emoji or of whitespace, is cut to a few.
# a run of spaces and tabs that is not one space (a single space is left as it is: replacing each
# of a text's spaces by itself costs a new string piece per word)
_WS_RUN = re.compile(r" [ \t\r\f\v]+|[\t\r\f\v][ \t\r\f\v]*")
_NL_RUN = re.compile(r"\n[\n \t\r\f\v]*")
_LONG_CHUNK = 40  # characters; no real word is longer
_SENT_END = frozenset({".", "!", "?", "..."})
_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'"})


_ASCII_SYMBOLS = r"!-/:-@\[-`{-~"
_ASCII_SYMBOL_RUN = re.compile(f"([{_ASCII_SYMBOLS}]{{3}})[{_ASCII_SYMBOLS}]+")
_ASCII_LONG = re.compile(r"([^ \n]{%d})[^ \n]+" % _LONG_CHUNK)  # noqa: UP031


def _is_symbolic(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat[0] in "PS" or cat in ("Co", "Cn", "Mn", "Me", "Cf")


def bound(text: str) -> str:
    """Collapse whitespace runs, cut runs of punctuation/symbols to three characters and cut
    any non-space chunk after 40 characters (no word is longer; "1-2-3-…" would otherwise be
    one token per character). Two regular expressions without nesting: linear in the text.

    The symbols of a text are ASCII punctuation and symbols plus whichever of its other
    characters are symbolic (``_is_symbolic``): the cuts are the same as the character loop
    :func:`bound_by_characters`, which the tests compare."""
    if "’" in text or "‘" in text or "`" in text:  # (translate looks up every character: slow)
        text = text.translate(_APOS)
    text = _NL_RUN.sub("\n", _WS_RUN.sub(" ", text))
    if text.isascii():  # every ASCII symbol is P* or S*
        return _ASCII_LONG.sub(r"\1", _ASCII_SYMBOL_RUN.sub(r"\1", text))
    others = "".join(sorted(ch for ch in set(text) if not ch.isascii() and _is_symbolic(ch)))
    runs = _symbol_run(others) if others else _ASCII_SYMBOL_RUN
    return _ASCII_LONG.sub(r"\1", runs.sub(r"\1", text))


def _symbol_run(others: str) -> re.Pattern[str]:
    """A run of four or more symbols: ASCII ones and ``others`` (the text's own)."""
    cls = _ASCII_SYMBOLS + "".join(re.escape(ch) for ch in others)
    return re.compile(f"([{cls}]{{3}})[{cls}]+")  # re keeps the last compiled patterns


def bound_by_characters(text: str) -> str:
    """:func:`bound` as a loop over the characters (the reference the tests compare it with)."""
    if "’" in text or "‘" in text or "`" in text:  # (translate looks up every character: slow)
        text = text.translate(_APOS)
    text = _NL_RUN.sub("\n", _WS_RUN.sub(" ", text))
    out: list[str] = []
    run = 0  # length of the current run of symbolic characters
    chunk = 0  # length of the current non-space chunk
    for ch in text:
        if ch in " \n":
            run = chunk = 0
            out.append(ch)
            continue
        if _is_symbolic(ch):
            run += 1
            if run > 3:
                continue
        else:
            run = 0
        chunk += 1
        if chunk > _LONG_CHUNK:
            continue
        out.append(ch)
    return "".join(out)


class Tok(NamedTuple):
    """One token: surface text, lower case, lemma (or a spelling correction), character offsets.

    A named tuple rather than a frozen dataclass: a parse makes one per token, and a tuple is
    built several times faster."""

    i: int
    text: str
    lower: str
    lemma: str
    start: int
    end: int
    is_punct: bool
    like_num: bool
    sent_start: bool = False


@cache
def _nlp() -> Any:
    """spaCy's blank English pipeline, loaded on first need (most texts need none). The cyclic
    garbage collector is paused meanwhile and what was loaded frozen, as for the rules build
    (pipeline.build): spaCy's import makes many long-lived objects and no garbage."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        import spacy

        return spacy.blank("en")
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


#: what spaCy's tokenizer says, kept as data (``scripts/gen_spacy_tokens.py`` writes it from
#: the installed spaCy; tests/unit/intake/test_spacy_tokens.py fails when it is stale): the
#: rules build and most texts are read without importing spaCy (over a second of start-up).
#: It is spaCy's data, so it is generated on each machine by the set-up commands
#: (scripts/start, scripts/test) and not kept in the repository; without it every chunk goes
#: to spaCy: the same reading, a slower start
GENERATED = Path(__file__).parent / "resources" / "spacy_tokens.json"

#: chunks this process handed to spaCy's tokenizer, kept only while ``RECORD`` is set (by the
#: generator; a worker keeps nothing)
FROM_SPACY: dict[str, tuple[tuple[int, str, str, bool, bool], ...]] = {}
RECORD = False

_Parts = tuple[tuple[int, str, str, bool, bool], ...]


class SpacyData(NamedTuple):
    special: frozenset[str]  # the tokenizer's special cases made of ASCII letters ("cannot")
    number_words: frozenset[str]  # lower-case ASCII words spaCy's English ``like_num`` accepts
    chunks: dict[str, _Parts]  # chunk -> its tokens (offset, text, lower, is_punct, like_num)
    # punctuation after a word or a number ("pain," "neck's..." "38."): its tokens, the same
    # after every word of two or more ASCII letters, or every number (the generator checks), by
    # "letters" or "digits"; and the special cases of that shape
    tails: dict[str, dict[str, _Parts]]
    special_tailed: frozenset[str]


@cache
def spacy_data() -> SpacyData | None:
    """The generated data, or None when it is missing or was written by another spaCy version
    (then spaCy itself is asked, as before)."""
    try:
        raw = json.loads(GENERATED.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    if raw.get("spacy") != metadata.version("spacy"):
        return None
    chunks = {k: tuple((o, t, t.lower(), p, n) for o, t, p, n in v) for k, v in raw["chunks"].items()}
    tails = {
        kind: {k: tuple((o, t, t.lower(), p, n) for o, t, p, n in v) for k, v in by_tail.items()}
        for kind, by_tail in raw["tails"].items()
    }
    return SpacyData(
        frozenset(raw["special"]), frozenset(raw["number_words"]), chunks, tails, frozenset(raw["special_tailed"])
    )


#: a word of two or more ASCII letters or a number, perhaps followed by "'s" or "'", then by
#: up to three marks of punctuation (the shapes the generator looks at)
TAILED = re.compile(r"([A-Za-z]{2,40}|[0-9]{1,40})((?:'[sS]?)?[.,;:!?)]{0,3})")


def _tailed(chunk: str, data: SpacyData) -> _Parts | None:
    """The tokens of a word followed by punctuation ("pain," "fever."), from the generated data:
    the word (one token: not a special case), then the tail's. None when the data does not
    cover the chunk."""
    m = TAILED.fullmatch(chunk)
    if m is None:
        return None
    word, tail = m.group(1), m.group(2)
    digits = word[0] <= "9"
    split = data.tails["digits" if digits else "letters"].get(tail)
    if split is None or any(word + tail[:k] in data.special_tailed for k in range(len(tail) + 1)):
        return None
    if word in data.special:  # "Im." is "I" "m.": left to spaCy
        return None
    lower = word.lower()
    at = len(word)
    head = (0, word, lower, False, digits or lower in data.number_words)
    return (head, *((at + o, t, low, p, n) for o, t, low, p, n in split))


def _spacy_chunk(chunk: str) -> _Parts:
    """A chunk's tokens: from the generated data, else from spaCy's tokenizer."""
    data = spacy_data()
    if data is not None:
        got = data.chunks.get(chunk) or _tailed(chunk, data)
        if got is not None:
            return got
    nlp = _nlp()
    with nlp.memory_zone():
        parts = tuple((t.idx, t.text, t.lower_, t.is_punct, t.like_num) for t in nlp.make_doc(chunk))
    if RECORD:
        FROM_SPACY[chunk] = parts
    return parts


@cache
def lemma_table() -> dict[str, str]:
    """spaCy's English lookup lemmas (spacy-lookups-data), read once; no model download."""
    path = resources.files("spacy_lookups_data") / "data" / "en_lemma_lookup.json.gz"
    with path.open("rb") as fh:
        data: dict[str, str] = json.loads(gzip.decompress(fh.read()))
    data.update(_OWN_LEMMAS)
    return data


# forms the lookup table takes for another word's: "number" (a count) is not a comparative of
# "numb", so "a number of things" says no numbness
_OWN_LEMMAS = {"number": "number"}


@cache
def english_words() -> frozenset[str]:
    """Word forms the lookup table knows (inflected forms and their lemmas): real words."""
    table = lemma_table()
    return frozenset(table) | frozenset(table.values())


_PROB_LINE = re.compile(rb'\n  "(?:[^"\\]|\\.)*":(-?[0-9.e-]+)')
_PROB_WORD = re.compile(rb'"([A-Za-z]{2,30})":')


@cache
def common_words(log_prob: float) -> frozenset[str]:
    """Lower-case words more common than ``log_prob`` in spaCy's English word frequencies
    (spacy-lookups-data ``en_lexeme_prob``): real words even where the lemma table has no entry
    ("here", "stan"). The file lists words from the most to the least common, so only its head
    is read: the cut is found by a binary search over its bytes (a tenth of a second, once)."""
    path = resources.files("spacy_lookups_data") / "data" / "en_lexeme_prob.json.gz"
    with path.open("rb") as fh:
        raw = gzip.decompress(fh.read())
    lo, hi = 0, len(raw)
    while hi - lo > 256:
        mid = (lo + hi) // 2
        m = _PROB_LINE.search(raw, mid)
        if m is not None and float(m.group(1)) > log_prob:
            lo = mid
        else:
            hi = mid
    return frozenset(m.group(1).decode().lower() for m in _PROB_WORD.finditer(raw, 0, hi))


def tokenise(text: str) -> list[Tok]:
    """Tokens of an already bounded text, with lemmas; the spaCy vocabulary is not grown.

    spaCy's tokenizer splits the text at whitespace and then each chunk on its own, so a text
    whose words are separated by a space, a line break or a space and a line break is tokenised
    chunk by chunk, each chunk's tokens kept in a bounded cache (a person's words repeat; a new
    word costs spaCy a lexeme per parse inside the memory zone). Any other text goes to spaCy
    whole. tests/unit/intake/test_tokens_phrases.py checks both give the same tokens."""
    if _SIMPLE_SPACING.fullmatch(text) is None:
        return spacy_tokenise(text)
    table = lemma_table()
    out: list[Tok] = []
    start = True  # a sentence starts here: the text's first word, and after . ! ? or a new line
    for m in _CHUNK.finditer(text):
        chunk = m.group()
        at = m.start()
        if chunk == " \n":  # the space is the previous word's trailing whitespace
            chunk, at = "\n", at + 1
        if chunk == "\n":
            out.append(Tok(len(out), "\n", "\n", "\n", at, at + 1, True, False, True))
            start = True
            continue
        parts = _TEXT_CHUNKS.get(chunk)
        if parts is None:
            parts = _chunk_tokens(chunk)
        for off, word, lower, is_punct, like_num in parts:
            # the tuple built directly (the named tuple's own constructor is a Python call)
            a = at + off
            out.append(
                _new(Tok, (len(out), word, lower, table.get(lower, lower), a, a + len(word), is_punct, like_num, start))
            )
            start = lower in _SENTENCE_ENDS
    return out


# the marks after which the next word starts a sentence (a token's ``sent_start``)
_SENTENCE_ENDS = frozenset({".", "!", "?", "...", "…"})
# Words separated by " ", "\n" or " \n" only (what ``bound`` leaves of most texts), perhaps with
# a final space (spaCy keeps it as the last token's trailing whitespace, not a token).
_SIMPLE_SPACING = re.compile(r"[^\s]+(?:(?: |\n| \n)[^\s]+)* ?")
_CHUNK = re.compile(r"[^\s]+| ?\n")
_TEXT_CHUNKS: dict[str, tuple[tuple[int, str, str, bool, bool], ...]] = {}
_TEXT_CHUNKS_MAX = 20_000
_new = tuple.__new__


def _chunk_tokens(chunk: str) -> tuple[tuple[int, str, str, bool, bool], ...]:
    if _LETTERS.fullmatch(chunk) and chunk not in _special_cases():
        # ASCII letters alone: spaCy keeps the chunk whole (no prefix, suffix or infix applies
        # to letters) unless it is a special case, not punctuation, "like a number" by the
        # English getter spaCy itself uses ("one", "third"). No trip through spaCy's tokenizer,
        # whose own structures grow with every new word even inside the memory zone.
        lower = chunk.lower()
        parts: _Parts = ((0, chunk, lower, False, _is_number_word(lower)),)
    else:
        parts = _spacy_chunk(chunk)
    if len(_TEXT_CHUNKS) >= _TEXT_CHUNKS_MAX:
        _TEXT_CHUNKS.clear()
    _TEXT_CHUNKS[chunk] = parts
    return parts


def spacy_tokenise(text: str) -> list[Tok]:
    """Tokens of an already bounded text from spaCy's tokenizer run on the whole text."""
    nlp = _nlp()
    table = lemma_table()
    out: list[Tok] = []
    with nlp.memory_zone():
        doc = nlp.make_doc(text)
        start = True
        for t in doc:
            if t.is_space:
                if "\n" in t.text:
                    out.append(Tok(len(out), "\n", "\n", "\n", t.idx, t.idx + len(t.text), True, False, True))
                    start = True
                continue
            lower = t.lower_
            out.append(
                Tok(
                    len(out),
                    t.text,
                    lower,
                    table.get(lower, lower),
                    t.idx,
                    t.idx + len(t.text),
                    t.is_punct,
                    t.like_num,
                    start,
                )
            )
            start = lower in _SENTENCE_ENDS
    return out


_LETTERS = re.compile(f"[A-Za-z]{{1,{_LONG_CHUNK}}}")


@cache
def _like_num() -> Any:
    """spaCy's English ``like_num`` getter (the one its lexemes use)."""
    from spacy.attrs import LIKE_NUM

    return _nlp().vocab.lex_attr_getters[LIKE_NUM]


def _is_number_word(lower: str) -> bool:
    """spaCy's ``like_num`` on a word of ASCII letters (lower case): a number word."""
    data = spacy_data()
    if data is not None:
        return lower in data.number_words
    return bool(_like_num()(lower))


# A word of plain lower-case letters: ``bound`` leaves it as it is and spaCy keeps it whole (no
# prefix, suffix or infix applies to letters alone), unless it is one of the tokenizer's
# special cases ("cannot" is "can" "not").
_PLAIN_WORD = re.compile(f"[a-z]{{1,{_LONG_CHUNK}}}")
# A phrase whose only whitespace is single spaces: ``bound`` and spaCy's tokenizer both treat
# each space-separated chunk on its own.
_SINGLE_SPACED = re.compile(r"[^\s]+(?: [^\s]+)*")


@cache
def _special_cases() -> frozenset[str]:
    """The tokenizer's special cases; without spaCy, those made of ASCII letters (the only
    ones looked up here: a chunk of ASCII letters)."""
    data = spacy_data()
    if data is not None:
        return data.special
    return frozenset(_nlp().tokenizer.rules)


#: every phrase tokenised so far, with its tokens (rule phrases: a bounded set)
PHRASES: dict[str, tuple[str, ...]] = {}
_CHUNKS: dict[str, tuple[str, ...]] = {}


def _chunk_words(chunk: str) -> tuple[str, ...]:
    words = _CHUNKS.get(chunk)
    if words is None:
        if _PLAIN_WORD.fullmatch(chunk) and chunk not in _special_cases():
            words = (chunk,)
        elif chunk == bound(chunk):
            words = tuple(p[2] for p in _spacy_chunk(chunk) if not p[2].isspace())
        else:
            words = spacy_phrase_words(chunk)
        _CHUNKS[chunk] = words
    return words


def phrase_words(phrase: str) -> tuple[str, ...]:
    """The lower-case tokens of a rule's phrase, tokenised once when the rules are built (a
    rule's words stay in the vocabulary for the life of the process anyway). A single-spaced
    phrase is tokenised chunk by chunk, and a chunk of plain letters is a token of its own:
    the same tokens as spaCy's tokenizer gives on the whole phrase
    (tests/unit/intake/test_tokens_phrases.py checks every rule phrase), at a tenth of the cost."""
    words = PHRASES.get(phrase)
    if words is None:
        low = phrase.lower()
        if _SINGLE_SPACED.fullmatch(low):
            words = tuple(w for chunk in low.split(" ") for w in _chunk_words(chunk))
        else:
            words = spacy_phrase_words(low)
        PHRASES[phrase] = words
    return words


def capital_phrase_words(phrase: str) -> tuple[str, ...] | None:
    """The lower-case tokens of a phrase with a digit as clinicians write it, in capitals, when
    they differ from :func:`phrase_words`: spaCy splits "t2dm" at a unit ("t2" "dm", as in
    decimetres) but keeps "T2DM" whole. None for a phrase without a digit, or the same tokens."""
    if not any(ch.isdigit() for ch in phrase) or not _SINGLE_SPACED.fullmatch(phrase):
        return None
    words: list[str] = []
    for chunk in phrase.lower().split(" "):
        if any(ch.isdigit() for ch in chunk):  # only a chunk with a digit is written in capitals
            words.extend(p[2] for p in _spacy_chunk(chunk.upper()) if not p[2].isspace())
        else:
            words.extend(_chunk_words(chunk))
    got = tuple(words)
    return None if got == phrase_words(phrase) else got


def spacy_phrase_words(phrase: str) -> tuple[str, ...]:
    """A phrase's lower-case tokens from spaCy's tokenizer itself."""
    doc = _nlp().make_doc(bound(phrase.lower()))
    return tuple(t.lower_ for t in doc if not t.is_space)

"""The light stemmer shared by the lexicon loaders (two terms that differ only by inflection are one
term) and the briefs_lexicon component (patterns and text are matched on the same stems)."""

from __future__ import annotations

from collections.abc import Iterable

# --- inflection: a light, cached stemmer shared by the patterns and the text -------------------

_IRREGULAR = {
    "met": "meet", "held": "hold", "froze": "freeze", "frozen": "freeze", "withdrew": "withdraw",
    "withdrawn": "withdraw", "sought": "seek", "fought": "fight", "struck": "strike", "broke": "break",
    "broken": "break", "bought": "buy", "sold": "sell", "took": "take", "taken": "take",
    "gave": "give", "given": "give", "spoke": "speak", "spoken": "speak", "threw": "throw",
    "thrown": "throw", "began": "begin", "begun": "begin", "built": "build", "sent": "send",
    "paid": "pay", "crises": "crisis", "chose": "choose", "chosen": "choose", "drew": "draw", "drawn": "draw",
}  # fmt: skip
# Words whose stem would be another word ("news" is not "new", "according" not "accord").
_KEEP = frozenset(
    "news goods arms means customs securities series species always perhaps towards afterwards "
    "headquarters whereas according aide aides".split()
)
_STEMS: dict[str, str] = {}


def _stem(word: str) -> str:
    word = _IRREGULAR.get(word, word)
    if len(word) <= 3 or not word.isalpha() or word in _KEEP:
        return word
    if len(word) > 4 and word.endswith(("ies", "ied")):
        return word[:-3] + "y"
    if word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    stripped = False
    for suffix in ("ing", "ed"):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3 and any(c in "aeiouy" for c in base):
            word, stripped = base, True
            break
    if word.endswith("e") and len(word) > 3 and (not stripped or word.endswith("ee")):
        word = word[:-1]  # "accuse" and "accused" both become "accus"
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouy":
        word = word[:-1]  # "banned" -> "ban", "expelled" -> "expel"
    return word


def normalise(word: str) -> str:
    """The form a word is matched on: lower case, without inflection ("Signed" -> "sign")."""
    stem = _STEMS.get(word)
    if stem is None:
        stem = _STEMS[word] = _stem(word.lower())
    return stem


def normalise_all(words: Iterable[str]) -> list[str]:
    """normalise() of each word (the cached stems read inline: one call per text, not per token)."""
    get = _STEMS.get
    return [get(word) or normalise(word) for word in words]


def phrase_key(term: str) -> str:
    """The key two terms are compared on: each word normalised ("Signed deals" -> "sign deal")."""
    return " ".join(normalise(w) for w in term.split())

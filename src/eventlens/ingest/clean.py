"""Cleaning: the article text that is stored, and a record of everything dropped from it.

``clean_text`` runs before any offsets exist, so every later Span points into its output.
It keeps the text's own characters (quotes, apostrophes, scripts) and only normalises
whitespace: one paragraph per line of output, paragraphs separated by one blank line.

What is dropped is decided by structure, not by the words of one article:
- credit lines: a line made only of agency names and photographer names
  ("Reuters", "AFP/Getty Images", "Photo: John Smith");
- captions: short or bulleted lines directly followed by a credit line, and every
  bullet of a bullet block that carries credits (the photo strip at the top of a page);
- media markers and page furniture: lines that are only "picture", "video", "advertisement"...;
- footers: share/follow/subscribe/newsletter/copyright/"read more" lines;
- repeated paragraphs: the same paragraph again (ignoring case, spacing, punctuation and
  a leading bullet), near-identical copies, and bulleted highlight boxes restating an
  earlier paragraph. The first occurrence is kept.
Every removal is returned as Removed(text, reason).

All passes are linear in the input size; the fuzzy repeat check is bounded (see
MAX_FUZZY_PARAGRAPHS) so a 20 MB file cannot make it quadratic.
"""
from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz

from ..model import Removed

# --- character level ---------------------------------------------------------------------

# Unicode spaces become plain spaces; invisible junk disappears. ZWNJ/ZWJ (U+200C/D) are
# kept: they are meaningful in Persian, Urdu and other scripts.
_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_CHAR_MAP = {ord(c): " " for c in _SPACES}
_CHAR_MAP.update({ord(c): "\n" for c in "\r\v\f\u0085\u2028\u2029"})
_CHAR_MAP.update({ord(c): None for c in "\u200b\u2060\ufeff\u00ad"})
_CHAR_MAP.update({c: None for c in range(0, 32) if c not in (9, 10, 11, 12, 13)})
_CHAR_MAP.update({c: None for c in range(0x7f, 0xa0) if c != 0x85})
_MULTISPACE = re.compile(r" {2,}")

BULLET_RE = re.compile(r"^(?:[•●▪■◦‣○◆◇►▶▸·]|[-*–—](?=\s))\s*")

# --- credits -----------------------------------------------------------------------------

# Picture agencies and wire services as they appear in photo credits (lowercase).
AGENCIES = {
    "reuters", "afp", "ap", "associated press", "agence france-presse", "agence france presse",
    "epa", "efe", "epa-efe", "getty", "getty images", "anadolu", "anadolu agency", "aa",
    "xinhua", "ansa", "dpa", "tass", "ria novosti", "sputnik", "irna", "ina", "wana", "sana",
    "isna", "tasnim", "fars", "mehr", "shutterstock", "alamy", "alamy stock photo", "pa",
    "pa images", "pa media", "pa wire", "upi", "bloomberg", "kyodo", "yonhap", "ians", "pti",
    "ani", "sopa images", "nurphoto", "zuma", "zuma press", "zuma wire", "abaca", "sipa",
    "sipa usa", "imago", "rex", "rex features", "rex/shutterstock", "polaris", "redux",
    "bbc", "cnn", "al jazeera", "handout", "file", "supplied", "courtesy", "press office",
    "wikimedia commons",
}
# Platforms credit photos ("Photo: Twitter", "Getty/Instagram") but a lone "FACEBOOK." line
# usually labels an embedded post or reader comment, so alone they are not a credit.
PLATFORMS = {"twitter", "x", "facebook", "instagram", "telegram", "youtube", "tiktok",
             "social media", "whatsapp"}
_AGENCY_SUFFIXES = (" photo", " photos", " images", " pictures", " pool", " tv", " video",
                    " via getty images", " file photo", " handout")
_CREDIT_PREFIX = re.compile(
    r"^(?:©|\(c\)|copyright\b)?\s*"
    r"(?:(?:file\s+|main\s+|top\s+)?(?:photo(?:graph)?s?|pictures?|pics?|images?|credits?|"
    r"photo\s+credits?|image\s+credits?|video|source|illustration)\s*(?:by\b|:|-|–|—)\s*)?",
    re.I)
_CREDIT_SPLIT = re.compile(r"\s*(?:/|\||,|;|&|\+|\bvia\b|\band\b|\s[-–—]\s)\s*", re.I)
_NAME_PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "de", "da", "di", "van", "von", "der",
                   "del", "la", "le", "dos", "du"}
_BYLINE = re.compile(r"^by\s+(.+)$", re.I)


def _is_agency(part: str) -> bool:
    p = part.casefold().strip(" .()[]")
    if p in AGENCIES:
        return True
    for suffix in _AGENCY_SUFFIXES:
        if p.endswith(suffix) and p[: -len(suffix)].strip() in AGENCIES:
            return True
    return False


def _is_name(part: str, min_words: int = 1) -> bool:
    words = part.strip(" .").split()
    if not (min_words <= len(words) <= 4) or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.casefold().split("-")[0] in _NAME_PARTICLES for w in words)


def is_credit(line: str) -> bool:
    """A line made only of picture agencies / photographer names ("AFP/Getty Images")."""
    if len(line) > 90:
        return False
    s = BULLET_RE.sub("", line).strip().strip("()[]").strip()
    m = _CREDIT_PREFIX.match(s)
    had_prefix = bool(m and m.group(0).strip())
    rest = s[m.end():] if m else s
    parts = [p.strip(" .") for p in _CREDIT_SPLIT.split(rest) if p and p.strip(" .")]
    if not parts:
        return False
    agencies = [_is_agency(p) for p in parts]
    platforms = [p.casefold() in PLATFORMS for p in parts]
    if any(agencies) and all(a or pl or _is_name(p) for a, pl, p in zip(agencies, platforms, parts)):
        return True
    return had_prefix and len(parts) <= 3 and all(pl or _is_name(p) for pl, p in zip(platforms, parts))


def is_byline(line: str) -> bool:
    """"By Reuters", "By Jane Doe and John Roe, AFP" (not "By Monday")."""
    m = _BYLINE.match(line.strip())
    if not m or len(line) > 120:
        return False
    parts = [p.strip(" .") for p in _CREDIT_SPLIT.split(m.group(1)) if p.strip(" .")]
    if not parts:
        return False
    agencies = [_is_agency(p) for p in parts]
    if any(agencies):
        return all(a or _is_name(p) for a, p in zip(agencies, parts))
    return all(_is_name(p, min_words=2) for p in parts)


# --- markers and footers -----------------------------------------------------------------

_MARKERS = {
    "media marker": {
        "picture", "pictures", "photo", "photos", "image", "images", "video", "videos", "audio",
        "gallery", "photo gallery", "image gallery", "video gallery", "slideshow", "slide show",
        "watch", "watch video", "watch the video", "watch now", "play video", "play", "video player",
        "click to enlarge", "enlarge", "enlarge image", "enlarge this image", "open image in gallery",
        "view gallery", "view image", "view images", "listen", "listen to this article",
        "infographic", "graphic", "media", "caption", "expand", "toggle caption", "hide caption",
        "photo caption", "image caption", "video caption", "map", "interactive",
    },
    "advertisement": {"advertisement", "advertising", "ad", "sponsored", "sponsored content",
                      "scroll to continue with content", "story continues below advertisement"},
    "page furniture": {"continue reading", "read more", "story continues below", "loading",
                       "video player loading", "show more", "show less", "back to top",
                       "print", "email", "comments", "comment", "copy link", "link copied"},
}
_MARKER_REASON = {m: reason for reason, ms in _MARKERS.items() for m in ms}
_MIN_READ = re.compile(r"^\d+\s*(?:min|mins|minutes?)\s+(?:read|listen)$")
_PLATFORMS = (r"(?:google\s+news|twitter|facebook|instagram|telegram|whatsapp|youtube|linkedin|"
              r"tiktok|threads|snapchat|social\s+media|x)")
_FOOTERS = [(re.compile(p, re.I), reason) for p, reason in [
    (r"^(?:please\s+)?follow\b.*\b(?:on|via|at|in)\s+" + _PLATFORMS + r"\b", "footer"),
    (r"^(?:please\s+)?(?:follow|like|join|find)\s+(?:us|our)\b", "footer"),
    # A bar of share buttons: "Share | Tweet | Email", "Facebook · Twitter · WhatsApp".
    (r"^(?:share|tweet|email|e-mail|print|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|copy\s+link)"
     r"(?:\s*[|·•/,]\s*(?:share|tweet|email|e-mail|print|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|"
     r"copy\s+link))+\W*$", "footer"),
    (r"^share\b(?:\s+(?:this|on|via|to|it|article|story|page|post)\b.{0,50})?\W*$", "footer"),
    (r"^(?:click|tap)\s+(?:here\s+)?to\s+(?:share|subscribe|follow|download|sign up)\b", "footer"),
    (r"^(?:subscribe|sign\s+up|register)\s+(?:to|for|now|here|today)\b", "footer"),
    (r"^(?:subscribe|sign\s+up)\b.*\b(?:newsletter|channel|alerts|updates)\b", "footer"),
    (r"^(?:get|receive)\s+(?:our|the)\b.*\b(?:newsletter|alerts|app)\b", "footer"),
    (r"^(?:\w+\s+){0,4}newsletters?\W*$", "footer"),
    (r"^download\s+(?:our|the)\b.*\bapp\b", "footer"),
    (r"^(?:©|\(c\)\s|copyright\b).{0,150}$", "footer"),
    (r"\ball rights reserved\W*$", "footer"),
    (r"^(?:tags?|topics?|keywords?)\s*:", "footer"),
    (r"^(?:we|this\s+(?:site|website))\s+uses?\s+cookies\b", "footer"),
    (r"^(?:to\s+)?report\s+an?\s+(?:error|typo|correction)\b", "footer"),
    (r"^(?:read|see)\s+(?:more|also)\s*[:\-–—]", "related link"),
    (r"^(?:(?:click|tap)\s+here\s+to\s+)?(?:read|see|watch)\s+(?:the\s+)?(?:rest|full|whole|more)\b"
     r".{0,40}\b(?:here|below)\W*$", "related link"),
    (r"^\(?[-–—\s]*(?:additional\s+)?(?:reporting|writing|editing|compiled)\s+(?:by|from)\b.{0,250}$",
     "byline"),
    (r"^.{0,120}\bcontributed\s+(?:reporting|to\s+this\s+(?:report|article|story))\W*$", "byline"),
    (r"^(?:also\s+read|read\s+also|related|related\s+(?:articles?|stories|content|news)|"
     r"more\s+on\s+this\s+story|recommended|most\s+read|you\s+may\s+also\s+like)\s*[:\-–—]?\s*", "related link"),
]]
# Related-link headers may carry a headline after them; everything else must be short.
_MAX_FOOTER_CHARS = 300


def _marker_key(line: str) -> str:
    return " ".join(re.sub(r"[^\w\s]+", " ", BULLET_RE.sub("", line).casefold()).split())


def marker_reason(line: str) -> str | None:
    if len(line) > 60:
        return None
    key = _marker_key(line)
    if key in _MARKER_REASON:
        return _MARKER_REASON[key]
    if _MIN_READ.match(key):
        return "page furniture"
    return None


def footer_reason(line: str) -> str | None:
    if len(line) > _MAX_FOOTER_CHARS:
        return None
    s = BULLET_RE.sub("", line).strip().lstrip("\"“”'‘’«(").strip()
    for pattern, reason in _FOOTERS:
        if pattern.search(s):
            # "Related: <headline>" is a link list entry; "Related to the attack, ..." is prose.
            if reason == "related link" and not re.match(r"^[\w\s]+\s*[:\-–—]", s) and len(s) > 40:
                continue
            return reason
    return None


# --- paragraphs --------------------------------------------------------------------------

def _normalise_chars(text: str) -> str:
    text = text.replace("\r\n", "\n").translate(_CHAR_MAP)
    return _MULTISPACE.sub(" ", text)


def _is_special(line: str) -> bool:
    return bool(BULLET_RE.match(line) or is_credit(line) or marker_reason(line)
                or footer_reason(line))


def _looks_hard_wrapped(blocks: list[list[str]]) -> bool:
    """Text wrapped at a fixed width: lines inside blank-line-separated blocks are all short."""
    if len(blocks) < 2:
        return False  # no blank lines: each line is a paragraph (trafilatura, most feeds)
    inner = [ln for block in blocks for ln in block[:-1]]
    if len(inner) < 2 or any(len(ln) > 120 for block in blocks for ln in block):
        return False
    return sum(1 for ln in inner if 25 <= len(ln) <= 100) >= 0.8 * len(inner)


def split_paragraphs(text: str, hard_wraps: bool | None = None) -> list[str]:
    """Lines -> paragraphs. Each line is a paragraph unless the text is hard-wrapped."""
    lines = [ln.strip() for ln in _normalise_chars(text).split("\n")]
    blocks: list[list[str]] = []
    current: list[str] = []
    for ln in lines:
        if ln:
            current.append(ln)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    if hard_wraps is None:
        hard_wraps = _looks_hard_wrapped(blocks)
    if not hard_wraps:
        return [ln for block in blocks for ln in block]
    paragraphs = []
    for block in blocks:
        buf: list[str] = []
        for ln in block:
            # Bullets, credits and markers keep their own line even in wrapped text.
            if buf and (_is_special(ln) or _is_special(buf[-1])):
                paragraphs.append(" ".join(buf))
                buf = []
            buf.append(ln)
        if buf:
            paragraphs.append(" ".join(buf))
    return paragraphs


# --- repeats -----------------------------------------------------------------------------

MIN_REPEAT_CHARS = 60          # shorter paragraphs (headings, "Iraq") may legitimately repeat
NEAR_IDENTICAL = 90            # rapidfuzz ratio (0-100) of two paragraphs' normalised forms
CANDIDATE_CONTAINMENT = 0.3    # share of 4-grams in common before comparing two paragraphs
HIGHLIGHT_CONTAINMENT = 0.5    # share of the shorter paragraph a bulleted highlight must restate
MAX_FUZZY_PARAGRAPHS = 3000    # beyond these sizes (not a news article) only exact repeats
MAX_FUZZY_WORDS = 2000         # are checked, which keeps cleaning linear
_MAX_POSTINGS = 16             # a 4-gram in more paragraphs than this is boilerplate, not evidence
_NON_WORD = re.compile(r"[\W_]+")


def repeat_key(paragraph: str) -> str:
    """Case-, spacing-, punctuation- and bullet-insensitive form of a paragraph."""
    return _NON_WORD.sub(" ", BULLET_RE.sub("", paragraph).casefold()).strip()


def _shingles(key: str, n: int = 4) -> set[int]:
    words = key.split()
    if len(words) < n:
        return {hash(key)}
    return {hash(" ".join(words[i:i + n])) for i in range(len(words) - n + 1)}


def _mark_repeats(paragraphs: list[str], reasons: list[str | None]) -> None:
    seen: set[str] = set()
    fuzzy = len(paragraphs) <= MAX_FUZZY_PARAGRAPHS
    postings: dict[int, list[int]] = defaultdict(list)
    sizes: dict[int, int] = {}
    keys: dict[int, str] = {}
    for i, para in enumerate(paragraphs):
        if reasons[i] is not None:
            continue
        key = repeat_key(para)
        if len(key) < MIN_REPEAT_CHARS:
            continue
        if key in seen:
            reasons[i] = "repeated paragraph"
            continue
        seen.add(key)
        if not fuzzy or key.count(" ") >= MAX_FUZZY_WORDS:
            continue
        sh = _shingles(key)
        overlap: dict[int, int] = defaultdict(int)
        for s in sh:
            for j in postings.get(s, ()):
                overlap[j] += 1
        bulleted = bool(BULLET_RE.match(para))
        for j, common in overlap.items():
            containment = common / min(len(sh), sizes[j])
            if containment < CANDIDATE_CONTAINMENT:
                continue
            # Highlights restate part of a paragraph; other copies must be near-identical
            # (one word or a few characters changed), not merely share a phrase.
            if (bulleted and common >= 8 and containment >= HIGHLIGHT_CONTAINMENT) or \
                    fuzz.ratio(key, keys[j]) >= NEAR_IDENTICAL:
                reasons[i] = "repeated paragraph"
                break
        if reasons[i] is not None:
            continue
        sizes[i] = len(sh)
        keys[i] = key
        for s in sh:
            plist = postings[s]
            if len(plist) < _MAX_POSTINGS:
                plist.append(i)


# --- captions ----------------------------------------------------------------------------

MAX_CAPTION_WORDS = 40          # a caption is a line or two, not a news paragraph
MIN_CAPTION_WORDS = 4           # "Henderson, Nev." before a credit is a signature, not a caption
_QUOTE_START = re.compile(r"^[\"“”„«‘’'‹›「『]")
MAX_BULLET_CAPTION_WORDS = 60
_INLINE_CREDIT = re.compile(
    r"\((?:(?:file\s+)?photo(?:graph)?|picture|image|credit|pic)s?\b[^()]{0,80}\)\s*$", re.I)
_CAPTION_PREFIX = re.compile(r"^(?:photo|image|picture|video)?\s*caption\s*[:\-–—]|"
                             r"^(?:photo|image|picture|pictured|above|top|main image)\s*[:\-–—]\s*\S",
                             re.I)


def _words(s: str) -> int:
    return len(s.split())


def _mark_captions(paragraphs: list[str], reasons: list[str | None]) -> None:
    n = len(paragraphs)
    bullet = [bool(BULLET_RE.match(p)) for p in paragraphs]
    # A caption sits directly before its credit line.
    for i in range(1, n):
        if reasons[i] != "credit":
            continue
        j = i - 1
        while j >= 0 and reasons[j] == "credit":
            j -= 1
        if j <= 0 and not (j == 0 and bullet[0]):
            continue  # the first paragraph is the headline in text input, never a caption
        if reasons[j] is None and (
                (MIN_CAPTION_WORDS <= _words(paragraphs[j]) <= MAX_CAPTION_WORDS
                 and not _QUOTE_START.match(paragraphs[j]))  # quotes are content, not captions
                or (bullet[j] and _words(paragraphs[j]) <= MAX_BULLET_CAPTION_WORDS)):
            reasons[j] = "caption"
    # A block of bullets interleaved with credits/markers is a photo strip: all its bullets
    # are captions, including the one whose credit is missing.
    i = 0
    while i < n:
        if not bullet[i] and reasons[i] not in ("credit", "media marker"):
            i += 1
            continue
        j = i
        while j < n and (bullet[j] or reasons[j] in ("credit", "media marker", "caption")):
            j += 1
        if any(reasons[k] == "credit" for k in range(i, j)):
            for k in range(i, j):
                if bullet[k] and reasons[k] is None and _words(paragraphs[k]) <= MAX_BULLET_CAPTION_WORDS:
                    reasons[k] = "caption"
        i = max(j, i + 1)
    # Self-describing captions: "Photo: protesters in ...", "... (Photo: AFP)".
    for i, p in enumerate(paragraphs):
        if reasons[i] is None and i > 0 and _words(p) <= MAX_CAPTION_WORDS and (
                _INLINE_CREDIT.search(p) or _CAPTION_PREFIX.match(p)):
            reasons[i] = "caption"


# --- entry point -------------------------------------------------------------------------

def clean_text(text: str, hard_wraps: bool | None = None) -> tuple[str, list[Removed]]:
    """Return (stored text, removed pieces). ``hard_wraps``: join wrapped lines into
    paragraphs (None = detect)."""
    paragraphs = split_paragraphs(text, hard_wraps)
    reasons: list[str | None] = [None] * len(paragraphs)
    for i, p in enumerate(paragraphs):
        if is_credit(p):
            reasons[i] = "credit"
        elif is_byline(p):
            reasons[i] = "byline"
        else:
            reasons[i] = marker_reason(p) or footer_reason(p)
    _mark_captions(paragraphs, reasons)
    _mark_repeats(paragraphs, reasons)
    kept = [p for p, r in zip(paragraphs, reasons) if r is None]
    removed = [Removed(text=p, reason=r) for p, r in zip(paragraphs, reasons) if r is not None]
    return "\n\n".join(kept), removed

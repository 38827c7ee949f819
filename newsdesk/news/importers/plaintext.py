"""Parse the plain-text view of an old reader page into structured article parts.

Newsrooms moving to Newsdesk often only have their old pages as the text a browser shows
(images appear as their alt text). This module is the pure parsing half of the importer: it
knows nothing about Django or Wagtail, only about the shape of such a page:

1. page chrome before the article (tracking-pixel alt, reading-streak widget) and the author
   card (avatar alt = name, name, optional status line such as "Бывший сотрудник");
2. the headline, a one-line block;
3. optionally a lead photo: a two-line block, alt text then a caption ending with a credit
   ("Фото: example.kz");
4. the lede: the first paragraph after the lead photo (or after the headline);
5. the body: paragraphs, attributed quotes (``"…", — сказал Имя Фамилия.``) and more photos;
6. page chrome after the article (subscription call-to-action, social links, bookmarks panel).

Text inside a line is never rewritten: non-breaking spaces, dashes, typographic quotes and
figures such as "$24,2 млрд" must survive the import byte-for-byte, because editors will
compare the imported story against the old page.
"""

import re
from collections import Counter
from dataclasses import dataclass

__all__ = [
    "ImportedPage",
    "ImportedParagraph",
    "ImportedPhoto",
    "ImportedQuote",
    "PlainTextImportError",
    "parse_plaintext_page",
    "quote_as_text",
]


@dataclass(frozen=True)
class ImportedPhoto:
    """A photo as the text view shows it: its alt text and its caption line."""

    alt: str
    # Caption without the credit, trailing whitespace stripped, final period kept ("Х и Y.").
    caption: str
    # Verbatim credit label, e.g. "Фото: primeminister.kz" or "Фото.: primeminister.kz".
    credit: str


@dataclass(frozen=True)
class ImportedParagraph:
    """A plain body paragraph, verbatim."""

    text: str


@dataclass(frozen=True)
class ImportedQuote:
    """An attributed quote paragraph: ``"text", — verb speaker.``

    ``open_mark``/``close_mark`` default to the straight double quote used by the spec; they
    only differ for quotes wrapped in typographic «…», so those lines still rebuild verbatim.
    """

    # The quoted words without the surrounding quote marks.
    text: str
    # The attribution verb, e.g. "сказал", "отметил", "подчеркнул".
    verb: str
    # Who said it, without the final period, e.g. "Имя Фамилия".
    speaker: str
    # The exact whitespace after the dash (" ", "\u00a0", even "\u00a0 "), so the line can be
    # rebuilt verbatim.
    dash_space: str
    open_mark: str = '"'
    close_mark: str = '"'


@dataclass(frozen=True)
class ImportedPage:
    """Everything the importer recovered from one page, in page order."""

    headline: str
    # De-duplicated author names from the author card (the avatar alt repeats the name).
    authors: list[str]
    # "former" | "staff" | "" (unknown or absent).
    author_status: str
    lead_photo: ImportedPhoto | None
    lede: str
    # In page order, after the lede.
    body: list[ImportedParagraph | ImportedQuote | ImportedPhoto]


class PlainTextImportError(ValueError):
    """The text does not look like an article page; the message says what is missing."""


BodyItem = ImportedParagraph | ImportedQuote | ImportedPhoto

# --- photo credits ---------------------------------------------------------------------------
# A credit label at the end of a caption: "Фото: site.kz", "Фото.: site.kz" (a typo that occurs
# on real pages and is kept verbatim), "Photo: …", Kazakh "Сурет: …". Case-sensitive on
# purpose: a lower-case "на фото:" inside a caption is prose, not a credit.
_CREDIT_LABEL_RE = re.compile(r"(?:^|(?<=\s))(?:Фото|ФОТО|Photo|PHOTO|Сурет|СУРЕТ)\.?:")

# --- attributed quotes -----------------------------------------------------------------------
# `"…", — сказал Имя Фамилия.` The text is greedy so quotes that contain inner quotes or «…»
# still end at the last `", —`. The speaker may not contain quote marks, which keeps ordinary
# paragraphs that merely start with a quoted name from being taken for quotes. The verb is a
# single lower-case word (сказал, отметил, подчеркнул, заключил, добавил…).
_QUOTE_MARKS = {'"': '"', "«": "»", "“": "”", "„": "“"}
_QUOTE_RE = re.compile(
    r"^(?P<open>[\"«“„])(?P<text>.+)(?P<close>[\"»”“]), —(?P<ws>[ \u00a0\u202f]+)"
    r"(?P<verb>[a-zа-яёәғқңөұүһі][\w-]*) (?P<speaker>[^\"«»“”„]+?)\.$"
)

# --- chrome before the article ---------------------------------------------------------------
# Alt text of tracking pixels ("jitsu gif", "tracking pixel", "counter").
_PIXEL_RE = re.compile(
    r"^(?:[\w.-]+\s+)?(?:gif|pixel|tracking\s+pixel|counter|счётчик|счетчик)$|^jitsu\b",
    re.IGNORECASE,
)
# Reading-streak widget: "Провели подряд дней с нами" (the number is filled in by the browser,
# so it may or may not be in the text).
_STREAK_RE = re.compile(r"^провели\b.*\bс\s+нами\W*$|\bdays?\s+in\s+a\s+row\b", re.IGNORECASE)

# Author status lines. "Other" statuses are recognised so they do not become author names,
# but map to "" because Newsdesk only distinguishes former and current staff.
_STATUS_FORMER_RE = re.compile(r"^(?:бывш(?:ий|ая|ие)|former|бұрынғы)\b", re.IGNORECASE)
_STATUS_STAFF_RE = re.compile(
    r"^(?:сотрудни(?:к|ца|ки)|штатн\w+|staff|employee|қызметкер\w*)\b", re.IGNORECASE
)
_STATUS_OTHER_RE = re.compile(
    r"^(?:внештатн\w+|приглаш[её]нн\w+|гостев\w+|колумнист\w*|contributor|guest|columnist)\b",
    re.IGNORECASE,
)

# --- chrome after the article ----------------------------------------------------------------
# The subscription call-to-action starts the footer: everything from it on is chrome.
_SUBSCRIBE_RE = re.compile(
    r"^(?:узнавайте\s+обо?\s+вс[её]м\s+первыми|подпишитесь\s+и\s+узнавайте|"
    r"подписывайтесь\s+на\s+нас|subscribe\s+(?:to|and)\b|жазылыңыз\b)",
    re.IGNORECASE,
)
# Weaker footer markers (social link names, bookmarks panel). They only end the article when
# they open a non-photo block, so a photo whose alt is "Instagram" is still kept.
_FOOTER_RE = re.compile(
    r"^(?:instagram|telegram|facebook|twitter|x|vk|вконтакте|youtube|tiktok|whatsapp|threads|"
    r"одноклассники|linkedin|закладки|bookmarks|пока\s+здесь\s+пусто)$"
    r"|^используйте\s+кнопку\s*«|^»\s*на\s+странице\s+публикации",
    re.IGNORECASE,
)


def quote_as_text(quote: ImportedQuote) -> str:
    """Rebuild the original quote line exactly as it appeared on the page."""
    return (
        f"{quote.open_mark}{quote.text}{quote.close_mark}, —"
        f"{quote.dash_space}{quote.verb} {quote.speaker}."
    )


def parse_plaintext_page(text: str) -> ImportedPage:
    """Parse the text view of one reader page into an :class:`ImportedPage`.

    Raises :class:`PlainTextImportError` when the input is empty, holds only page chrome, or
    lacks a headline or article text.
    """
    lines = _clean_lines(text)
    if not any(lines):
        raise PlainTextImportError("Empty input: there is no text to import.")

    blocks = _split_blocks(lines)
    authors, status, blocks = _take_header(blocks)
    blocks = _cut_footer(blocks)
    if not blocks:
        raise PlainTextImportError(
            "No headline found: the text contains only page chrome (author card, widgets, "
            "subscription and bookmarks panels)."
        )

    headline_block = blocks[0]
    if _parse_photo(headline_block) is not None:
        raise PlainTextImportError(
            "No headline found: the article starts with a photo block (alt text + caption)."
        )
    headline = headline_block[0]
    # The headline is a one-line block; any extra line glued to it (e.g. a subtitle) is kept as
    # article text rather than dropped.
    items: list[BodyItem] = [_parse_text_line(line) for line in headline_block[1:]]
    for block in blocks[1:]:
        photo = _parse_photo(block)
        if photo is not None:
            items.append(photo)
            continue
        items.extend(_parse_text_line(line) for line in block if not _is_top_chrome(line))

    lead_photo = None
    if items and isinstance(items[0], ImportedPhoto):
        lead_photo = items.pop(0)

    # The lede is the first text item after the lead photo. Photos standing between the lead
    # photo and the lede (rare) stay in the body so nothing is lost.
    lede_index = next(
        (i for i, item in enumerate(items) if not isinstance(item, ImportedPhoto)), None
    )
    if lede_index is None:
        raise PlainTextImportError(
            "No lede found: there is no paragraph after the headline and lead photo."
        )
    lede_item = items.pop(lede_index)
    lede = quote_as_text(lede_item) if isinstance(lede_item, ImportedQuote) else lede_item.text

    return ImportedPage(
        headline=headline,
        authors=authors,
        author_status=status,
        lead_photo=lead_photo,
        lede=lede,
        body=items,
    )


# --- helpers ---------------------------------------------------------------------------------


def _clean_lines(text: str) -> list[str]:
    """Normalise line endings and strip indentation; "" marks a blank line.

    Only ASCII spaces and tabs are stripped at the edges: a trailing NBSP is part of the text as
    published and must survive. Lines holding nothing but whitespace count as blank.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    cleaned = []
    for raw in text.split("\n"):
        line = raw.strip(" \t")
        cleaned.append(line if line.strip() else "")
    return cleaned


def _split_blocks(lines: list[str]) -> list[list[str]]:
    """Group consecutive non-blank lines; blank lines separate blocks."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_top_chrome(line: str) -> bool:
    """Tracking-pixel alt text or the reading-streak widget."""
    return bool(_PIXEL_RE.search(line) or _STREAK_RE.search(line))


def _status_of(line: str) -> str | None:
    """Map an author-card status line to "former"/"staff"/""; None if it is not a status."""
    if _STATUS_FORMER_RE.search(line):
        return "former"
    if _STATUS_STAFF_RE.search(line):
        return "staff"
    if _STATUS_OTHER_RE.search(line):
        return ""
    return None


def _parse_author_card(lines: list[str]) -> tuple[list[str], str] | None:
    """Read an author card, or return None if the lines are not one.

    A card is recognised by a repeated name (avatar alt, then name) or a known status line;
    without either, a lone line is indistinguishable from a headline and is left alone.
    """
    statuses = [_status_of(line) for line in lines]
    counts = Counter(lines)
    repeated = [i for i, line in enumerate(lines) if counts[line] > 1]
    if not repeated and all(s is None for s in statuses):
        return None

    authors: list[str] = []
    status = ""
    last_repeated = repeated[-1] if repeated else -1
    for i, (line, line_status) in enumerate(zip(lines, statuses, strict=True)):
        if line_status is not None:
            status = line_status or status
        elif repeated and i > last_repeated and counts[line] == 1:
            # Names come in pairs (avatar alt + name); a single line after the last pair is an
            # unknown status such as a job title, not an author.
            continue
        elif line not in authors:
            authors.append(line)
    return authors, status


def _take_header(blocks: list[list[str]]) -> tuple[list[str], str, list[list[str]]]:
    """Remove chrome and the author card from the top; return authors, status, rest."""
    authors: list[str] = []
    status = ""
    card_seen = False
    index = 0
    while index < len(blocks):
        rest = [line for line in blocks[index] if not _is_top_chrome(line)]
        if not rest:
            index += 1
            continue
        card = None if card_seen else _parse_author_card(rest)
        if card is None:
            # The first non-chrome, non-card block starts the article. Keep the block without
            # any chrome lines glued to it.
            return authors, status, [rest, *blocks[index + 1 :]]
        authors, status = card
        card_seen = True
        index += 1
    return authors, status, []


def _cut_footer(blocks: list[list[str]]) -> list[list[str]]:
    """Drop everything from the subscription call-to-action (or other footer chrome) on."""
    for index, block in enumerate(blocks):
        for line_index, line in enumerate(block):
            if _SUBSCRIBE_RE.search(line):
                head = block[:line_index]
                return [*blocks[:index], head] if head else blocks[:index]
        if _FOOTER_RE.search(block[0]) and _parse_photo(block) is None:
            return blocks[:index]
    return blocks


def _split_credit(line: str) -> tuple[str, str] | None:
    """Split a caption line into (caption, credit) at its last credit label, if any."""
    labels = list(_CREDIT_LABEL_RE.finditer(line))
    if not labels:
        return None
    start = labels[-1].start()
    credit = line[start:].rstrip()
    # A bare label with nothing after it is not a credit.
    if not credit[labels[-1].end() - start :].strip():
        return None
    return line[:start].rstrip(), credit


def _parse_photo(block: list[str]) -> ImportedPhoto | None:
    """A photo is a two-line block: alt text, then a caption ending with a credit."""
    if len(block) != 2:
        return None
    alt, caption_line = block
    split = _split_credit(caption_line)
    if split is None:
        return None
    caption, credit = split
    return ImportedPhoto(alt=alt, caption=caption, credit=credit)


def _parse_text_line(line: str) -> ImportedParagraph | ImportedQuote:
    """Classify one text line as an attributed quote or a plain paragraph.

    Only lines that :func:`quote_as_text` can rebuild byte-for-byte become quotes; anything
    else stays a paragraph so no text is ever altered.
    """
    match = _QUOTE_RE.match(line)
    if match and _QUOTE_MARKS[match["open"]] == match["close"]:
        quote = ImportedQuote(
            text=match["text"],
            verb=match["verb"],
            speaker=match["speaker"],
            dash_space=match["ws"],
            open_mark=match["open"],
            close_mark=match["close"],
        )
        if quote_as_text(quote) == line:
            return quote
    return ImportedParagraph(text=line)

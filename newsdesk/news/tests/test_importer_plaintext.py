"""Tests for the plain-text page importer (pure parsing, no Django needed).

Two kinds of fixtures:

* a fictional Newsdesk story written for these tests, with the same shape as a real reader page;
* the real reference page from ``shared/seed`` (read at run time, never copied: its story text
  belongs to its publisher). Expected values for it are derived from the file itself.
"""

import os
import re
from pathlib import Path

import pytest

from newsdesk.news.importers.plaintext import (
    ImportedPage,
    ImportedParagraph,
    ImportedPhoto,
    ImportedQuote,
    PlainTextImportError,
    parse_plaintext_page,
    quote_as_text,
)

NBSP = "\u00a0"

# --- a fictional story with the shape of a real page -----------------------------------------

HEADER = [
    "jitsu gif",
    "Провели подряд дней с нами",
    "Айгерим Нурланова",
    "Айгерим Нурланова",
    "Бывший сотрудник",
]
HEADLINE = "Новая трамвайная линия в Алматы откроется к осени"
LEAD_ALT = "Вагон трамвая на испытаниях"
LEAD_CAPTION = "Первый вагон на пробном рейсе."
LEAD_CREDIT = "Фото: newsdesk.example"
LEDE = (
    "Городские власти назвали сроки запуска новой трамвайной линии. Об этом сообщила "
    "пресс-служба транспортного управления."
)
PARA_1 = "Линия длиной 22,5 км свяжет север и юг города, а проезд будет стоить 200 тенге."
QUOTE_1 = '"Мы проверили каждый километр путей", — сказал Ерлан Жумабаев.'
DEPOT_ALT = "Депо трамвайной линии"
DEPOT_CAPTION_LINE = "Депо на окраине города. Фото.: newsdesk.example"
# A figure with a non-breaking space inside and a trailing NBSP, as real pages have.
PARA_2 = f"Бюджет проекта составил $41,7{NBSP}млн, работы идут в 2023–2025 годах.{NBSP}"
# Typographic «…» inside the quoted text, NBSP followed by a normal space after the dash.
QUOTE_2 = f'"Компания «Алматы Транзит» готова к запуску", —{NBSP} отметил директор парка.'
# A quote wrapped in typographic quotes, NBSP after the dash.
QUOTE_3 = f"«Пассажиры увидят разницу уже в первый месяц», —{NBSP}добавил Ерлан Жумабаев."
MAP_ALT = "Схема новой линии"
MAP_CAPTION_LINE = "Схема маршрута. Photo: newsdesk.example"
PARA_3 = "Следующий этап строительства начнётся весной."
FOOTER = [
    ["Узнавайте обо всем первыми"],
    ["Подпишитесь и узнавайте о свежих новостях, фото, видео и других эксклюзивах"],
    [
        "Instagram",
        "Telegram",
        "Закладки",
        "Пока здесь пусто",
        "Используйте кнопку «",
        "» на странице публикации, чтобы сохранить её в свой личный список закладок.",
    ],
]


def render(blocks: list[list[str]]) -> str:
    """Render blocks the way a browser's text view does: 4-space indent, blank separators."""
    lines: list[str] = []
    for block in blocks:
        if lines:
            lines.append("")
        lines.extend(f"    {line}" for line in block)
    # Real pages start with an unindented pixel alt; mimic that.
    lines[0] = lines[0].lstrip(" ")
    return "\n".join(lines) + "\n"


ARTICLE = [
    [HEADLINE],
    [LEAD_ALT, f"{LEAD_CAPTION} {LEAD_CREDIT}"],
    [LEDE],
    [PARA_1],
    [QUOTE_1],
    [DEPOT_ALT, DEPOT_CAPTION_LINE],
    [PARA_2],
    [QUOTE_2],
    [QUOTE_3],
    [MAP_ALT, MAP_CAPTION_LINE],
    [PARA_3],
]
PAGE = render([HEADER, *ARTICLE, *FOOTER])


def item_text(item: ImportedParagraph | ImportedQuote | ImportedPhoto) -> str:
    """The verbatim source line for a text item (paragraph or quote)."""
    if isinstance(item, ImportedQuote):
        return quote_as_text(item)
    assert isinstance(item, ImportedParagraph)
    return item.text


@pytest.fixture(scope="module")
def page() -> ImportedPage:
    return parse_plaintext_page(PAGE)


def test_headline_and_author_card(page: ImportedPage) -> None:
    assert page.headline == HEADLINE
    assert page.authors == ["Айгерим Нурланова"]
    assert page.author_status == "former"


def test_lead_photo(page: ImportedPage) -> None:
    assert page.lead_photo == ImportedPhoto(alt=LEAD_ALT, caption=LEAD_CAPTION, credit=LEAD_CREDIT)


def test_lede_is_first_paragraph_after_lead_photo(page: ImportedPage) -> None:
    assert page.lede == LEDE


def test_body_order_and_kinds(page: ImportedPage) -> None:
    kinds = [type(item).__name__ for item in page.body]
    assert kinds == [
        "ImportedParagraph",
        "ImportedQuote",
        "ImportedPhoto",
        "ImportedParagraph",
        "ImportedQuote",
        "ImportedQuote",
        "ImportedPhoto",
        "ImportedParagraph",
    ]
    texts = [item_text(i) for i in page.body if not isinstance(i, ImportedPhoto)]
    assert texts == [PARA_1, QUOTE_1, PARA_2, QUOTE_2, QUOTE_3, PARA_3]


def test_body_photos_and_credit_variants(page: ImportedPage) -> None:
    photos = [item for item in page.body if isinstance(item, ImportedPhoto)]
    assert photos == [
        ImportedPhoto(
            alt=DEPOT_ALT, caption="Депо на окраине города.", credit="Фото.: newsdesk.example"
        ),
        ImportedPhoto(alt=MAP_ALT, caption="Схема маршрута.", credit="Photo: newsdesk.example"),
    ]


def test_quote_parts(page: ImportedPage) -> None:
    quotes = [item for item in page.body if isinstance(item, ImportedQuote)]
    assert quotes[0] == ImportedQuote(
        text="Мы проверили каждый километр путей",
        verb="сказал",
        speaker="Ерлан Жумабаев",
        dash_space=" ",
    )
    assert quotes[1].text == "Компания «Алматы Транзит» готова к запуску"
    assert quotes[1].verb == "отметил"
    assert quotes[1].speaker == "директор парка"
    assert quotes[1].dash_space == f"{NBSP} "
    assert (quotes[2].open_mark, quotes[2].close_mark) == ("«", "»")
    assert quotes[2].verb == "добавил"
    assert quotes[2].dash_space == NBSP


@pytest.mark.parametrize("line", [QUOTE_1, QUOTE_2, QUOTE_3])
def test_quote_round_trip(page: ImportedPage, line: str) -> None:
    rebuilt = [quote_as_text(q) for q in page.body if isinstance(q, ImportedQuote)]
    assert line in rebuilt
    assert line.encode("utf-8") in [r.encode("utf-8") for r in rebuilt]


def test_quote_as_text_spec_formula() -> None:
    quote = ImportedQuote(text="Текст", verb="заключил", speaker="Имя Фамилия", dash_space=NBSP)
    assert quote_as_text(quote) == f'"Текст", —{NBSP}заключил Имя Фамилия.'


def test_nbsp_and_figures_preserved(page: ImportedPage) -> None:
    para = next(i for i in page.body if isinstance(i, ImportedParagraph) and "$41,7" in i.text)
    assert para.text == PARA_2
    assert f"$41,7{NBSP}млн" in para.text
    assert para.text.endswith(NBSP)
    assert "2023–2025" in para.text


def test_chrome_removed(page: ImportedPage) -> None:
    everything = [page.headline, page.lede, *page.authors, page.author_status]
    for item in page.body:
        if isinstance(item, ImportedPhoto):
            everything += [item.alt, item.caption, item.credit]
        else:
            everything.append(item_text(item))
    joined = "\n".join(everything)
    for chrome in [*HEADER[:2], "Бывший сотрудник", *(line for b in FOOTER for line in b)]:
        assert chrome not in joined


def test_crlf_input_gives_same_result(page: ImportedPage) -> None:
    assert parse_plaintext_page(PAGE.replace("\n", "\r\n")) == page
    assert parse_plaintext_page(PAGE.replace("\n", "\r")) == page


def test_no_lead_photo_lede_follows_headline() -> None:
    parsed = parse_plaintext_page(render([HEADER, [HEADLINE], [LEDE], [QUOTE_1], *FOOTER]))
    assert parsed.lead_photo is None
    assert parsed.lede == LEDE
    assert [item_text(i) for i in parsed.body] == [QUOTE_1]


@pytest.mark.parametrize(
    ("card", "authors", "status"),
    [
        (["Айгерим Нурланова", "Айгерим Нурланова", "Сотрудник"], ["Айгерим Нурланова"], "staff"),
        (["Айгерим Нурланова", "Айгерим Нурланова"], ["Айгерим Нурланова"], ""),
        (
            ["Айгерим Нурланова", "Айгерим Нурланова", "Приглашённый автор"],
            ["Айгерим Нурланова"],
            "",
        ),
        (["Айгерим Нурланова", "Айгерим Нурланова", "Обозреватель"], ["Айгерим Нурланова"], ""),
        (
            ["Айгерим Нурланова", "Айгерим Нурланова", "Тимур Беков", "Тимур Беков", "Сотрудница"],
            ["Айгерим Нурланова", "Тимур Беков"],
            "staff",
        ),
        (["Бывшая сотрудница"], [], "former"),
    ],
)
def test_author_card_variants(card: list[str], authors: list[str], status: str) -> None:
    parsed = parse_plaintext_page(render([[*HEADER[:2], *card], *ARTICLE, *FOOTER]))
    assert parsed.authors == authors
    assert parsed.author_status == status
    assert parsed.headline == HEADLINE


def test_no_author_card() -> None:
    parsed = parse_plaintext_page(render([HEADER[:2], *ARTICLE]))
    assert parsed.authors == []
    assert parsed.author_status == ""
    assert parsed.headline == HEADLINE
    assert parsed.lede == LEDE


def test_footer_without_subscription_heading_is_cut() -> None:
    parsed = parse_plaintext_page(render([HEADER, *ARTICLE, FOOTER[2]]))
    assert item_text(parsed.body[-1]) == PARA_3


def test_kazakh_credit_and_caption_with_inner_photo_word() -> None:
    caption_line = "На фото: участники встречи. Сурет: newsdesk.example"
    parsed = parse_plaintext_page(render([[HEADLINE], ["Участники встречи", caption_line], [LEDE]]))
    assert parsed.lead_photo == ImportedPhoto(
        alt="Участники встречи",
        caption="На фото: участники встречи.",
        credit="Сурет: newsdesk.example",
    )


@pytest.mark.parametrize("text", ["", "   \n\n    \n", "\r\n\r\n"])
def test_empty_input_raises(text: str) -> None:
    with pytest.raises(PlainTextImportError, match="Empty input"):
        parse_plaintext_page(text)


def test_chrome_only_input_raises() -> None:
    with pytest.raises(PlainTextImportError, match="No headline"):
        parse_plaintext_page(render([HEADER, *FOOTER]))


def test_photo_without_headline_raises() -> None:
    with pytest.raises(PlainTextImportError, match="No headline"):
        parse_plaintext_page(render([HEADER, *ARTICLE[1:]]))


def test_headline_without_text_raises() -> None:
    with pytest.raises(PlainTextImportError, match="No lede"):
        parse_plaintext_page(render([HEADER, *ARTICLE[:2], *FOOTER]))


def test_error_is_a_value_error() -> None:
    assert issubclass(PlainTextImportError, ValueError)


# --- the real reference page (read from disk, never copied) ----------------------------------

SEED = Path(
    os.environ.get("NEWSDESK_SEED_PAGE")
    or Path(__file__).resolve().parents[3].parent / "shared" / "seed" / "reference-page.txt"
)
needs_seed = pytest.mark.skipif(not SEED.exists(), reason=f"seed page not found at {SEED}")

# Generic page-chrome markers (site UI text, not story text).
SEED_TOP_CHROME = re.compile(r"\bgif$|^Провели\b")
SEED_FOOTER_START = re.compile(r"^Узнавайте\b|^Подпишитесь\b")
SEED_CREDIT = re.compile(r"(?:Фото|Photo|Сурет)\.?:\s*\S+$")


def seed_blocks() -> list[list[str]]:
    """Blocks of the seed page, derived independently of the parser."""
    text = SEED.read_text(encoding="utf-8").replace("\r\n", "\n")
    blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = raw.strip(" \t")
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def seed_parts() -> dict:
    """Split the seed page into header card, headline, article blocks and footer lines."""
    blocks = seed_blocks()
    footer_at = next(i for i, b in enumerate(blocks) if SEED_FOOTER_START.search(b[0]))
    article = blocks[2:footer_at]
    photos = [b for b in article if len(b) == 2 and SEED_CREDIT.search(b[1])]
    return {
        "card": [line for line in blocks[0] if not SEED_TOP_CHROME.search(line)],
        "headline_block": blocks[1],
        "article": article,
        "photos": photos,
        "text_lines": [line for b in article if b not in photos for line in b],
        "footer_lines": [line for b in blocks[footer_at:] for line in b],
        "all_lines": [line for b in blocks for line in b],
    }


@pytest.fixture(scope="module")
def seed() -> tuple[ImportedPage, dict]:
    return parse_plaintext_page(SEED.read_text(encoding="utf-8")), seed_parts()


@needs_seed
def test_seed_author_card(seed: tuple[ImportedPage, dict]) -> None:
    parsed, parts = seed
    assert parsed.authors == [parts["card"][0]]
    assert parsed.author_status == "former"


@needs_seed
def test_seed_headline(seed: tuple[ImportedPage, dict]) -> None:
    parsed, parts = seed
    assert parts["headline_block"] == [parsed.headline]


@needs_seed
def test_seed_photos(seed: tuple[ImportedPage, dict]) -> None:
    parsed, parts = seed
    assert parsed.lead_photo is not None
    body_photos = [i for i in parsed.body if isinstance(i, ImportedPhoto)]
    photos = [parsed.lead_photo, *body_photos]
    assert len(body_photos) == 3
    assert len(photos) == 4 == len(parts["photos"])
    for photo, (alt_line, caption_line) in zip(photos, parts["photos"], strict=True):
        assert photo.alt and photo.alt == alt_line
        assert photo.credit.endswith("primeminister.kz")
        assert photo.credit.startswith(("Фото:", "Фото.:"))
        assert caption_line == f"{photo.caption} {photo.credit}"
        assert photo.caption.endswith(".")
    # Both credit spellings on the page are kept verbatim.
    assert {p.credit.split(" ")[0] for p in photos} == {
        line.rsplit(" ", 2)[-2] for _, line in parts["photos"]
    }
    # The lead photo is the block right after the headline.
    assert parts["article"][0] == [parsed.lead_photo.alt, parts["photos"][0][1]]


@needs_seed
def test_seed_lede(seed: tuple[ImportedPage, dict]) -> None:
    parsed, parts = seed
    assert parsed.lede == parts["article"][1][0]


@needs_seed
def test_seed_quotes(seed: tuple[ImportedPage, dict]) -> None:
    parsed, parts = seed
    quotes = [i for i in parsed.body if isinstance(i, ImportedQuote)]
    assert len(quotes) == sum(line.startswith('"') for line in parts["all_lines"])
    assert len(quotes) > 0
    for quote in quotes:
        assert quote.verb.isalpha() and quote.verb.islower()
        assert quote.dash_space.strip(" \u00a0") == ""
        assert quote_as_text(quote) in parts["text_lines"]
    # The page mixes NBSP and ordinary spaces after the dash; both must survive.
    assert any(NBSP in q.dash_space for q in quotes)
    assert any(q.dash_space == " " for q in quotes)


@needs_seed
def test_seed_every_text_line_verbatim_in_order(seed: tuple[ImportedPage, dict]) -> None:
    parsed, parts = seed
    parsed_lines = [parsed.lede] + [
        item_text(i) for i in parsed.body if not isinstance(i, ImportedPhoto)
    ]
    assert parsed_lines == parts["text_lines"]
    # Byte-for-byte, including NBSPs and "$"-figures.
    assert [s.encode() for s in parsed_lines] == [s.encode() for s in parts["text_lines"]]


@needs_seed
def test_seed_nothing_from_footer_in_body(seed: tuple[ImportedPage, dict]) -> None:
    parsed, parts = seed
    body_strings: set[str] = set()
    for item in parsed.body:
        if isinstance(item, ImportedPhoto):
            body_strings |= {item.alt, item.caption, item.credit}
        else:
            body_strings.add(item_text(item))
    assert parts["footer_lines"]
    assert not body_strings & set(parts["footer_lines"])
    assert parsed.lede not in parts["footer_lines"]


@needs_seed
def test_seed_crlf_same_result(seed: tuple[ImportedPage, dict]) -> None:
    parsed, _ = seed
    crlf = SEED.read_text(encoding="utf-8").replace("\n", "\r\n")
    assert parse_plaintext_page(crlf) == parsed

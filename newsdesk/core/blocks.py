"""StreamField blocks shared by content types: paragraph, quote, photo and embed."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


class PhotoBlock(blocks.StructBlock):
    """A photo with its own alt text, caption and credit.

    Alt text is required: a photo without it is unusable for screen-reader users, so the
    editing form refuses to save it.
    """

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        max_length=300,
        help_text=_("What the photo shows, for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        max_length=255,
        help_text=_("For example «Фото: primeminister.kz»."),
    )

    class Meta:
        icon = "image"
        label = _("Photo")
        template = "core/blocks/photo.html"

    def clean(self, value):
        # Wagtail lets drafts skip required fields; alt text is enforced even on drafts
        # because a photo saved without it tends to be published without it.
        value = super().clean(value)
        if value.get("image") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Describe the photo: alt text is required for every image.")
                    )
                }
            )
        return value


class QuoteBlock(blocks.StructBlock):
    """Direct speech with its speaker, shown in «ёлочки» with the attribution after a dash."""

    text = blocks.TextBlock(label=_("Quote"))
    verb = blocks.CharBlock(
        label=_("Verb"),
        required=False,
        max_length=40,
        help_text=_("How it was said, e.g. «сказал», «отметила»."),
    )
    speaker = blocks.CharBlock(label=_("Speaker"), max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "core/blocks/quote.html"


class ArticleBodyBlock(blocks.StreamBlock):
    """The body of an article: paragraphs, quotes, photos and embeds in any order."""

    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=PARAGRAPH_FEATURES, template="core/blocks/paragraph.html"
    )
    quote = QuoteBlock()
    photo = PhotoBlock()
    embed = EmbedBlock(label=_("Embed"), template="core/blocks/embed.html")


class LeadPhotoBlock(blocks.StreamBlock):
    """The photo under the headline (at most one)."""

    photo = PhotoBlock()

    class Meta:
        max_num = 1

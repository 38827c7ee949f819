"""The newsroom's image model: Wagtail's image plus a caption and a credit.

Wagtail's own ``description`` field is the default alt text, so renditions and choosers
already use it; each use in an article may still override alt, caption and credit.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class NewsImage(AbstractImage):
    """A photo with its default caption and credit (e.g. «Фото: primeminister.kz»)."""

    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Who took the photo or where it comes from, e.g. «Фото: primeminister.kz»."),
    )

    admin_form_fields = (*Image.admin_form_fields, "caption", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class NewsRendition(AbstractRendition):
    """A resized copy of a :class:`NewsImage`."""

    image = models.ForeignKey(NewsImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

"""Every image rendition an article's readers will ask for, made by the worker on publish.

Why: making a rendition opens and resizes the original photo. Done in a web process, that
holds up the first reader of a story by a tenth of a second or more per size, and leaves that
process ~15 MB larger for good (image buffers fragment its heap). The worker makes them when
an article is published or one of its photos is edited, so the pages, feeds and the API only
look them up.

The specs are the ones the templates and views ask for, imported from where they are used.
"""

from __future__ import annotations

from django.db.models import Q
from wagtail.models import ReferenceIndex

from newsdesk.core.templatetags.newsdesk_tags import responsive_specs
from newsdesk.people.models import Author

from .feeds import ENCLOSURE_SPEC
from .models import ArticlePage
from .structured_data import AUTHOR_PHOTO_SPEC, JSONLD_IMAGE_SPECS, SOCIAL_IMAGE_SPEC


def article_rendition_specs(article: ArticlePage) -> dict:
    """Each image the article shows, mapped to the rendition specs readers will ask for.

    Lead photo: the srcset (page, cards, API) and the feeds' enclosure; the sharing image
    (the lead photo unless another is set): OpenGraph and the three JSON-LD crops; photos in
    the body: srcset and feeds; authors' photos: srcset (bylines, author page) and JSON-LD.
    """
    specs: dict = {}

    def want(image, *names: str) -> None:
        if image is not None:
            specs.setdefault(image, [])
            specs[image].extend(name for name in names if name not in specs[image])

    if article.lead_image is not None:
        want(article.lead_image, *responsive_specs(article.lead_image), ENCLOSURE_SPEC)
    want(article.social_image or article.lead_image, SOCIAL_IMAGE_SPEC, *JSONLD_IMAGE_SPECS)
    for block in article.body:
        if block.block_type == "photo" and block.value["image"] is not None:
            image = block.value["image"]
            want(image, *responsive_specs(image), ENCLOSURE_SPEC)
    for author in article.authors:
        if author.photo is not None:
            want(author.photo, *responsive_specs(author.photo), AUTHOR_PHOTO_SPEC)
    return specs


def article_renditions_prepare(article: ArticlePage) -> int:
    """Make (or find) every rendition of ``article_rendition_specs``; returns how many."""
    count = 0
    for image, specs in article_rendition_specs(article).items():
        count += len(image.get_renditions(*specs))
    return count


def articles_showing_image(image) -> list[ArticlePage]:
    """Live articles that show the image: as lead or sharing photo, or in the body."""
    referring = ReferenceIndex.get_references_to(image).filter(
        base_content_type__model="articlepage"
    )
    in_body = {int(object_id) for object_id in referring.values_list("object_id", flat=True)}
    return list(
        ArticlePage.objects.live().filter(
            Q(lead_image=image) | Q(social_image=image) | Q(pk__in=in_body)
        )
    )


def image_renditions_prepare(image) -> int:
    """After a photo was edited (a new crop centre, a new file): remake what readers see.

    Only the renditions its live articles and its authors show are made.
    """
    specs: list[str] = []
    for article in articles_showing_image(image):
        specs.extend(article_rendition_specs(article).get(image, []))
    if Author.objects.filter(photo=image).exists():
        specs.extend([*responsive_specs(image), AUTHOR_PHOTO_SPEC])
    return len(image.get_renditions(*dict.fromkeys(specs))) if specs else 0

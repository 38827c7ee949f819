"""The newsroom's pages: home, sections (rubrics) and articles."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index
from wagtail.url_routing import RouteResult

from newsdesk.core.blocks import ArticleBodyBlock

LISTING_PAGE_SIZE = 20
# A republish sooner than this after first publication is a fix, not an update worth showing.
UPDATE_THRESHOLD = timedelta(hours=1)


class PrivacyCheckedOncePerPurge:
    """Skip Wagtail's two privacy queries per request while no page is private at all."""

    def get_view_restrictions(self):
        from .routing import view_restrictions_exist

        if not view_restrictions_exist():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class HomePage(PrivacyCheckedOncePerPurge, Page):
    """The front page: the lead story, the latest news and a block per section."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.SectionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Find a section or an article in one query instead of two per level of the URL,
        and then not at all until the next purge (``routing.page_at``).

        Anything else (or nothing found) takes Wagtail's usual walk down the tree.
        """
        from .routing import page_at

        model = {1: SectionPage, 2: ArticlePage}.get(len(path_components))
        if model is not None:
            url_path = self.url_path + "/".join(path_components) + "/"
            page = page_at(model, url_path, self.path)
            if page is not None:
                if not page.live:
                    raise Http404
                return RouteResult(page)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from .selectors import home_page_blocks

        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_blocks(home=self))
        return context


class SectionPage(PrivacyCheckedOncePerPurge, Page):
    """A rubric such as «Экономика»: its articles live under it, newest first."""

    intro = models.CharField(_("intro"), max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.ArticlePage"]

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def get_context(self, request, *args, **kwargs):
        from .selectors import articles_in_section

        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(articles_in_section(section=self), LISTING_PAGE_SIZE)
        context["page_obj"] = paginator.get_page(request.GET.get("page"))
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(PrivacyCheckedOncePerPurge, Page):
    """A story: headline, author card, lead photo, lede, body, source, tags.

    The HTML is the same for every reader so the whole page can be cached; personal parts
    (bookmark state, streak) are filled in by the browser.
    """

    lede = models.TextField(
        _("lede"), max_length=1000, help_text=_("The standfirst under the headline.")
    )
    lead_image = models.ForeignKey(
        "core.NewsImage",
        verbose_name=_("lead photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("lead photo alt text"),
        max_length=300,
        blank=True,
        help_text=_("What the photo shows, for readers who cannot see it."),
    )
    lead_image_caption = models.CharField(_("lead photo caption"), max_length=500, blank=True)
    lead_image_credit = models.CharField(
        _("lead photo credit"),
        max_length=255,
        blank=True,
        help_text=_("For example «Фото: primeminister.kz»."),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))
    source_name = models.CharField(_("source"), max_length=255, blank=True)
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))
    social_image = models.ForeignKey(
        "core.NewsImage",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the article is shared; the lead photo is used if empty."),
    )

    content_panels = [
        FieldPanel("title", heading=_("Headline")),
        InlinePanel("article_authors", heading=_("Authors"), label=_("Author"), min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
            ],
            heading=_("Lead photo"),
        ),
        FieldPanel("lede"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("source_name"), FieldPanel("source_url")], heading=_("Source")),
        FieldPanel("tags"),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lede"),
        index.SearchField("body"),
        index.FilterField("first_published_at"),
    ]
    parent_page_types = ["news.SectionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def clean(self) -> None:
        super().clean()
        if self.lead_image_id and not self.lead_image_alt.strip():
            raise ValidationError(
                {"lead_image_alt": _("Describe the photo: alt text is required for every image.")}
            )
        if self.source_url and not self.source_name.strip():
            raise ValidationError({"source_name": _("Name the source the link points to.")})

    @property
    def section(self) -> SectionPage | None:
        """The rubric the article is filed under (its parent page)."""
        parent = self.get_parent()
        return parent.specific if parent else None

    @property
    def updated_at(self) -> datetime | None:
        """When the article was republished, if well after its first publication."""
        first, last = self.first_published_at, self.last_published_at
        if first and last and last - first > UPDATE_THRESHOLD:
            return last
        return None

    @property
    def authors(self) -> list:
        """The article's authors in byline order."""
        return [link.author for link in self.article_authors.all()]


class ArticlePageAuthor(Orderable):
    """One byline on an article; the order is the byline order."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(
        "people.Author",
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="article_links",
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")

    def __str__(self) -> str:
        return str(self.author)

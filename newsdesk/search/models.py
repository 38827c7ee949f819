"""The search index's stored documents.

One row per live, public article: the text shown in snippets, the filters and the URL, so a
search reads only this table and the vendor's full-text structure (an FTS5 table on SQLite, a
``tsvector`` column with a GIN index on PostgreSQL, both made by migration 0002).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """The indexed text of one published article."""

    # No database constraints: the index is derived data that the worker rebuilds, and the
    # benchmark fills it without creating 100,000 Wagtail pages. Deleting an article still
    # deletes its row (Django cascades it), and the delete signal reindexes too.
    page = models.OneToOneField(
        "news.ArticlePage",
        primary_key=True,
        on_delete=models.CASCADE,
        db_constraint=False,
        related_name="search_document",
        verbose_name=_("article"),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, db_constraint=False, related_name="+"
    )
    section = models.ForeignKey(
        "news.SectionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        db_constraint=False,
        related_name="+",
    )
    section_title = models.CharField(max_length=255, blank=True)
    title = models.CharField(max_length=255)
    lede = models.TextField(blank=True)
    body_text = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    published_at = models.DateTimeField(db_index=True)
    # Sorts like published_at, then page id: SQLite's FTS5 rowid, so "newest first" is the
    # index's own order and a page of results never needs to sort every match.
    rank_key = models.BigIntegerField(unique=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self) -> str:
        return self.title


class WordForm(models.Model):
    """A word form whose lemma differs from it, e.g. «дружбой» → «дружба».

    The indexer (the task worker, which runs pymorphy3) stores every word of every indexed
    article here, and every other form of those words' lemmas. Web processes then turn a
    query's words into lemmas, and find the words to highlight, with a lookup: they never
    load the dictionaries (~20 MB per process). A word that is not here is its own lemma.
    """

    form = models.CharField(max_length=200, primary_key=True)
    lemma = models.CharField(max_length=200, db_index=True)

    class Meta:
        verbose_name = _("word form")
        verbose_name_plural = _("word forms")

    def __str__(self) -> str:
        return f"{self.form} → {self.lemma}"


class LexiconLemma(models.Model):
    """A lemma all of whose forms are in ``WordForm``: the indexer inflects each only once."""

    lemma = models.CharField(max_length=200, primary_key=True)

    class Meta:
        verbose_name = _("lexicon lemma")
        verbose_name_plural = _("lexicon lemmas")

    def __str__(self) -> str:
        return self.lemma

"""Accounts (a custom user model from the first migration) and authors with their status."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class User(AbstractUser):
    """An account: editors and reporters in the admin, readers on the site."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"


class Author(index.Indexed, models.Model):
    """A byline. Former staff keep their byline and author page, labelled as former."""

    class Status(models.TextChoices):
        STAFF = "staff", _("Staff")
        FORMER = "former", _("Former employee")
        CONTRIBUTOR = "contributor", _("Contributor")

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=False)
    photo = models.ForeignKey(
        "core.NewsImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    role = models.CharField(_("role"), max_length=255, blank=True)
    bio = models.TextField(_("biography"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.STAFF
    )
    user = models.OneToOneField(
        "people.User",
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("photo"),
        FieldPanel("role"),
        FieldPanel("status"),
        FieldPanel("bio"),
        FieldPanel("user"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("news:author", kwargs={"slug": self.slug})

    @property
    def is_former(self) -> bool:
        """True for a former employee, whose byline reads «Бывший сотрудник»."""
        return self.status == self.Status.FORMER

"""Write-side operations of the newsroom: setting up groups and workflow, creating articles."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from newsdesk.people.models import Author

from .models import ArticlePage, ArticlePageAuthor, HomePage, SectionPage

EDITORS_GROUP = "Редакторы"
REPORTERS_GROUP = "Корреспонденты"
WORKFLOW_NAME = "Редакционная проверка"
REVIEW_TASK_NAME = "Проверка редактором"


@transaction.atomic
def home_page_ensure() -> HomePage:
    """Return the site's home page, replacing Wagtail's welcome page on a fresh install."""
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home:
        return home
    root = Page.get_first_root_node()
    # Wagtail's install leaves a placeholder "Welcome" page as the site root; it has no content.
    for placeholder in root.get_children().exact_type(Page):
        placeholder.delete()
    home = HomePage(title="Newsdesk", slug="home", seo_title="Newsdesk — новости Казахстана")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Newsdesk"},
    )
    return home


@transaction.atomic
def newsroom_groups_ensure(*, home: Page) -> Workflow:
    """Create (or repair) the reporters' and editors' groups and the review workflow.

    Reporters write and submit; editors approve, publish and schedule. The workflow
    «Редакционная проверка» covers the whole site, so every article goes draft → review →
    published. Safe to run again: it only adds what is missing.
    """
    editors, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
    reporters, _created = Group.objects.get_or_create(name=REPORTERS_GROUP)
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    image_perms = Permission.objects.filter(
        content_type__app_label="core",
        codename__in=["add_newsimage", "change_newsimage", "choose_newsimage"],
    )
    author_perms = Permission.objects.filter(
        content_type__app_label="people",
        codename__in=["add_author", "change_author", "view_author"],
    )
    for group in (editors, reporters):
        group.permissions.add(admin_access, *image_perms, *author_perms)
    page_perms = {
        editors: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        reporters: ["add_page", "change_page"],
    }
    for group, codenames in page_perms.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=home,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )

    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME)
    task.groups.add(editors)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # One workflow per page: the root's workflow applies to every page below it.
    root = Page.get_first_root_node()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow


def section_get_or_create(*, home: HomePage, slug: str, title: str, intro: str = "") -> SectionPage:
    """Return the section with this slug under the home page, creating and publishing it."""
    existing = SectionPage.objects.child_of(home).filter(slug=slug).first()
    if existing:
        return existing
    section = SectionPage(title=title, slug=slug, intro=intro, show_in_menus=True)
    home.add_child(instance=section)
    section.save_revision().publish()
    return section


@transaction.atomic
def article_create(
    *,
    section: SectionPage,
    title: str,
    slug: str,
    lede: str,
    body: Sequence[tuple[str, object]],
    authors: Iterable[Author],
    tags: Iterable[str] = (),
    lead_image=None,
    lead_image_alt: str = "",
    lead_image_caption: str = "",
    lead_image_credit: str = "",
    source_name: str = "",
    source_url: str = "",
    published_at: datetime | None = None,
    publish: bool = True,
) -> ArticlePage:
    """Create an article in a section, optionally publish it, and date it.

    ``body`` is a list of (block type, value) pairs as StreamField accepts them.
    ``published_at`` back-dates the first publication (imports and demo content).
    """
    article = ArticlePage(
        title=title,
        slug=slug,
        lede=lede,
        body=list(body),
        lead_image=lead_image,
        lead_image_alt=lead_image_alt,
        lead_image_caption=lead_image_caption,
        lead_image_credit=lead_image_credit,
        source_name=source_name,
        source_url=source_url,
        live=False,
    )
    article.article_authors = [
        ArticlePageAuthor(author=author, sort_order=index) for index, author in enumerate(authors)
    ]
    if not article.article_authors:
        raise ValueError(_("An article needs at least one author."))
    section.add_child(instance=article)
    article.tags.add(*tags)
    article.save()
    revision = article.save_revision()
    if publish:
        revision.publish()
        if published_at is not None:
            ArticlePage.objects.filter(pk=article.pk).update(
                first_published_at=published_at, last_published_at=published_at
            )
            article.refresh_from_db()
    return article

"""The editors' admin: bad input is refused with Russian messages, and the workflow runs
draft → review → published, with scheduled publishing done by the background job."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from newsdesk.news.images import placeholder_image
from newsdesk.news.models import ArticlePage
from newsdesk.news.services import EDITORS_GROUP, REPORTERS_GROUP
from newsdesk.news.tasks import publish_scheduled_pages
from newsdesk.news.tests.factories import article_make
from newsdesk.people.tests.factories import AuthorFactory, UserFactory

pytestmark = pytest.mark.django_db


def member_of(group_name: str, username: str):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def article_form(
    *,
    title="Школы Караганды перешли на новое расписание",
    author,
    image=None,
    alt="",
    source_url="",
    body_photo=None,
    **extra,
):
    body = [("paragraph", rich_text("<p>Уроки начинаются на полчаса позже.</p>"))]
    if body_photo is not None:
        body.append(("photo", body_photo))
    data = {
        "title": title,
        "slug": "shkoly-raspisanie",
        "lede": "С понедельника занятия в школах начинаются в 8:30.",
        "lead_image": image.pk if image else "",
        "lead_image_alt": alt,
        "lead_image_caption": "",
        "lead_image_credit": "",
        "source_name": "Управление образования" if source_url else "",
        "source_url": source_url,
        "tags": "образование",
        "body": streamfield(body),
        "article_authors": inline_formset([{"author": author.pk}]),
        "seo_title": "",
        "search_description": "",
        "social_image": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
    }
    data.update(extra)
    return nested_form_data(data)


def add_url(section):
    return reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk])


@pytest.fixture
def editor(site_tree, client):
    user = member_of(EDITORS_GROUP, "editor-anna")
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "Требуется заполнить это поле."),
        ({"source_url": "не ссылка"}, "source_url", "Введите правильный URL."),
    ],
)
def test_add_form_rejects_bad_input_in_russian(
    client, site_tree, editor, overrides, field, message
):
    _home, sections = site_tree
    data = article_form(author=AuthorFactory(), **overrides)
    response = client.post(add_url(sections["city"]), data)
    assert response.status_code == 200  # the form comes back with errors
    assert message in response.content.decode()
    assert not ArticlePage.objects.filter(slug="shkoly-raspisanie").exists()


def test_lead_photo_without_alt_text_is_refused(client, site_tree, editor):
    _home, sections = site_tree
    image = placeholder_image(title="Школьный двор", color="#556677")
    response = client.post(
        add_url(sections["city"]), article_form(author=AuthorFactory(), image=image, alt="")
    )
    assert response.status_code == 200
    assert "Опишите фотографию" in response.content.decode()
    assert not ArticlePage.objects.filter(slug="shkoly-raspisanie").exists()


def test_body_photo_without_alt_text_is_refused_and_saved_text_is_kept(client, site_tree, editor):
    _home, sections = site_tree
    story = article_make(sections["city"], slug="kept")
    image = placeholder_image(title="Школьный двор", color="#556677")
    data = article_form(
        author=AuthorFactory(),
        title="Изменённый заголовок",
        slug="kept",
        body_photo={
            "image": image.pk,
            "alt_text": "",
            "caption": "Двор",
            "credit": "Фото: Newsdesk",
        },
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)
    assert response.status_code == 200
    body_error = response.context["form"].errors.as_data()["body"][0]
    assert "Опишите фотографию" in json.dumps(body_error.as_json_data(), ensure_ascii=False)
    story.refresh_from_db()
    assert story.title == "В Алматы открыли новую велодорожку вдоль реки"
    assert story.get_latest_revision().content["title"] == story.title


def test_reporter_drafts_and_submits_then_editor_approves_and_publishes(client, site_tree):
    _home, sections = site_tree
    reporter = member_of(REPORTERS_GROUP, "reporter-bolat")
    editor = member_of(EDITORS_GROUP, "editor-dana")
    author = AuthorFactory()

    client.force_login(reporter)
    response = client.post(add_url(sections["city"]), article_form(author=author))
    assert response.status_code == 302
    draft = ArticlePage.objects.get(slug="shkoly-raspisanie")
    assert not draft.live

    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    response = client.post(edit_url, article_form(author=author, **{"action-submit": "Submit"}))
    assert response.status_code == 302
    workflow_state = draft.current_workflow_state
    assert workflow_state is not None and workflow_state.status == "in_progress"
    # A reporter may not publish: the publish action is refused.
    client.post(edit_url, article_form(author=author, **{"action-publish": "Publish"}))
    draft.refresh_from_db()
    assert not draft.live

    client.force_login(editor)
    task_state = TaskState.objects.get(workflow_state=workflow_state, status="in_progress")
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", task_state.pk]
    )
    response = client.post(approve, {"comment": "Проверено"})
    assert response.status_code in (200, 302)
    draft.refresh_from_db()
    assert draft.live
    assert client.get(draft.url).status_code == 200


def test_scheduled_article_appears_after_the_publishing_job_runs(client, site_tree, editor):
    _home, sections = site_tree
    go_live = timezone.now() + timedelta(hours=3)
    data = article_form(
        author=AuthorFactory(),
        go_live_at=timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M"),
        **{"action-publish": "Publish"},
    )
    response = client.post(add_url(sections["city"]), data)
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="shkoly-raspisanie")
    assert not article.live
    client.logout()
    assert "Школы Караганды" not in client.get("/").content.decode()

    publish_scheduled_pages.enqueue()  # before its time: nothing changes
    article.refresh_from_db()
    assert not article.live

    with time_machine.travel(go_live + timedelta(minutes=1)):
        publish_scheduled_pages.enqueue()
    article.refresh_from_db()
    assert article.live
    assert "Школы Караганды перешли на новое расписание" in client.get("/").content.decode()


def test_revisions_are_kept_and_preview_works(client, site_tree, editor, article):
    revision_count = article.revisions.count()
    edit = reverse("wagtailadmin_pages:edit", args=[article.pk])
    page = client.get(edit)
    assert page.status_code == 200
    article.title = "Велодорожку продлили до парка"
    article.save_revision(user=editor)
    assert article.revisions.count() == revision_count + 1
    preview = reverse("wagtailadmin_pages:view_draft", args=[article.pk])
    response = client.get(preview)
    assert response.status_code == 200
    assert "Велодорожку продлили до парка" in response.content.decode()
    assert Page.objects.get(pk=article.pk).title != "Велодорожку продлили до парка"

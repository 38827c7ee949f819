"""Our configs of five Wagtail apps: the same registrations minus Wagtail's REST API."""

import hashlib
import inspect

from django.apps import apps
from wagtail.admin.compare import comparison_class_registry
from wagtail.admin.forms.models import registry as form_field_overrides
from wagtail.contrib.redirects.apps import WagtailRedirectsAppConfig
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.documents.apps import WagtailDocsAppConfig
from wagtail.images import get_image_model
from wagtail.images.apps import WagtailImagesAppConfig
from wagtail.images.edit_handlers import ImageFieldComparison
from wagtail.images.widgets import AdminImageChooser
from wagtail.locales.apps import WagtailLocalesAppConfig
from wagtail.models.reference_index import ReferenceIndex
from wagtail.snippets.apps import WagtailSnippetsAppConfig
from wagtail.snippets.models import get_snippet_models

from newsdesk.core import wagtail_apps
from newsdesk.news.models import ArticlePage
from newsdesk.people.models import Author

from .test_settings import run_manage

# The stock ready() each of our configs copies, minus the API lines. When Wagtail changes
# one of them, compare it with core/wagtail_apps.py, carry the change over, update the digest.
STOCK_READY_SHA256 = {
    WagtailRedirectsAppConfig: "19d1a78049d84e479ad274b23b38dd533bfe9d897661912593ec0b2c293881e9",
    WagtailSnippetsAppConfig: "1ac35b5ed40349560ef6772c940e99518fb6b96c9700e505fade4d7f289785e2",
    WagtailImagesAppConfig: "52e409385bb1ad6269ea4d3e46918062ec1b167f9667b89fc6581a4d79c31aa2",
    WagtailDocsAppConfig: "4cdf87a46dbf81efa9910450b8a0756c0474db373c840e42180c24936737ac6d",
    WagtailLocalesAppConfig: "212230a703ac39a7c0ce73aac78ab0e72a8ac96c7e8ca257da797e8c2302bd2b",
}


def test_the_stock_ready_methods_are_the_ones_our_configs_copy():
    for config, digest in STOCK_READY_SHA256.items():
        source = inspect.getsource(config.ready)
        assert hashlib.sha256(source.encode()).hexdigest() == digest, (
            f"{config.__module__}.{config.__name__}.ready() changed in this Wagtail release: "
            "compare it with newsdesk/core/wagtail_apps.py"
        )


def test_our_configs_are_the_installed_ones_with_wagtails_labels():
    expected = {
        "wagtailredirects": wagtail_apps.RedirectsConfig,
        "wagtailsnippets": wagtail_apps.SnippetsConfig,
        "wagtailimages": wagtail_apps.ImagesConfig,
        "wagtaildocs": wagtail_apps.DocumentsConfig,
        "wagtaillocales": wagtail_apps.LocalesConfig,
    }
    for label, config in expected.items():
        assert type(apps.get_app_config(label)) is config


def test_everything_but_the_api_is_still_registered():
    image_model = get_image_model()
    lead_image = ArticlePage._meta.get_field("lead_image")
    assert Author in get_snippet_models()
    assert form_field_overrides.get(lead_image)["widget"] is AdminImageChooser
    assert comparison_class_registry.get(lead_image) is ImageFieldComparison
    assert ReferenceIndex.is_indexed(image_model)
    assert ReferenceIndex.is_indexed(get_document_model())


def test_changing_a_slug_still_leaves_a_redirect(article, django_capture_on_commit_callbacks):
    old_path = article.url
    article.slug = "renamed-after-publishing"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    redirect = Redirect.objects.get(old_path=old_path.rstrip("/"))
    assert redirect.redirect_page_id == article.pk


def test_a_started_site_loads_neither_ninja_nor_pydantic():
    code = (
        "import sys, newsdesk.wsgi;"
        "print(sorted(m for m in ('ninja', 'pydantic', 'wagtail.api.v3.api') if m in sys.modules))"
    )
    result = run_manage(
        "shell", "--verbosity", "0", "-c", code, DJANGO_SETTINGS_MODULE="newsdesk.settings.test"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"

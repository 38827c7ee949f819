"""Wagtail's app configs without the registrations on Wagtail's own REST API (v3).

Newsdesk has its own public API (``newsdesk.api``) and mounts neither of Wagtail's. Yet the
stock ``ready()`` of five Wagtail apps registers routes and content types on the v3 API, and
importing it loads django-ninja and pydantic: ~15 MB in every web worker, for URLs that
are never served. Each config below runs its stock ``ready()`` minus those lines, and is
listed in ``INSTALLED_APPS`` in place of Wagtail's (same app name and label, so models,
migrations, templates and permissions are Wagtail's own).

``core/tests/test_wagtail_apps.py`` pins the source of each stock ``ready()``: a Wagtail
upgrade that changes one fails that test until the copy here is compared and updated.
"""

from __future__ import annotations

from django.db.models import ForeignKey
from django.db.models.signals import post_migrate
from wagtail.contrib.redirects.apps import WagtailRedirectsAppConfig
from wagtail.documents.apps import WagtailDocsAppConfig
from wagtail.images.apps import WagtailImagesAppConfig
from wagtail.locales.apps import WagtailLocalesAppConfig
from wagtail.snippets.apps import WagtailSnippetsAppConfig


class RedirectsConfig(WagtailRedirectsAppConfig):
    """Redirects: the admin's menu, the middleware and redirects made on slug changes."""

    def ready(self) -> None:
        from wagtail.contrib.redirects.models import Redirect
        from wagtail.contrib.redirects.signal_handlers import (
            autocreate_redirects_on_page_move,
            autocreate_redirects_on_slug_change,
        )
        from wagtail.permissions import register_permission_policy
        from wagtail.signals import page_slug_changed, post_page_move

        register_permission_policy(Redirect)
        post_page_move.connect(autocreate_redirects_on_page_move)
        page_slug_changed.connect(autocreate_redirects_on_slug_change)


class SnippetsConfig(WagtailSnippetsAppConfig):
    """Snippets (authors are one): registration and their extra permissions."""

    def ready(self) -> None:
        from wagtail.snippets.models import create_extra_permissions, register_deferred_snippets

        register_deferred_snippets()
        post_migrate.connect(create_extra_permissions, sender=self)


class ImagesConfig(WagtailImagesAppConfig):
    """Images: permissions, signal handlers and the admin's chooser, comparison and display."""

    def ready(self) -> None:
        from wagtail.admin.compare import register_comparison_class
        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.admin.ui.fields import register_display_class
        from wagtail.images import get_image_model, get_permission_policy
        from wagtail.images.components import ImageDisplay
        from wagtail.images.edit_handlers import ImageFieldComparison
        from wagtail.images.signal_handlers import register_signal_handlers
        from wagtail.images.widgets import AdminImageChooser
        from wagtail.models.reference_index import ReferenceIndex
        from wagtail.permissions import register_permission_policy

        image_model = get_image_model()
        register_permission_policy(image_model, get_permission_policy())
        register_signal_handlers()
        register_form_field_override(
            ForeignKey, to=image_model, override={"widget": AdminImageChooser}
        )
        register_comparison_class(ForeignKey, to=image_model, comparison_class=ImageFieldComparison)
        register_display_class(ForeignKey, to=image_model, display_class=ImageDisplay)
        ReferenceIndex.register_model(image_model)


class DocumentsConfig(WagtailDocsAppConfig):
    """Documents: permissions, signal handlers and the admin's display."""

    def ready(self) -> None:
        from wagtail.admin.ui.fields import register_display_class
        from wagtail.documents import get_document_model, get_permission_policy
        from wagtail.documents.components import DocumentDisplay
        from wagtail.documents.signal_handlers import register_signal_handlers
        from wagtail.models.reference_index import ReferenceIndex
        from wagtail.permissions import register_permission_policy

        document_model = get_document_model()
        register_permission_policy(document_model, get_permission_policy())
        register_signal_handlers()
        register_display_class(ForeignKey, to=document_model, display_class=DocumentDisplay)
        ReferenceIndex.register_model(document_model)


class LocalesConfig(WagtailLocalesAppConfig):
    """Locales: the stock ``ready()`` only registers the API routes."""

    def ready(self) -> None:
        pass

"""Background jobs of search, run by the task worker (``manage.py db_worker``)."""

from django_tasks import task

from .services import search_document_update


@task()
def search_index_page(page_id: int) -> bool:
    """Index, reindex or forget one article after it was published, unpublished or deleted."""
    return search_document_update(page_id=page_id)

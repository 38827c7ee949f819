"""Property-based fuzzing of the API from its own OpenAPI document: no 5xx, ever."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from newsdesk.api.openapi import DOCUMENT

schema = schemathesis.openapi.from_dict(DOCUMENT)


@pytest.fixture
def fuzz_content(site_tree):
    from newsdesk.news.tests.factories import article_make

    article_make(site_tree[1]["city"], slug="fuzz", tags=("тест",))


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_fails_with_5xx(case, client, fuzz_content):
    query = {k: v for k, v in (case.query or {}).items() if v is not None}
    path = "/api/v1" + case.formatted_path
    response = client.get(path, query)
    assert response.status_code < 500, (path, query, response.content[:200])
    if response.status_code == 200:
        assert response["Content-Type"] == "application/json"
        response.json()

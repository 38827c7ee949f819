"""The OpenAPI 3 description of API v1 (kept beside the views it describes)."""

ERROR = {"$ref": "#/components/responses/BadRequest"}
PAGE_PARAMS = [
    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
    {
        "name": "page_size",
        "in": "query",
        "schema": {"type": "integer", "minimum": 1, "maximum": 100},
    },
]


def _list_of(schema: str) -> dict:
    return {
        "type": "object",
        "required": ["count", "page", "page_size", "results"],
        "properties": {
            "count": {"type": "integer"},
            "page": {"type": "integer"},
            "page_size": {"type": "integer"},
            "next": {"type": ["string", "null"]},
            "previous": {"type": ["string", "null"]},
            "results": {"type": "array", "items": {"$ref": f"#/components/schemas/{schema}"}},
        },
    }


def _ok(schema: dict) -> dict:
    return {"description": "OK", "content": {"application/json": {"schema": schema}}}


IMAGE = {
    "type": ["object", "null"],
    "properties": {
        "alt": {"type": "string"},
        "caption": {"type": "string"},
        "credit": {"type": "string"},
        "renditions": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "url": {"type": "string"},
                    "width": {"type": "integer"},
                    "height": {"type": "integer"},
                },
            },
        },
    },
}

DOCUMENT = {
    "openapi": "3.1.0",
    "info": {
        "title": "Newsdesk public API",
        "version": "1.0.0",
        "description": "Read-only access to published articles, sections, authors and tags. "
        "Only published content is exposed. Responses carry ETag and Last-Modified; "
        "conditional requests get 304.",
    },
    "servers": [{"url": "/api/v1"}],
    "paths": {
        "/articles/": {
            "get": {
                "summary": "Published articles, newest first",
                "parameters": [
                    {"name": "section", "in": "query", "schema": {"type": "string"}},
                    {"name": "tag", "in": "query", "schema": {"type": "string"}},
                    {"name": "author", "in": "query", "schema": {"type": "string"}},
                    {
                        "name": "date_from",
                        "in": "query",
                        "schema": {"type": "string", "format": "date"},
                    },
                    {
                        "name": "date_to",
                        "in": "query",
                        "schema": {"type": "string", "format": "date"},
                    },
                    {
                        "name": "language",
                        "in": "query",
                        "schema": {"type": "string", "enum": ["ru", "kk", "en"]},
                    },
                    *PAGE_PARAMS,
                ],
                "responses": {"200": _ok(_list_of("ArticleSummary")), "400": ERROR},
            }
        },
        "/articles/{id}/": {
            "get": {
                "summary": "One published article with its body as blocks",
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer", "minimum": 1},
                    }
                ],
                "responses": {
                    "200": _ok({"$ref": "#/components/schemas/Article"}),
                    "404": {"$ref": "#/components/responses/NotFound"},
                },
            }
        },
        "/sections/": {
            "get": {
                "summary": "Sections",
                "parameters": PAGE_PARAMS,
                "responses": {"200": _ok(_list_of("Section")), "400": ERROR},
            }
        },
        "/authors/": {
            "get": {
                "summary": "Authors with published articles",
                "parameters": PAGE_PARAMS,
                "responses": {"200": _ok(_list_of("Author")), "400": ERROR},
            }
        },
        "/tags/": {
            "get": {
                "summary": "Tags of published articles",
                "parameters": PAGE_PARAMS,
                "responses": {"200": _ok(_list_of("Tag")), "400": ERROR},
            }
        },
        "/search/": {
            "get": {
                "summary": "Search with Russian morphology",
                "parameters": [
                    {
                        "name": "q",
                        "in": "query",
                        "required": True,
                        "schema": {"type": "string", "maxLength": 200},
                    },
                    {"name": "section", "in": "query", "schema": {"type": "string"}},
                    *PAGE_PARAMS,
                ],
                "responses": {"200": _ok(_list_of("ArticleSummary")), "400": ERROR},
            }
        },
    },
    "components": {
        "responses": {
            "BadRequest": {
                "description": "Malformed parameters",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            },
            "NotFound": {
                "description": "No such published object",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            },
        },
        "schemas": {
            "Error": {
                "type": "object",
                "required": ["error"],
                "properties": {"error": {"type": "string"}},
            },
            "Author": {
                "type": "object",
                "required": ["slug", "name", "status", "url"],
                "properties": {
                    "slug": {"type": "string"},
                    "name": {"type": "string"},
                    "role": {"type": "string"},
                    "status": {"type": "string", "enum": ["staff", "former", "contributor"]},
                    "url": {"type": "string"},
                },
            },
            "Section": {
                "type": "object",
                "required": ["slug", "title", "url"],
                "properties": {
                    "slug": {"type": "string"},
                    "title": {"type": "string"},
                    "language": {"type": "string"},
                    "url": {"type": "string"},
                },
            },
            "Tag": {
                "type": "object",
                "required": ["slug", "name"],
                "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
            },
            "ArticleSummary": {
                "type": "object",
                "required": ["id", "headline", "lede", "url", "published_at", "authors"],
                "properties": {
                    "id": {"type": "integer"},
                    "headline": {"type": "string"},
                    "lede": {"type": "string"},
                    "url": {"type": "string"},
                    "language": {"type": "string"},
                    "section": {"type": "object"},
                    "authors": {"type": "array", "items": {"$ref": "#/components/schemas/Author"}},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "published_at": {"type": "string", "format": "date-time"},
                    "updated_at": {"type": "string", "format": "date-time"},
                    "lead_image": IMAGE,
                    "source": {"type": ["object", "null"]},
                },
            },
            "Article": {
                "allOf": [
                    {"$ref": "#/components/schemas/ArticleSummary"},
                    {
                        "type": "object",
                        "required": ["body"],
                        "properties": {
                            "body": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "required": ["type"],
                                    "properties": {
                                        "type": {
                                            "type": "string",
                                            "enum": ["paragraph", "quote", "photo", "embed"],
                                        }
                                    },
                                },
                            }
                        },
                    },
                ]
            },
        },
    },
}

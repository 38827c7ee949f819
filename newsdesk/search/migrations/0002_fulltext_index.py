"""The vendor's full-text structure: an FTS5 table on SQLite, a tsvector + GIN on PostgreSQL."""

from django.db import migrations

SQLITE_CREATE = [
    # Terms arrive already lemmatised and space-separated; unicode61 only splits them.
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        headline, lede, body,
        locale_id UNINDEXED, section_id UNINDEXED, published_ts UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 0'
    )""",
    # The FTS row goes with its document, whoever deletes it (a flush, a cascade, SQL).
    """CREATE TRIGGER search_document_deleted AFTER DELETE ON search_searchdocument
    BEGIN DELETE FROM search_fts WHERE rowid = old.page_id; END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_document_deleted",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_CREATE = [
    "ALTER TABLE search_searchdocument ADD COLUMN document tsvector",
    "CREATE INDEX search_document_gin ON search_searchdocument USING gin (document)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS search_document_gin",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS document",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        )
    ]

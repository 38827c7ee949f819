"""The vendor's full-text structure: an FTS5 table on SQLite, tsvectors + GIN on PostgreSQL."""

from django.db import migrations

SQLITE_CREATE = [
    # Terms arrive already lemmatised and space-separated; unicode61 only splits them.
    # rowid = SearchDocument.rank_key (sorts by publication time); meta holds the language
    # and section as tokens so filters are answered by the index.
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        headline, lede, body, meta, page_id UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 0'
    )""",
    # The FTS row goes with its document, whoever deletes it (a flush, a cascade, SQL).
    """CREATE TRIGGER search_document_deleted AFTER DELETE ON search_searchdocument
    BEGIN DELETE FROM search_fts WHERE rowid = old.rank_key; END""",
    # A republished article may get a new rank key: its old FTS row goes.
    """CREATE TRIGGER search_document_rekeyed AFTER UPDATE OF rank_key ON search_searchdocument
    WHEN old.rank_key != new.rank_key
    BEGIN DELETE FROM search_fts WHERE rowid = old.rank_key; END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_document_rekeyed",
    "DROP TRIGGER IF EXISTS search_document_deleted",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_CREATE = [
    "ALTER TABLE search_searchdocument ADD COLUMN head_doc tsvector,"
    " ADD COLUMN top_doc tsvector, ADD COLUMN document tsvector",
    "CREATE INDEX search_head_doc_gin ON search_searchdocument USING gin (head_doc)",
    "CREATE INDEX search_top_doc_gin ON search_searchdocument USING gin (top_doc)",
    "CREATE INDEX search_document_gin ON search_searchdocument USING gin (document)",
]
POSTGRES_DROP = [
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS head_doc,"
    " DROP COLUMN IF EXISTS top_doc, DROP COLUMN IF EXISTS document",
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

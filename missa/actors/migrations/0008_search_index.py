"""The directory's search index (actors.search): FTS5 trigram on SQLite, pg_trgm on PostgreSQL."""

from typing import Any

from django.db import migrations


def create_index(apps: Any, schema_editor: Any) -> None:
    from missa.actors.search import ensure_search_index

    ensure_search_index(using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("actors", "0007_actor_name_field")]

    operations = [migrations.RunPython(create_index, migrations.RunPython.noop)]

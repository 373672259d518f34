"""The shared cache's table, when the cache is the database (settings.CACHES)."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps: object, schema_editor: object) -> None:
    # Idempotent: creates the table of every database cache that does not exist yet.
    alias = schema_editor.connection.alias  # type: ignore[attr-defined]
    call_command("createcachetable", database=alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]

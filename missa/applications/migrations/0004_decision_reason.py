from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("applications", "0003_single_line_fields")]

    operations = [
        migrations.RenameField(
            model_name="application", old_name="rejection_reason", new_name="decision_reason"
        ),
        migrations.AlterField(
            model_name="application",
            name="decision_reason",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Why the committee rejected or suspended it. Private: seen by the committee "
                    "and by the applicant only."
                ),
                verbose_name="reason for the decision",
            ),
        ),
    ]

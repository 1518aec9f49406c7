"""Wagtail's "Moderators" group edits the word lists (moderation terms) in the admin."""

from django.db import migrations

TERM_PERMISSIONS = ("add_term", "change_term", "delete_term", "view_term")


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    term_type, _ = ContentType.objects.get_or_create(app_label="moderation", model="term")
    for codename in TERM_PERMISSIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=term_type,
            codename=codename,
            defaults={"name": f"Can {codename.split('_')[0]} term"},
        )
        moderators.permissions.add(permission)
    access, _ = Permission.objects.get_or_create(
        content_type=ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")[0],
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    moderators.permissions.add(access)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

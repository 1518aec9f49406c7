"""Newsroom editors publish and schedule their own stories and keep the sources list.

Wagtail's default "Editors" group may only add and edit pages (publishing is
left to "Moderators"); on a news desk the editors publish.
"""

from django.db import migrations

SOURCE_PERMISSIONS = ("add_source", "change_source", "delete_source")


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    editors = Group.objects.filter(name="Editors").first()
    root = Page.objects.filter(depth=1).first()
    if editors is None or root is None:
        return
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    publish, _ = Permission.objects.get_or_create(
        content_type=page_type, codename="publish_page", defaults={"name": "Can publish any page"}
    )
    GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=publish)
    source_type, _ = ContentType.objects.get_or_create(app_label="articles", model="source")
    for codename in SOURCE_PERMISSIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=source_type,
            codename=codename,
            defaults={"name": f"Can {codename.split('_')[0]} source"},
        )
        editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

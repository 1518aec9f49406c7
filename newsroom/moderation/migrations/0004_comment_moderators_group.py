"""Comment moderators get a group of their own: Wagtail's "Moderators" publishes pages.

The members of "Moderators" move to "Comment moderators", which holds the
moderate_comments permission, admin access and the word lists; "Moderators" keeps
only what Wagtail gives it. Reversible: the members and the word lists move back.
"""

from django.conf import settings
from django.db import migrations

NEW, OLD = "Comment moderators", "Moderators"
TERM_PERMISSIONS = ("add_term", "change_term", "delete_term", "view_term")


def _permission(apps, app_label, model, codename, name):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def _word_lists(apps):
    return [
        _permission(apps, "moderation", "term", codename, f"Can {codename.split('_')[0]} term")
        for codename in TERM_PERMISSIONS
    ]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=NEW)
    group.permissions.add(
        _permission(apps, "moderation", "moderationaction", "moderate_comments",
                    "Can moderate reader comments"),
        _permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
        *_word_lists(apps),
    )  # fmt: skip
    old = Group.objects.filter(name=OLD).first()
    if old is not None:
        members = list(old.user_set.all())
        group.user_set.add(*members)
        old.user_set.remove(*members)
        old.permissions.remove(*_word_lists(apps))


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=NEW).first()
    if group is None:
        return
    old, _ = Group.objects.get_or_create(name=OLD)
    old.user_set.add(*group.user_set.all())
    old.permissions.add(*_word_lists(apps))
    group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0003_action_by_a_rule_and_discussion_actions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

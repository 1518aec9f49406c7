from django.db import migrations


def claim_existing_names(apps, schema_editor):
    """Every reader who already has a display name holds it as a NameClaim.

    Names that end in punctuation (no longer allowed: it captured the full stop after
    a mention) lose it when the result is free. Two existing names that fold to one
    key keep their names; the later one simply has no claim until it is changed.
    """
    from newsroom.accounts.names import name_key

    User = apps.get_model("accounts", "User")
    NameClaim = apps.get_model("accounts", "NameClaim")
    taken_lower = {
        name.lower()
        for name in User.objects.exclude(display_name=None).values_list("display_name", flat=True)
    }
    for user in User.objects.exclude(display_name=None).exclude(slug=None).order_by("pk"):
        trimmed = user.display_name.rstrip(" ._-")
        if trimmed != user.display_name and len(trimmed) >= 3 and trimmed.lower() not in taken_lower:
            taken_lower.add(trimmed.lower())
            user.display_name = trimmed
            user.save(update_fields=["display_name"])
        key = name_key(user.display_name)
        if not NameClaim.objects.filter(key=key).exists():
            NameClaim.objects.create(key=key, slug=user.slug, user=user)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_name_claims")]

    operations = [migrations.RunPython(claim_existing_names, migrations.RunPython.noop)]

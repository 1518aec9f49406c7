import pytest
from django.contrib.auth.models import Group

from newsroom.moderation.newsroom_model import fit
from tests.factories import UserFactory
from tests.moderation.labelled_comments import attacks

pytestmark = pytest.mark.django_db


def dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_moderators_see_that_no_newsroom_model_is_trained_yet(client, moderator):
    html = dashboard(client, moderator)

    assert "Moderation model" in html
    assert "No newsroom model is trained yet" in html


def test_moderators_see_which_model_is_live(client, moderator, settings):
    texts, labels = zip(*attacks(), strict=True)
    model = fit(list(texts), list(labels), info={"source": "file demo.csv", "cv_auc": 0.9375})
    model.save(settings.NEWSROOM_MODERATION_MODEL_FILE)

    html = dashboard(client, moderator)

    assert f"trained at {model.info['trained_at']} on 80 comments (40 abusive, 40 civil)" in html
    assert "from file demo.csv, cross-validated ROC AUC 0.938" in html


def test_other_admin_users_do_not_see_the_panel(client):
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))

    assert "Moderation model" not in dashboard(client, editor)

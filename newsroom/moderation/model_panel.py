"""The Wagtail dashboard panel that says which moderation models are live (read-only).

Registered from wagtail_hooks.py; shown to moderators. It reads the model this process
scores with (toxicity.own_model), so it shows what readers' comments are scored by.
"""

from django.utils.html import format_html
from django.utils.safestring import SafeString
from wagtail import hooks
from wagtail.admin.ui.components import Component

from newsroom.moderation.selectors import is_moderator
from newsroom.moderation.toxicity import own_model

SHIPPED = "alt-profanity-check 1.9.1 and tox-block 0.1.2"


class ModerationModelPanel(Component):
    name = "moderation_model"
    order = 250

    def render_html(self, parent_context=None) -> SafeString:
        model = own_model.current()
        if model is None:
            text = format_html(
                "No newsroom model is trained yet: scores combine {} "
                "(<code>newsroom moderation-train</code> trains one).",
                SHIPPED,
            )
        else:
            info = model.info
            auc = info.get("cv_auc")
            text = format_html(
                "Live: the newsroom model trained at {} on {} comments ({} abusive, {} civil) "
                "from {}, cross-validated ROC AUC {}; combined with {}.",
                info.get("trained_at", "?"),
                info.get("rows", "?"),
                info.get("abusive", "?"),
                info.get("civil", "?"),
                info.get("source", "?"),
                f"{auc:.3f}" if isinstance(auc, float) else "not measured",
                SHIPPED,
            )
        return format_html(
            '<section class="w-panel" aria-labelledby="moderation-model-heading">'
            '<div class="w-panel__header">'
            '<h2 class="w-panel__heading" id="moderation-model-heading">Moderation model</h2>'
            '</div><div class="w-panel__content"><p>{}</p></div></section>',
            text,
        )


@hooks.register("construct_homepage_panels")
def add_moderation_model_panel(request, panels) -> None:
    if is_moderator(request.user):
        panels.append(ModerationModelPanel())

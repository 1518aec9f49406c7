from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from newsroom.articles.models import Source


class SourceViewSet(SnippetViewSet):
    model = Source
    icon = "globe"
    menu_label = "Sources and rights"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "rights_holder", "notice_template"]
    search_fields = ["name"]


register_snippet(SourceViewSet)

"""Each comment's shared HTML, rendered once and kept: a page of threads is mostly joins.
The comment form a signed-in reader's shared page is sent is kept the same way.

A comment looks the same to every reader who may do the same with it (signed out
and may do nothing; or signed in and may vote, reply, quote and report), until
something it shows changes. Its HTML is kept in the cache under a key made of
exactly what the template shows: what the reader may do, the body, the author's
name, slug and badge, the score, the status, whether it is featured or edited, the
quote, the relative time as printed, whether it is the linked comment, and the
keys of its replies (so a thread's HTML is retired when any reply in it changes,
and rebuilt from the replies' kept fragments), and the code that rendered it
(``release.code_digest``: a deploy starts afresh). A change to any of them is a new
key: nothing has to be retired by hand, and an old key simply ages out.

The vote form carries the reader's CSRF token: a kept fragment is rendered with a
stand-in, and the reader's own token is put in its place when the page's threads
are joined (``for_reader``), never before, so no kept HTML holds anyone's token.

The comment form sent to a signed-in reader's shared page (``footer_for_reader``) is kept
under the article and what the reader may do, with stand-ins for their token and for the
form's submission key, each put in for the request.

A card that carries anything else about the viewer (their vote, their own comment,
a notice only they or moderators see, an Edit or Delete link) is never kept: it is
rendered for that request, and so is every thread above it.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from hashlib import sha256

from django.core.cache import cache
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template import Context
from django.template.defaulttags import CsrfTokenNode
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from newsroom.articles.models import ArticlePage
from newsroom.core.release import code_digest
from newsroom.discussion.cards import CommentCard
from newsroom.discussion.forms import CommentForm, new_submission_key
from newsroom.discussion.permissions import Posting
from newsroom.discussion.relative_time import ago

TEMPLATE = "discussion/partials/_comment.html"
FOOTER_TEMPLATE = "discussion/partials/_discussion_footer.html"
KEEP_SECONDS = 24 * 60 * 60
_PREFIX = "comment-html:"
_FOOTER_PREFIX = "discussion-footer-html:"


# A kept fragment's vote form holds this in place of a token; for_reader puts the reader's.
_KEPT_TOKEN = "kept-fragment-token"
_KEPT_TOKEN_FIELD = CsrfTokenNode().render(Context({"csrf_token": _KEPT_TOKEN}))
# A kept comment form's submission key; footer_for_reader puts a fresh one in each time.
_KEPT_SUBMISSION_KEY = "kept-submission-key"
_KEPT_SUBMISSION_VALUE = f'value="{_KEPT_SUBMISSION_KEY}"'


def is_shared(card: CommentCard) -> bool:
    """Whether the card reads the same for every reader who may do the same with it."""
    return not (
        card.viewer_vote
        or card.is_own
        or card.notice  # the reader's own held or rejected comment, or a moderator's view
        or card.can_edit
        or card.can_delete
    )


def _own_signature(card: CommentCard, focus_id: int | None) -> tuple:
    comment = card.comment
    quote = card.quote
    return (
        comment.pk,
        comment.depth,
        comment.status,
        comment.is_featured,
        comment.upvotes,
        comment.downvotes,
        comment.in_reply_to_id,
        comment.created_at.isoformat(),
        ago(comment.created_at),
        comment.edited_at.isoformat() if comment.edited_at else "",
        sha256(comment.body_html.encode()).hexdigest(),
        card.author_name,
        card.author_slug,
        card.author_badge,
        card.reply_to_label,
        card.tombstone,
        (quote.comment_id, quote.author_name, quote.text, quote.removed) if quote else None,
        comment.pk == focus_id,
        (card.can_vote, card.can_reply, card.can_quote, card.can_report),
    )


@dataclass
class FragmentRender:
    """One request's render of a list of threads: the keys, what the cache held, what is new."""

    focus_id: int | None
    keys: dict[int, str | None] = field(default_factory=dict)  # None: about this viewer
    found: dict[str, str] = field(default_factory=dict)
    rendered: dict[str, str] = field(default_factory=dict)

    def key(self, card: CommentCard) -> str | None:
        children = [self.key(child) for child in card.children]
        key = None
        if is_shared(card) and None not in children:
            signature = repr((_own_signature(card, self.focus_id), children))
            key = f"{_PREFIX}{code_digest()}:{sha256(signature.encode()).hexdigest()}"
        self.keys[card.pk] = key
        return key

    def prefetch(self, cards: Iterable[CommentCard]) -> None:
        keys = [key for key in (self.key(card) for card in cards) if key]
        self.found = cache.get_many(keys) if keys else {}

    def html(self, card: CommentCard, context: Context) -> SafeString:
        key = self.keys.get(card.pk)
        if key is None and card.pk not in self.keys:
            key = self.key(card)  # a card outside the prefetched list
        if key is not None:
            kept = self.found.get(key) or self.rendered.get(key)
            if kept is not None:
                return mark_safe(kept)  # our template rendered it
        page = context.template
        assert page is not None, "comments render inside a page's template"
        shared = {"csrf_token": _KEPT_TOKEN} if key is not None else {}
        with context.push(card=card, **shared):
            html = page.engine.get_template(TEMPLATE).render(context)
        if key is not None:
            self.rendered[key] = html
        return mark_safe(html)  # our template rendered it

    @staticmethod
    def for_reader(html: str, context: Context) -> SafeString:
        """The joined HTML with the reader's CSRF token where kept fragments hold a stand-in."""
        if _KEPT_TOKEN_FIELD in html:
            html = html.replace(_KEPT_TOKEN_FIELD, CsrfTokenNode().render(context))
        return mark_safe(html)  # our templates rendered it, and Django the token's field

    def store(self) -> None:
        if self.rendered:
            cache.set_many(self.rendered, timeout=KEEP_SECONDS)


def footer_for_reader(
    request: HttpRequest, *, article: ArticlePage, permission: Posting, sort: str
) -> SafeString:
    """The foot of the discussion for a signed-in reader: the comment form, or why they may
    not post. The same for every reader who may do the same there, but for the token and
    the form's key, so it is rendered once per article, order and permission."""
    assert request.user.is_authenticated, "the footer of an anonymous reader is shared as is"
    shown = repr((article.pk, article.url, sort, permission))
    key = f"{_FOOTER_PREFIX}{code_digest()}:{sha256(shown.encode()).hexdigest()}"
    html = cache.get(key)
    if html is None:
        context = {
            "article": article,
            "permission": permission,
            "form": CommentForm.fresh(submission_key=_KEPT_SUBMISSION_KEY),
            "stream": {"sort": sort},
            "csrf_token": _KEPT_TOKEN,
        }
        html = render_to_string(FOOTER_TEMPLATE, context, request=request)
        cache.set(key, html, timeout=KEEP_SECONDS)
    html = html.replace(_KEPT_SUBMISSION_VALUE, f'value="{new_submission_key()}"')
    return FragmentRender.for_reader(html, Context({"csrf_token": get_token(request)}))

"""The demo discussion: original reader comments and votes, written through the services.

Going through comment_create and vote_cast (not bulk inserts) means the demo's
scores are real vote rows, and its quotes and mentions are made the way a
reader's are. The moderation pipeline judges them too: the demo moderator
approves what it held in the settled discussions (new readers' first comments),
then a few fresh comments and reports are left waiting, so that the moderation
queues are not empty.
"""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from newsroom.accounts.models import User
from newsroom.accounts.services import account_delete, user_set_display_name
from newsroom.articles.models import ArticlePage
from newsroom.discussion.models import Comment
from newsroom.discussion.services import comment_create, report_create, vote_cast
from newsroom.moderation.models import MODERATORS_GROUP, Report, Term
from newsroom.moderation.services import comment_approve

READER_PASSWORD = "newsroom-reader"


@dataclass(frozen=True)
class Reader:
    key: str
    display_name: str
    deleted: bool = False  # the account is deleted after commenting: its comments lose their name


@dataclass(frozen=True)
class DemoComment:
    author: str  # a Reader.key
    body: str
    score: int  # net score the demo votes produce
    reply_to: int | None = None  # index of an earlier comment in the same list
    quote: int | None = None  # index of an earlier comment whose first sentence is quoted


READERS = (
    Reader("hana", "Hana Kurosawa"),
    Reader("tom", "TomInOsaka"),
    Reader("ren", "Ren_Ito"),
    Reader("grace", "Grace L"),
    Reader("kaz", "kaz-from-sendai"),
    Reader("ex1", "Former reader one", deleted=True),
    Reader("ex2", "Former reader two", deleted=True),
    Reader("ex3", "Former reader three", deleted=True),
    Reader("mei", "Mei_newcomer"),
)

# The word lists moderators start from; they edit them under Snippets → Terms.
TERMS = (
    ("scumbag", Term.Kind.BANNED),
    ("traitor", Term.Kind.SUSPECT),
    ("moron", Term.Kind.SUSPECT),
)

# Fresh comments on the lead story that the rules hold for review (author, text).
HELD = (
    ("mei", "First time commenting here. I hope the cable working group publishes its minutes."),
    ("kaz", "Full text of the statement is here: https://example.com/joint-statement"),
    ("tom", "Anyone who still defends these talks is a traitor to this country."),
)

# Reports on the lead story's comments: (index in LEAD_DISCUSSION, reporter, reason, note).
REPORTS = (
    (6, "grace", Report.Reason.REPORTED_ABUSIVE, ""),
    (6, "hana", Report.Reason.REPORTED_OTHER, "Calls other readers liars without saying why."),
    (3, "kaz", Report.Reason.REPORTED_MISINFORMATION, ""),
)

# The lead story's discussion, oldest first: hopeful to hostile, as such threads go.
LEAD_DISCUSSION = (
    DemoComment(
        "hana",
        "Good to see the two sides agreeing on something practical. Shared surveillance data "
        "matters more than any number of joint statements.",
        score=2,
    ),
    DemoComment(
        "ex1",
        "Practical? Every one of these meetings promises closer ties and nothing changes for "
        "people here. Spend the money on pensions instead.",
        score=-3,
    ),
    DemoComment(
        "tom",
        "The amphibious drill is the real news. That is a big step for both militaries, and "
        "nobody should pretend otherwise.",
        score=2,
    ),
    DemoComment(
        "ex2",
        "We should stop relying on anyone and build our own deterrent, including the kind "
        "nobody likes to name.",
        score=-2,
    ),
    DemoComment(
        "ren",
        "TomInOsaka, you do know the drill was already announced last year? The statement only "
        "confirms the date.",
        score=-2,
        reply_to=2,
    ),
    DemoComment(
        "tom",
        "Announced and confirmed are not the same thing. Plenty of announced drills never "
        "happened.",
        score=0,
        reply_to=4,
    ),
    DemoComment(
        "ex3",
        "This is slander against people who just want peace. Nobody here asked for more drills.",
        score=-2,
        quote=3,
    ),
    DemoComment(
        "grace",
        "Whatever you think of the drills, a working group on undersea cables is overdue.",
        score=0,
        quote=0,
    ),
)

OTHER_DISCUSSIONS = (
    (
        DemoComment(
            "kaz",
            "Finally some relief for the typhoon-hit towns. Let's see how fast it arrives.",
            1,
        ),
        DemoComment(
            "grace", "Fast would be a first. The last package took eight months.", 3, reply_to=0
        ),
        DemoComment(
            "hana",
            "Eight months is unfair: most of it reached councils within four.",
            0,
            reply_to=1,
        ),
    ),
    (
        DemoComment("ren", "A walk-off win in the pennant race. What a night at the stadium.", 4),
        DemoComment("tom", "Best game of the season, and I say that as a rival fan.", 2),
    ),
    (
        DemoComment("tom", "Prices are up everywhere, but rice is the one my family notices.", 2),
        DemoComment("kaz", "Wages have to follow or this becomes a real squeeze.", 1),
        DemoComment(
            "ren",
            "They are following, slowly. Check the spring wage round figures.",
            -1,
            reply_to=1,
        ),
    ),
)


def _first_sentence(text: str) -> str:
    return re.match(r"(.+?[.!?])(\s|$)", text).group(1)


def _reader(reader: Reader) -> User:
    email = f"{reader.key}@newsroom.invalid"
    # Invented readers at a reserved domain: no reply emails (a real reader who signs up
    # in the demo gets them, printed on the console).
    user = User.objects.create_user(
        username=f"demo-{reader.key}", email=email, password=READER_PASSWORD, notify_replies=False
    )
    user_set_display_name(user=user, display_name=reader.display_name)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _discussion(
    article: ArticlePage, comments, readers: dict[str, User], start: datetime, moderator: User
) -> list[Comment]:
    made: list[Comment] = []
    voters = list(readers.values())
    for index, data in enumerate(comments):
        quoted = made[data.quote] if data.quote is not None else None
        comment = comment_create(
            article=article,
            author=readers[data.author],
            body=data.body,
            parent=made[data.reply_to] if data.reply_to is not None else None,
            quoted=quoted,
            quoted_text=_first_sentence(quoted.body) if quoted else "",
            confirmed_nudge=True,
        )
        if comment.status == Comment.Status.PENDING:
            comment = comment_approve(comment=comment, moderator=moderator)
        Comment.objects.filter(pk=comment.pk).update(
            created_at=start + timedelta(minutes=12 * index + 5)
        )
        others = [voter for voter in voters if voter.pk != comment.author_id]
        # Some up and some down votes netting to the score: a discussion, not unanimity.
        ups = max(data.score, 0) + 1 if len(others) > abs(data.score) + 2 else max(data.score, 0)
        downs = ups - data.score
        for voter in others[:ups]:
            vote_cast(comment=comment, voter=voter, value=1)
        for voter in others[ups : ups + downs]:
            vote_cast(comment=comment, voter=voter, value=-1)
        made.append(comment)
    return made


@transaction.atomic
def demo_discussion_load(*, articles: list[ArticlePage], now: datetime | None = None) -> bool:
    """Comment on the lead article and a few others; does nothing if the demo readers exist."""
    if User.objects.filter(username__startswith="demo-").exists() or not articles:
        return False
    now = now or timezone.now()
    moderator = User.objects.filter(groups__name=MODERATORS_GROUP).order_by("pk").first()
    if moderator is None:
        raise RuntimeError("The demo discussion needs the demo moderator account.")
    for text, kind in TERMS:
        Term.objects.get_or_create(text=text, defaults={"kind": kind})
    readers = {reader.key: _reader(reader) for reader in READERS}
    lead, *others = articles
    lead_comments = _discussion(
        lead, LEAD_DISCUSSION, readers, start=lead.first_published_at or now, moderator=moderator
    )
    for article, comments in zip(others, OTHER_DISCUSSIONS, strict=False):
        _discussion(
            article, comments, readers, start=article.first_published_at or now, moderator=moderator
        )
    for key, body in HELD:
        comment_create(article=lead, author=readers[key], body=body, confirmed_nudge=True)
    for index, key, reason, note in REPORTS:
        report_create(comment=lead_comments[index], reporter=readers[key], reason=reason, note=note)
    for reader in READERS:
        if reader.deleted:
            account_delete(user=readers[reader.key])
    return True

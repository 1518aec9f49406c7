"""Which moderator decisions apply to a comment or a reader, decided in one place.

The queue offers exactly these buttons and the services refuse anything else, so a
button can never lead to a refusal (Approve is never offered for a comment its
author deleted: the author withdrew it, and a moderator must not publish it again).
"""

from newsroom.accounts.models import User
from newsroom.discussion.models import Comment
from newsroom.moderation.models import ModerationAction, Sanction

Action = ModerationAction.Action


def available_actions(comment: Comment, *, reported: bool) -> frozenset[str]:
    """The decisions a moderator can take on ``comment``; ``reported``: it has open reports.

    Approving a published comment means "keep it": it resolves the open reports, so it
    is offered only while some are open.
    """
    status = comment.status
    if status == Comment.Status.DELETED_BY_AUTHOR:
        return frozenset()
    if status == Comment.Status.PENDING:
        return frozenset({Action.APPROVE, Action.REJECT})
    if status == Comment.Status.REJECTED:
        return frozenset({Action.APPROVE})
    if status == Comment.Status.REMOVED:
        return frozenset({Action.APPROVE, Action.REJECT})
    actions = {Action.REJECT, Action.REMOVE}
    if reported:
        actions.add(Action.APPROVE)
    if comment.is_featured:
        actions.add(Action.UNFEATURE)
    elif not comment.parent_id:
        actions.add(Action.FEATURE)
    return frozenset(actions)


def available_reader_actions(reader: User, *, sanction: Sanction | None) -> frozenset[str]:
    """Suspend or ban a reader (a ban outranks a suspension), lift what is active.

    Nothing for a deleted account: it cannot take part any more, and its name is gone.
    """
    if reader.anonymised_at is not None:
        return frozenset()
    if sanction is None:
        return frozenset({Action.SUSPEND, Action.BAN})
    if sanction.kind == Sanction.Kind.SUSPENSION:
        return frozenset({Action.BAN, Action.LIFT})
    return frozenset({Action.SUSPEND, Action.LIFT})

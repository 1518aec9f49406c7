"""A prepared query runs the queryset's SQL with new values, or refuses to be prepared."""

import threading
from unittest.mock import patch

import pytest
from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, F, Model, OuterRef
from django.db.models.functions import Now
from django.db.models.signals import post_init, post_save, pre_save
from django.db.models.sql.compiler import SQLCompiler
from django.db.transaction import TransactionManagementError
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from newsroom.accounts.models import User
from newsroom.articles.models import ArticlePage
from newsroom.core.prepared import (
    SHAPES_KEPT,
    Update,
    _defines_its_making,
    columns,
    in_lists,
    insert,
    instance,
    prepared,
)
from newsroom.discussion.models import Comment, Vote
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

pytestmark = pytest.mark.django_db


def counted(build):
    """The builder, counting how often the query is built."""

    def counting(*args):
        counting.calls += 1
        return build(*args)

    counting.calls = 0
    counting.__name__ = build.__name__
    counting.__wrapped__ = build
    return counting


@counted
def verified_names(user_id: int, username: str):
    return User.objects.filter(pk=user_id, username=username).values_list(
        "display_name", Exists(EmailAddress.objects.filter(user=OuterRef("pk"), verified=True))
    )


VERIFIED_NAMES = prepared(int, str)(verified_names)


def test_each_call_runs_one_query_with_its_own_values_converted_as_the_orm_would():
    ana = UserFactory(display_name="Ana")
    ben = UserFactory(display_name="Ben", verified=False)

    with CaptureQueriesContext(connection) as queries:
        rows = [
            VERIFIED_NAMES.row(ana.pk, ana.username),
            VERIFIED_NAMES.row(ben.pk, ben.username),
            VERIFIED_NAMES.row(ben.pk, ana.username),
        ]

    assert rows == [("Ana", True), ("Ben", False), None]
    assert type(rows[0][1]) is bool  # SQLite's 0 and 1 through the ORM's converter
    assert len(queries) == 3


def test_the_query_is_built_once_per_thread():
    builds = counted(verified_names.__wrapped__)
    query = prepared(int, str)(builds)
    user = UserFactory()
    query.rows(user.pk, user.username)
    built = builds.calls
    for _ in range(3):
        query.rows(user.pk, user.username)
    assert builds.calls == built

    # Another thread compiles its own, with its own connection's converters.
    other = threading.Thread(target=lambda: query._compiled("default", ()))
    other.start()
    other.join()
    assert builds.calls == 2 * built


def test_the_columns_converters_are_worked_out_once_not_at_each_call():
    """results_iter() found them again on every call: as long as the query itself took."""
    query = prepared(int, str)(verified_names.__wrapped__)
    user = UserFactory()

    with patch.object(SQLCompiler, "get_converters", autospec=True,
                      side_effect=SQLCompiler.get_converters) as found:  # fmt: skip
        rows = [query.rows(user.pk, user.username) for _ in range(4)]

    assert found.call_count == 1
    assert rows == [[(user.display_name, True)]] * 4


def test_whether_a_model_defines_its_making_is_asked_of_its_bases_once():
    _defines_its_making.cache_clear()
    names = columns(User, only=("id", "display_name"))

    for pk in (1, 2, 3):
        instance(User, names, (pk, "Ana"))

    assert _defines_its_making.cache_info().misses == 1


@pytest.mark.parametrize(
    ("kind", "build", "value"),
    [
        # A LIMIT is written into the SQL, not passed as a parameter.
        (int, lambda n: User.objects.order_by("pk").values_list("pk")[:n], 3),
        # A pattern is made from the value: the parameter is not the value given.
        (str, lambda name: User.objects.filter(username__contains=name).values_list("pk"), "a"),
    ],
    ids=["limit", "contains"],
)
def test_a_value_that_does_not_reach_the_sql_unchanged_is_refused(kind, build, value):
    with pytest.raises(TypeError, match="cannot vary"):
        prepared(kind)(build).rows(value)


def test_the_time_of_the_first_call_is_refused_as_a_constant():
    query = prepared(int)(
        lambda user_id: User.objects.filter(pk=user_id, date_joined__lt=timezone.now()).values_list(
            "pk"
        )
    )
    with pytest.raises(TypeError, match="Now"):
        query.rows(1)


def test_a_query_of_models_is_refused():
    query = prepared(int)(lambda user_id: User.objects.filter(pk=user_id))
    with pytest.raises(TypeError, match="values_list"):
        query.rows(1)


@prepared(int, int)
def _children_counted(page_id: int, change: int):
    """A counter moved by a value, as a vote moves a comment's, for the rows of one id."""
    return Update(Page.objects.filter(pk=page_id), numchild=F("numchild") + change)


def test_an_update_sets_its_rows_with_each_calls_values_and_counts_them(home):
    root = Page.objects.get(pk=home.get_parent().pk)
    before = (root.numchild, home.numchild)

    with CaptureQueriesContext(connection) as queries:
        changed = [
            _children_counted.run(root.pk, 3),
            _children_counted.run(home.pk, 2),
            _children_counted.run(root.pk, -1),
        ]
        nothing = _children_counted.run(0, 5)

    assert (changed, nothing, len(queries)) == ([1, 1, 1], 0, 4)
    root.refresh_from_db()
    home.refresh_from_db()
    assert (root.numchild, home.numchild) == (before[0] + 2, before[1] + 2)


def test_an_update_is_run_and_a_query_is_read_never_the_other_way():
    with pytest.raises(TypeError, match="run"):
        _children_counted.rows(1, 2)
    with pytest.raises(TypeError, match="run"):
        VERIFIED_NAMES.run(1, "ana")


def test_a_failed_update_leaves_its_transaction_to_be_rolled_back():
    taken = UserFactory()
    other = UserFactory()
    rename = prepared(int, str)(
        lambda user_id, username: Update(User.objects.filter(pk=user_id), username=username)
    )

    with transaction.atomic():
        with pytest.raises(IntegrityError):
            rename.run(other.pk, taken.username)  # usernames are unique
        assert transaction.get_rollback()  # leaving the block rolls back to its savepoint


@pytest.mark.parametrize("value", [None, "1", True])
def test_a_value_of_another_kind_is_refused(value):
    with pytest.raises(TypeError):
        VERIFIED_NAMES.rows(value, "ana")


def test_a_value_written_into_the_sql_shapes_a_query_compiled_once_for_each():
    builds = counted(lambda username, at_most: User.objects.exclude(username=username)
                     .order_by("pk").values_list("pk")[:at_most])  # fmt: skip
    first_ids = prepared(str)(builds)
    users = UserFactory.create_batch(4)

    two = first_ids.rows("nobody", shape=(2,))
    three = first_ids.rows(users[0].username, shape=(3,))
    first_ids.rows("nobody", shape=(2,))

    assert two == [(users[0].pk,), (users[1].pk,)]
    assert three == [(users[1].pk,), (users[2].pk,), (users[3].pk,)]
    assert builds.calls == 2 * 2  # twice for each shape (the check for values of the moment)


def test_a_shape_that_can_match_nothing_asks_nothing():
    query = prepared(str)(
        lambda name, at_most: User.objects.filter(username=name).values_list("pk")[:at_most]
    )
    UserFactory(username="ana")

    with CaptureQueriesContext(connection) as queries:
        assert query.rows("ana", shape=(0,)) == []
    assert not queries
    assert len(query.rows("ana", shape=(1,))) == 1


def test_an_id_compared_with_a_small_integer_column_still_varies(home):
    """A stand-in beyond the column's range would make Django drop the condition (on
    PostgreSQL's 4-byte integers): the query would then match nothing, every time."""
    at_depth = prepared(int, int)(
        lambda pk, depth: Page.objects.filter(pk=pk, depth=depth).values_list("pk")
    )

    assert at_depth.rows(home.pk, home.depth) == [(home.pk,)]
    assert at_depth.rows(home.pk, home.depth + 1) == []


def test_a_builder_that_reads_the_database_is_refused(home):
    """What it read (say, the view restrictions) would be kept from the first build."""

    def build(user_id: int):
        names = list(User.objects.values_list("username", flat=True))
        return User.objects.filter(pk=user_id).exclude(username__in=names).values_list("pk")

    with pytest.raises(TypeError, match="must not read the database"):
        prepared(int)(build).rows(1)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_lock_outside_a_transaction_is_refused_on_every_call():
    user = UserFactory()
    locked = prepared(int)(
        lambda user_id: User.objects.select_for_update().filter(pk=user_id).values_list("pk")
    )
    with transaction.atomic():
        assert locked.rows(user.pk) == [(user.pk,)]

    with pytest.raises(TransactionManagementError):
        locked.rows(user.pk)


def test_a_thread_keeps_the_last_shapes_only():
    query = prepared(str)(
        lambda name, at_most: User.objects.filter(username=name).values_list("pk")[:at_most]
    )
    for at_most in range(1, SHAPES_KEPT + 10):
        query.rows("ana", shape=(at_most,))

    assert len(query._local.compiled) == SHAPES_KEPT
    assert ("default", (SHAPES_KEPT + 9,)) in query._local.compiled
    assert ("default", (1,)) not in query._local.compiled


def test_an_instance_is_the_one_the_orm_loads_with_the_columns_not_read_deferred():
    ana = UserFactory(display_name="Ana")
    names = columns(User, only=("id", "display_name", "last_login", "is_staff"))
    row = User.objects.filter(pk=ana.pk).values_list(*names).get()
    loaded = User.objects.only(*names).get(pk=ana.pk)

    with patch.object(Model, "__init__", side_effect=AssertionError("made through __init__")):
        made = instance(User, names, row)

    assert vars(made).keys() - {"_state"} == vars(loaded).keys() - {"_state"}
    assert [getattr(made, name) for name in names] == [getattr(loaded, name) for name in names]
    assert made.get_deferred_fields() == loaded.get_deferred_fields()
    assert (made._state.adding, made._state.db) == (False, "default")
    with CaptureQueriesContext(connection) as queries:
        assert made.email == ana.email  # deferred: read when asked for
    assert len(queries) == 1


def test_a_page_read_with_its_id_is_the_one_from_db_makes_without_its_inits(home):
    article = ArticlePageFactory(parent=home)
    names = columns(ArticlePage, leave_out=["body"])
    row = ArticlePage.objects.filter(pk=article.pk).values_list(*names).get()
    loaded = ArticlePage.from_db("default", names, row)

    with patch.object(Model, "__init__", side_effect=AssertionError("made through __init__")):
        made = instance(ArticlePage, names, row)

    assert {k: v for k, v in vars(made).items() if k != "_state"} == {
        k: v for k, v in vars(loaded).items() if k != "_state"
    }
    assert made.get_deferred_fields() == loaded.get_deferred_fields() == {"body"}
    assert made.url == loaded.url == article.url
    assert made.content_type_id == article.content_type_id


def test_a_model_with_its_own_init_or_init_receivers_is_made_through_it():
    seen = []

    def receiver(sender, instance, **kwargs):
        seen.append(instance)

    # Wagtail's Page.__init__ gives a page without an id its content type.
    page = instance(Page, ["id", "content_type_id"], (None, None))
    assert page.content_type_id == ContentType.objects.get_for_model(Page).pk
    post_init.connect(receiver, sender=User)
    try:
        made = instance(User, ["id"], (1,))
    finally:
        post_init.disconnect(receiver, sender=User)
    assert seen == [made]


def test_ids_are_asked_in_lists_of_a_set_size_the_last_padded_with_no_ones_id():
    assert list(in_lists([5, 6, 7], 2)) == [[5, 6], [7, 0]]
    assert list(in_lists([5, 6], 2)) == [[5, 6]]
    assert list(in_lists([], 2)) == []


def _stored(comment: Comment) -> dict:
    """A comment's row as the database holds it, but its id."""
    row = Comment.objects.filter(pk=comment.pk).values().get()
    del row["id"]
    return row


def test_an_insert_stores_the_row_save_would_in_one_query(home):
    article, author = ArticlePageFactory(parent=home), UserFactory()
    parent = CommentFactory(article=article)

    def new_reply() -> Comment:
        return Comment(
            article=article, author=author, parent=parent, thread=parent, in_reply_to=parent,
            depth=2, body="Ja, *so* war es.", body_html="<p>Ja, <em>so</em> war es.</p>",
            status=Comment.Status.PENDING, toxicity=0.25, toxicity_scores={"a": 0.5},
            moderation_flags=["DETECTED_LINKS"], submission_key="form-1",
        )  # fmt: skip

    saved, inserted = new_reply(), new_reply()
    saved.submission_key = "form-2"
    saved.save()
    with CaptureQueriesContext(connection) as queries:
        insert(inserted)

    assert len(queries) == 1
    assert inserted.pk is not None and inserted.pk != saved.pk
    assert (inserted._state.adding, inserted._state.db) == (False, "default")
    expected = _stored(saved) | {
        "submission_key": "form-1",
        "created_at": inserted.created_at,
        "updated_at": inserted.updated_at,
    }
    assert _stored(inserted) == expected
    assert saved.created_at <= inserted.created_at <= timezone.now()
    assert Comment.objects.get(pk=inserted.pk).toxicity_scores == {"a": 0.5}


def test_an_insert_sends_the_signals_save_sends(home):
    comment = CommentFactory.build(article=ArticlePageFactory(parent=home), author=UserFactory())
    sent = []

    def before(sender, instance, **kwargs):
        sent.append(("pre_save", sender, instance.pk, kwargs["raw"]))

    def after(sender, instance, **kwargs):
        sent.append(("post_save", sender, instance.pk, kwargs["created"]))

    pre_save.connect(before, sender=Comment)
    post_save.connect(after, sender=Comment)
    try:
        insert(comment)
    finally:
        pre_save.disconnect(before, sender=Comment)
        post_save.disconnect(after, sender=Comment)

    assert sent == [("pre_save", Comment, None, False), ("post_save", Comment, comment.pk, True)]


def test_an_insert_the_kept_sql_cannot_serve_is_refused_and_stores_nothing(home):
    article = ArticlePageFactory(parent=home)
    with_id = CommentFactory.build(article=article, author=UserFactory(), id=987_654)
    with_expression = CommentFactory.build(article=article, author=UserFactory(), edited_at=Now())

    with pytest.raises(TypeError, match="its id set"):
        insert(with_id)
    with pytest.raises(TypeError, match="expression"):
        insert(with_expression)
    with pytest.raises(TypeError, match="save"):
        insert(ArticlePage(title="A page", slug="a-page"))  # a row in each of its models' tables
    assert not Comment.objects.filter(article=article).exists()


def test_an_insert_refuses_a_related_row_not_saved_yet_as_save_does(home):
    article, author = ArticlePageFactory(parent=home), UserFactory()
    unsaved_parent = CommentFactory.build(article=article, author=author)
    reply = CommentFactory.build(
        article=article, author=author, parent=unsaved_parent, thread=unsaved_parent, depth=2
    )

    with pytest.raises(ValueError, match="unsaved related object"):
        insert(reply)


def test_a_failed_insert_leaves_its_transaction_to_be_rolled_back(home):
    vote = Vote.objects.create(comment=CommentFactory(article=ArticlePageFactory(parent=home)),
                               voter=UserFactory(), value=1)  # fmt: skip

    with transaction.atomic():
        with pytest.raises(IntegrityError):
            insert(Vote(comment=vote.comment, voter=vote.voter, value=-1))  # one per reader
        assert transaction.get_rollback()

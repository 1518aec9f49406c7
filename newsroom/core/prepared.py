"""Queries built with the ORM once per thread, then run with new values.

Django builds and compiles a queryset anew on every call. For the small queries on the
busiest requests (a vote, a post, a reader's standing) that Python work costs several
times what the database takes to answer: the standing query took about 2 ms to build
and 0.15 ms to run. A prepared query is built once, with a stand-in for each value that
changes; the stand-ins are then found among the compiled parameters, and each call only
puts its values in their places. The query stays written as a queryset, in one place.

Only values the compiler passes through unchanged can vary: ids and strings compared
with ``=``. Anything else (a LIMIT, a ``__contains`` pattern) would change the SQL, and
is refused when the query is first compiled, not run wrongly; such a value can shape the
query instead, which is then compiled once for each shape (a few: a thread keeps the
last SHAPES_KEPT). A value the query would keep from its first build is refused too: a
constant made from a stand-in, a date or time (the current time is the database's
``Now()``), anything that moved between two builds, and anything the builder read from
the database. None is refused as a value: ``= NULL`` is not ``IS NULL``.

It is compiled once per thread, because the compiler that turns rows into Python values
holds its thread's database connection.

An update is prepared the same way: its builder returns ``Update(rows, **values)``, the
rows of a queryset and what they are set to (``F()`` expressions included), and ``run()``
answers how many rows it changed. It took Django 0.4 ms to build the counters' update of
a vote, and the database 0.05 ms to run it.

``insert(obj)`` saves a new row as ``obj.save()`` does, with the INSERT Django compiles
for its model kept from the first: Django took 0.5 ms to build a comment's, per post.
"""

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, cast

from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model, QuerySet
from django.db.models.base import ModelState
from django.db.models.fields import Field
from django.db.models.query import ValuesListIterable
from django.db.models.signals import post_init, post_save, pre_init, pre_save
from django.db.models.sql import InsertQuery, Query, UpdateQuery
from django.db.models.sql.compiler import SQLCompiler, SQLUpdateCompiler
from django.db.transaction import TransactionManagementError, mark_for_rollback_on_error
from django.utils.dateparse import parse_date, parse_datetime

type Kind = type[int] | type[str]
SHAPES_KEPT = 16


def _stand_ins(kinds: tuple[Kind, ...], variant: int) -> list[int | str]:
    """Values no real query passes: ids inside PostgreSQL's 4-byte integers (an id field
    out of range makes Django drop the condition), strings no one types."""
    stand_ins: list[int | str] = []
    for n, kind in enumerate(kinds):
        if kind is int:
            stand_ins.append(1_730_621_400 + 100 * variant + n)
        elif kind is str:
            stand_ins.append(f"prepared-stand-in-{variant}-{n}-7306214")
        else:
            raise TypeError(f"a prepared query takes ids and strings, not {kind.__name__}")
    return stand_ins


def _is_value_of_the_moment(param: object) -> bool:
    if isinstance(param, date):
        return True
    if not isinstance(param, str):
        return False
    try:  # SQLite's backend passes dates and times as strings
        return bool(parse_datetime(param) or parse_date(param))
    except ValueError:
        return False


def _no_queries(execute, sql, params, many, context):
    raise TypeError("a prepared query's builder must not read the database: what it read "
                    "would be kept from the first build")  # fmt: skip


@dataclass(frozen=True)
class _Argument:
    """A parameter that is the call's value number ``position``, wrapped as the compiler
    wrapped its stand-in (PostgreSQL's backend marks an int's size)."""

    position: int
    wrap: Callable[[Any], Any]


@dataclass(frozen=True)
class _Compiled:
    compiler: SQLCompiler
    sql: str  # "" when the query can match nothing (a LIMIT of 0): no query, no rows
    params: tuple[Any, ...]  # constants, and an _Argument for each value
    # What turns each column's database value into Python's, as results_iter() finds them
    # on every call: worked out once, they took as long as running the query.
    converters: dict[int, tuple[list[Any], Any]]


class Update:
    """What a prepared update's builder returns: the rows of a queryset, and what they are
    set to, as ``QuerySet.update(**values)`` takes it."""

    def __init__(self, rows: QuerySet[Any, Any], **values: Any) -> None:
        self.rows, self.values = rows, values


class PreparedQuery:
    """A values_list() query compiled once per thread and database, run with new values.

    ``build`` takes one argument per kind, then the shape's, and returns the queryset.
    """

    def __init__(
        self, build: Callable[..., QuerySet[Any, Any] | Update], kinds: tuple[Kind, ...]
    ) -> None:
        self.build, self.kinds = build, kinds
        self._local = threading.local()
        self.__doc__ = build.__doc__
        self.__name__ = build.__name__

    def _sql(self, using: str, stand_ins: list[int | str], shape: tuple[object, ...]):
        with connections[using].execute_wrapper(_no_queries):
            built = self.build(*stand_ins, *shape)
            query: Query
            if isinstance(built, Update):
                update = cast(UpdateQuery, built.rows.query.chain(UpdateQuery))
                update.add_update_values(built.values)
                update.annotations = {}
                if update.get_related_updates():
                    raise TypeError(f"{self.__name__}: an update of one table only")
                query = update
            elif built._iterable_class is ValuesListIterable:
                query = built.query
            else:
                raise TypeError(
                    f"{self.__name__}: a prepared query must be a values_list() or an Update"
                )
            compiler = query.get_compiler(using=using)
            try:
                sql, params = compiler.as_sql()
            except EmptyResultSet:
                if not query.is_empty():  # e.g. an id out of a field's range
                    raise TypeError(f"{self.__name__}: a stand-in emptied the query") from None
                sql, params = "", ()
        if not isinstance(built, Update) and compiler.has_extra_select:
            raise TypeError(f"{self.__name__}: extra() columns are not supported")
        return compiler, sql, params

    def _compile(self, using: str, shape: tuple[object, ...]) -> _Compiled:
        stand_ins = _stand_ins(self.kinds, 0)
        compiler, sql, params = self._sql(using, stand_ins, shape)
        if not sql:
            return _Compiled(compiler=compiler, sql="", params=(), converters={})
        # Built again with other stand-ins, the SQL must be the same and the parameters must
        # differ exactly where the stand-ins are: any other difference is a value of the
        # moment (the time), which would be kept from this call on.
        others = _stand_ins(self.kinds, 1)
        _, other_sql, other_params = self._sql(using, others, shape)
        template: list[Any] = []
        found = set()
        for param, other in zip(params, other_params, strict=True):
            n = next((n for n, s in enumerate(stand_ins) if _same(param, s)), None)
            if n is not None and _same(other, others[n]):
                found.add(n)
                template.append(_Argument(n, type(param) if type(param) is not str else str))
            elif isinstance(param, str) and any(str(s) in param for s in stand_ins):
                raise TypeError(f"{self.__name__}: a value is made into another; it cannot vary")
            elif param != other or _is_value_of_the_moment(param):
                raise TypeError(
                    f"{self.__name__}: a value of the moment, such as the time, would be kept "
                    "from the first call; use the database's Now() or pass it as a stand-in"
                )
            else:
                template.append(param)
        if sql != other_sql or found != set(range(len(stand_ins))):
            raise TypeError(
                f"{self.__name__}: a value does not reach the SQL as a parameter of its own, "
                "so it cannot vary"
            )
        converters = {}
        if not isinstance(compiler, SQLUpdateCompiler):
            selected = [column for column, _, _ in compiler.select[: compiler.col_count]]
            if compiler.has_composite_fields(selected):
                raise TypeError(f"{self.__name__}: composite fields are not supported")
            converters = compiler.get_converters(selected)
        return _Compiled(compiler=compiler, sql=sql, params=tuple(template), converters=converters)

    def _compiled(self, using: str, shape: tuple[object, ...]) -> _Compiled:
        kept: dict[tuple[str, tuple[object, ...]], _Compiled] | None
        kept = getattr(self._local, "compiled", None)
        if kept is None:
            kept = self._local.compiled = {}
        compiled = kept.pop((using, shape), None)
        if compiled is None:
            compiled = self._compile(using, shape)
            if len(kept) >= SHAPES_KEPT:  # the oldest shape goes
                del kept[next(iter(kept))]
        kept[using, shape] = compiled  # last: the newest
        return compiled

    def rows(
        self,
        *values: int | str,
        shape: tuple[object, ...] = (),
        using: str = DEFAULT_DB_ALIAS,
    ) -> list[tuple[Any, ...]]:
        """Every row, converted as the queryset would convert it. ``shape``: values that
        are written into the SQL (a LIMIT), passed to the builder after the stand-ins; the
        query is compiled once for each."""
        compiled, params = self._call(values, shape, using, update=False)
        if not compiled.sql:
            return []
        connection = connections[using]
        if compiled.compiler.query.select_for_update and not connection.in_atomic_block:
            # Django checks it as it compiles, which a prepared query does once.
            raise TransactionManagementError("select_for_update outside of a transaction")
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            fetched = cursor.fetchall()
        if not compiled.converters:
            return fetched
        converted = compiled.compiler.apply_converters(fetched, compiled.converters)
        return [tuple(row) for row in converted]

    def run(self, *values: int | str, using: str = DEFAULT_DB_ALIAS) -> int:
        """An update: how many rows it changed."""
        compiled, params = self._call(values, (), using, update=True)
        if not compiled.sql:
            return 0
        # As QuerySet.update(): an error leaves the transaction to be rolled back.
        with mark_for_rollback_on_error(using), connections[using].cursor() as cursor:
            cursor.execute(compiled.sql, params)
            return cursor.rowcount

    def _call(
        self, values: tuple[int | str, ...], shape: tuple[object, ...], using: str, *, update: bool
    ) -> tuple[_Compiled, list[Any]]:
        """The query compiled for this thread, and the parameters with these values."""
        if len(values) != len(self.kinds):
            raise TypeError(f"{self.__name__} takes {len(self.kinds)} values")
        for value, kind in zip(values, self.kinds, strict=True):
            if not isinstance(value, kind) or isinstance(value, bool):
                raise TypeError(f"{self.__name__}: {value!r} is not a {kind.__name__}")
        compiled = self._compiled(using, shape)
        if isinstance(compiled.compiler, SQLUpdateCompiler) != update:
            raise TypeError(f"{self.__name__}: run() an Update, read the rows() of the rest")
        params = [
            p.wrap(values[p.position]) if isinstance(p, _Argument) else p for p in compiled.params
        ]
        return compiled, params

    def row(
        self,
        *values: int | str,
        shape: tuple[object, ...] = (),
        using: str = DEFAULT_DB_ALIAS,
    ) -> tuple[Any, ...] | None:
        """The first row, or None when there is none."""
        rows = self.rows(*values, shape=shape, using=using)
        return rows[0] if rows else None


def _same(param: object, stand_in: int | str) -> bool:
    if isinstance(stand_in, int):
        return isinstance(param, int) and not isinstance(param, bool) and param == stand_in
    return isinstance(param, str) and param == stand_in


def prepared(
    *kinds: Kind,
) -> Callable[[Callable[..., QuerySet[Any, Any] | Update]], PreparedQuery]:
    """Decorate a function that builds a values_list() queryset, or an Update, from ids and
    strings."""
    return lambda build: PreparedQuery(build, kinds)


def in_lists(ids: Sequence[int], size: int) -> Iterator[list[int]]:
    """``ids`` in lists of ``size``, the last padded with 0 (no row's id): a prepared query
    takes a set number of values, so ids of any number are asked ``size`` at a time."""
    for start in range(0, len(ids), size):
        chunk = list(ids[start : start + size])
        yield chunk + [0] * (size - len(chunk))


def columns(
    model: type[Model], *, only: Iterable[str] = (), leave_out: Iterable[str] = ()
) -> list[str]:
    """A model's columns in the order ``Model.from_db`` takes a row of them: all, or only
    those named, or all but some. A name that is not a column is an error, not a column
    left out."""
    names = [field.attname for field in model._meta.concrete_fields]
    wanted, unwanted = set(only), set(leave_out)
    if unknown := (wanted | unwanted) - set(names):
        raise ValueError(f"{model.__name__} has no columns {sorted(unknown)}")
    return [n for n in names if (not wanted or n in wanted) and n not in unwanted]


def instance[M: Model](model: type[M], names: list[str], row: tuple[Any, ...]) -> M:
    """A model instance from a prepared query's row of ``columns(model, ...)``: the columns
    not read are deferred, so reading one asks the database, never shows a blank.

    What ``Model.from_db`` makes, without running ``Model.__init__`` over every field: a
    page of threads makes a hundred, and __init__ took four times as long as the rest.
    A model with its own __init__, __setattr__ or from_db (its own or a mixin's), or with
    pre_init or post_init receivers, is made by ``from_db``, which runs them; but for the
    __init__s of INIT_OF_NEW_ROWS when the row has its id.
    """
    if _initialised_by_itself(model, names, row):
        return model.from_db(DEFAULT_DB_ALIAS, names, row)
    built = model.__new__(model)
    built.__dict__.update(zip(names, row, strict=True))
    built._state = ModelState()
    built._state.adding, built._state.db = False, DEFAULT_DB_ALIAS
    return built


# What a model may define to take part in being made: then it is made by from_db.
_MAKING = ("__init__", "__setattr__", "from_db")
# __init__s that do nothing but Model.__init__ for a row read with its id: Wagtail's pages
# give a page without one its content type and menu default, modelcluster's takes child
# rows passed by name. (Reading an article page for a post took a tenth of a millisecond
# through them.) tests/core/test_prepared.py checks such a page is the one from_db makes.
INIT_OF_NEW_ROWS = frozenset(
    {
        "wagtail.models.pages.AbstractPage",
        "wagtail.models.pages.ShowInMenusMixin",
        "modelcluster.models.ClusterableModel",
    }
)


def _has_id(model: type[Model], names: list[str], row: tuple[Any, ...]) -> bool:
    pk = model._meta.pk.attname
    return pk in names and row[names.index(pk)] is not None


def _initialised_by_itself(model: type[Model], names: list[str], row: tuple[Any, ...]) -> bool:
    # Most models define nothing: the row's id is looked up only for one that does.
    defines = _defines_its_making(model, loaded=False) and (
        _defines_its_making(model, loaded=True) or not _has_id(model, names, row)
    )
    return defines or pre_init.has_listeners(model) or post_init.has_listeners(model)


@cache  # a class's bases do not change; its receivers may, so they are asked each time
def _defines_its_making(model: type[Model], *, loaded: bool) -> bool:
    return any(
        name in vars(base)
        and not (loaded and name == "__init__" and _qualified(base) in INIT_OF_NEW_ROWS)
        for base in model.__mro__[:-1]
        if base is not Model
        for name in _MAKING
    )


def _qualified(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


@dataclass(frozen=True)
class _Insert:
    sql: str
    fields: tuple[Field, ...]  # each a parameter of the SQL, in order


_inserts: dict[tuple[type[Model], str], _Insert] = {}


def insert(obj: Model, *, using: str = DEFAULT_DB_ALIAS) -> None:
    """Save ``obj``, a new row with no primary key yet, as ``obj.save()`` would: the same
    fields' values (``auto_now`` times included), its id set from the database's answer.

    Django builds the INSERT anew for every save; here its SQL is compiled once per model
    and database, and each call only prepares the values; pre_save and post_save are sent
    as ``save()`` sends them. What the kept SQL cannot serve is refused, not saved wrongly:
    a model with parents, database defaults or generated columns, an id set by the
    caller, a value that is an expression.
    """
    model = type(obj)
    meta = model._meta
    if obj.pk is not None:
        raise TypeError(f"insert(): a {model.__name__} with its id set; save() it")
    # save()'s own check (not in the stubs): a related row not saved yet is refused, and a
    # related row's id is copied into its column.
    obj._prepare_related_fields_for_save(operation_name="save")  # type: ignore[attr-defined]
    pre_save.send(sender=model, instance=obj, raw=False, using=using, update_fields=None)
    connection = connections[using]
    compiled = _inserts.get((model, using)) or _insert_compiled(model, using)
    params = []
    for field in compiled.fields:
        value = field.pre_save(obj, add=True)
        if hasattr(value, "resolve_expression"):
            raise TypeError(f"insert(): {field.name} is an expression; save() it")
        params.append(field.get_db_prep_save(value, connection))
    with mark_for_rollback_on_error(using), connection.cursor() as cursor:
        cursor.execute(compiled.sql, params)
        (pk,) = cursor.fetchone()
    setattr(obj, meta.pk.attname, pk)
    obj._state.adding, obj._state.db = False, using
    post_save.send(
        sender=model, instance=obj, created=True, update_fields=None, raw=False, using=using
    )


def _insert_compiled(model: type[Model], using: str) -> _Insert:
    """Django's INSERT of this model, returning the new id, with the parameters it takes."""
    meta = model._meta
    connection = connections[using]
    if meta.parents or meta.order_with_respect_to or meta.pk is not meta.auto_field:
        raise TypeError(f"insert(): {model.__name__} is saved by save(), not a kept INSERT")
    if not connection.features.can_return_columns_from_insert:
        raise TypeError(f"insert(): {connection.vendor} does not return a new row's id")
    fields = tuple(f for f in meta.local_concrete_fields if f is not meta.auto_field)
    if any(f.generated or f.has_db_default() or hasattr(f, "get_placeholder_sql") for f in fields):
        raise TypeError(f"insert(): {model.__name__} has columns the database fills or shapes")
    query = InsertQuery(model)
    query.insert_values(fields, [model()])  # a row of defaults: only its SQL is kept
    compiler = query.get_compiler(using=using)
    compiler.returning_fields = [meta.pk]
    ((sql, params),) = compiler.as_sql()
    if len(params) != len(fields) or sql.count("%s") != len(fields):
        raise TypeError(f"insert(): {model.__name__}'s INSERT takes other parameters")
    compiled = _inserts[model, using] = _Insert(sql=sql, fields=fields)
    return compiled

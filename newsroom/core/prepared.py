"""Queries built with the ORM once per thread, then run with new values.

Django builds and compiles a queryset anew on every call. For the small queries on the
busiest requests (a vote, a post, a reader's standing) that Python work costs several
times what the database takes to answer: the standing query took about 2 ms to build
and 0.15 ms to run. A prepared query is built once, with a stand-in for each value that
changes; the stand-ins are then found among the compiled parameters, and each call only
puts its values in their places. The query stays written as a queryset, in one place.

Only values the compiler passes through unchanged can vary: ids and strings compared
with ``=``. Anything else (a LIMIT, a ``__contains`` pattern, an empty ``IN``) would
change the SQL, and is refused when the query is first compiled, not run wrongly (such a
value can shape the query instead: it is compiled once for each). So is
a date or time among the constants, found by building the query twice: it would be kept
from the first call, so the current time is the database's ``Now()``. None is refused
as a value: ``= NULL`` is not ``IS NULL``.

It is compiled once per thread, because the compiler that turns rows into Python values
holds its thread's database connection.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet
from django.db.models.sql.compiler import SQLCompiler

type Kind = type[int] | type[str]


def _stand_in(kind: Kind, position: int) -> int | str:
    if kind is int:
        return 7_306_214_000_000 + position
    if kind is str:
        return f"prepared-stand-in-{position}-7306214"
    raise TypeError(f"a prepared query takes ids and strings, not {kind.__name__}")


@dataclass(frozen=True)
class _Compiled:
    compiler: SQLCompiler
    sql: str
    # For each parameter: (True, argument position) or (False, constant value).
    params: tuple[tuple[bool, Any], ...]


class PreparedQuery:
    """A values_list() query compiled once per thread and database, run with new values.

    ``build`` takes one argument per kind, then the shape's, and returns the queryset.
    """

    def __init__(self, build: Callable[..., QuerySet[Any, Any]], kinds: tuple[Kind, ...]) -> None:
        self.build, self.kinds = build, kinds
        self._local = threading.local()
        self.__doc__ = build.__doc__
        self.__name__ = build.__name__

    def _compile(self, using: str, shape: tuple[object, ...]) -> _Compiled:
        stand_ins = [_stand_in(kind, n) for n, kind in enumerate(self.kinds)]
        queryset = self.build(*stand_ins, *shape)
        if queryset._iterable_class.__name__ != "ValuesListIterable":
            raise TypeError(f"{self.__name__}: a prepared query must be a values_list()")
        compiler = queryset.query.get_compiler(using=using)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:  # e.g. a LIMIT of 0: no query, no rows, as Django does
            return _Compiled(compiler=compiler, sql="", params=())
        if compiler.has_extra_select:
            raise TypeError(f"{self.__name__}: extra() columns are not supported")
        # Built a second time, a constant that moved is a value of the moment (the time,
        # which SQLite's backend has made a string), which would be kept from this call on.
        again = self.build(*stand_ins, *shape).query.get_compiler(using=using).as_sql()
        if again != (sql, params) or any(isinstance(p, date) for p in params):
            raise TypeError(
                f"{self.__name__}: a value of the moment, such as the time, would be kept "
                "from the first call; use the database's Now() or pass it as a stand-in"
            )
        template, found = [], set()
        for param in params:
            matches = [n for n, s in enumerate(stand_ins) if type(param) is type(s) and param == s]
            if matches:
                found.add(matches[0])
                template.append((True, matches[0]))
            else:
                template.append((False, param))
        for n, stand_in in enumerate(stand_ins):
            if n not in found or str(stand_in) in sql:
                raise TypeError(
                    f"{self.__name__}: argument {n} does not reach the SQL as a parameter "
                    "of its own, so it cannot vary"
                )
        return _Compiled(compiler=compiler, sql=sql, params=tuple(template))

    def _compiled(self, using: str, shape: tuple[object, ...] = ()) -> _Compiled:
        kept: dict[tuple[str, tuple[object, ...]], _Compiled] | None
        kept = getattr(self._local, "compiled", None)
        if kept is None:
            kept = self._local.compiled = {}
        compiled = kept.get((using, shape))
        if compiled is None:
            compiled = kept[using, shape] = self._compile(using, shape)
        return compiled

    def rows(
        self,
        *values: int | str,
        shape: tuple[object, ...] = (),
        using: str = DEFAULT_DB_ALIAS,
    ) -> list[tuple]:
        """Every row, converted as the queryset would convert it. ``shape``: values that
        are written into the SQL (a LIMIT), passed to the builder after the stand-ins; the
        query is compiled once for each."""
        if len(values) != len(self.kinds):
            raise TypeError(f"{self.__name__} takes {len(self.kinds)} values")
        for value, kind in zip(values, self.kinds, strict=True):
            if not isinstance(value, kind) or isinstance(value, bool):
                raise TypeError(f"{self.__name__}: {value!r} is not a {kind.__name__}")
        compiled = self._compiled(using, shape)
        if not compiled.sql:
            return []
        params = [values[v] if is_arg else v for is_arg, v in compiled.params]
        with connections[using].cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        converted = compiled.compiler.results_iter(results=[rows], tuple_expected=True)
        return [tuple(row) for row in converted]

    def row(
        self,
        *values: int | str,
        shape: tuple[object, ...] = (),
        using: str = DEFAULT_DB_ALIAS,
    ) -> tuple | None:
        """The first row, or None when there is none."""
        rows = self.rows(*values, shape=shape, using=using)
        return rows[0] if rows else None


def prepared(*kinds: Kind) -> Callable[[Callable[..., QuerySet[Any, Any]]], PreparedQuery]:
    """Decorate a function that builds a values_list() queryset from ids and strings."""
    return lambda build: PreparedQuery(build, kinds)

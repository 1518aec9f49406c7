"""What load balancers and monitors ask: is the process alive, can it serve, and the
answer a request gets while the database is away.

``/healthz`` answers 200 while the process can answer at all. ``/readyz`` answers 200
when the database answers, its migrations are all applied and the cache is reachable,
and 503 with what is wrong otherwise. Neither is ever stored by the page cache (neither
asks for it) nor rate limited.
"""

import logging
import sys

from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.defaults import server_error as django_server_error

logger = logging.getLogger(__name__)

DATABASE_RETRY_AFTER_SECONDS = 30
_migrations_applied = False  # once they are, they stay applied for this process


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok\n", content_type="text/plain")


def _database_problem() -> str | None:
    global _migrations_applied
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        if not _migrations_applied:
            executor = MigrationExecutor(connection)
            if executor.migration_plan(executor.loader.graph.leaf_nodes()):
                return "migrations not applied"
            _migrations_applied = True
    except DatabaseError as error:
        return f"unreachable ({type(error).__name__})"
    return None


def _cache_problem() -> str | None:
    ping = getattr(cache, "ping", None)  # the Redis cache; local memory is always there
    if ping is None:
        return None
    try:
        ping()
    except Exception as error:  # whatever stops Redis answering
        return f"unreachable ({type(error).__name__})"
    return None


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    problems = {"database": _database_problem(), "cache": _cache_problem()}
    status = 503 if any(problems.values()) else 200
    return JsonResponse(
        {name: problem or "ok" for name, problem in problems.items()}, status=status
    )


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 handler, except while the database cannot be reached: then a 503 that says
    when to try again, rendered without touching the database."""
    error = sys.exc_info()[1]
    if not isinstance(error, OperationalError | InterfaceError):
        return django_server_error(request)
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    return response

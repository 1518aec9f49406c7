"""Bounded resources: 48 concurrent clients never make serve hold more database connections
than its pools allow (PostgreSQL, Django's connection pool)."""

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.faults.conftest import Browser

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="PostgreSQL only"
)

WORKERS, THREADS, POOL_MAX = 2, 6, 3
CLIENTS, REQUESTS_EACH = 48, 6


def test_48_clients_never_hold_more_connections_than_the_pools_allow(site, start_server):
    server = start_server(
        workers=WORKERS,
        threads=THREADS,
        DATABASE_POOL_MAX=str(POOL_MAX),
        PAGE_CACHE_SECONDS="0",  # every request reads the database
    )
    # Client connections only: an autovacuum worker on this database is not serve's.
    counting = (
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
    )
    counts: list[int] = []
    done = threading.Event()

    def count_connections() -> None:
        while not done.is_set():
            counts.append(site.sql(counting)[0][0])
            time.sleep(0.05)

    def client(n: int) -> list[int]:
        reader = Browser(server.base, timeout=60)
        paths = [site.article_url, "/", "/readyz"]
        return [reader.request(paths[(n + i) % 3]).status for i in range(REQUESTS_EACH)]

    counter = threading.Thread(target=count_connections)
    counter.start()
    try:
        with ThreadPoolExecutor(max_workers=CLIENTS) as clients:
            results = list(clients.map(client, range(CLIENTS)))
    finally:
        done.set()
        counter.join()

    assert results == [[200] * REQUESTS_EACH] * CLIENTS
    # Each granian process's pool, plus the scheduler's own connection in serve.
    assert max(counts) <= WORKERS * POOL_MAX + 1, counts
    assert max(counts) >= 2  # the clients did use connections at once

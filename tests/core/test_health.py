"""/healthz and /readyz for load balancers; a lost database answers 503, not a 500 page."""

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import path

from newsroom import urls as project_urls


@pytest.mark.django_db
def test_healthz_and_readyz_answer_while_all_is_well(client):
    alive = client.get("/healthz")
    ready = client.get("/readyz")

    assert alive.status_code == 200
    assert ready.status_code == 200
    assert ready.json() == {"database": "ok", "cache": "ok"}
    assert "no-cache" in ready["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_503_while_the_cache_is_unreachable(client, settings, redis_server):
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.core.cache.ResilientRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_timeout": 0.2, "socket_connect_timeout": 0.2},
        }
    }
    assert client.get("/readyz").status_code == 200
    redis_server.kill()

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["cache"].startswith("unreachable")
    assert response.json()["database"] == "ok"
    # The site itself still answers.
    assert client.get("/healthz").status_code == 200


def database_gone(request):
    raise OperationalError("connection to server at 127.0.0.1, port 5432 failed")


urlpatterns = [path("database-gone/", database_gone), *project_urls.urlpatterns]
handler500 = project_urls.handler500


@pytest.mark.urls(__name__)
def test_a_lost_database_answers_503_with_retry_after():
    response = Client(raise_request_exception=False).get("/database-gone/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Back in a moment" in response.content.decode()

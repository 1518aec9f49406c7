from tests.core.redis_server import redis_server  # noqa: F401

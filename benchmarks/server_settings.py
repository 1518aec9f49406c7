"""Settings of the newsroom servers that benchmarks/http.py starts: the site's own, plus a floor.

The rate limits are lifted so that wrk measures the work, not the limiter; everything
else (middleware, templates, moderation pipeline) is the site as deployed.
"""

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.server_urls"
NEWSROOM_RATE_LIMITS = {"comment": "1000000/m", "vote": "1000000/m", "report": "1000000/m"}

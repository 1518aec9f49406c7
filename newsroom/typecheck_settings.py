"""The settings mypy's Django plugin loads: the real ones, with a placeholder secret key,
since the settings refuse to load without one and type checking signs nothing."""

import os

os.environ.setdefault("SECRET_KEY", "type-checking-only")

from newsroom.settings import *  # noqa: F403

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

application = get_wsgi_application()

# Load the moderation models as the worker starts, not on the first reader's post.
from newsroom.moderation.toxicity import warm_up  # noqa: E402

warm_up()

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

application = get_wsgi_application()

# Load the moderation models, and read the code's digest that kept HTML is keyed by, as the
# worker starts, not on the first reader's request.
from newsroom.core.release import code_digest  # noqa: E402
from newsroom.moderation.toxicity import warm_up  # noqa: E402

warm_up()
code_digest()

#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    # The development entry point: DEBUG unless said otherwise (deployments run `newsroom manage`
    # with SECRET_KEY set; without DEBUG the settings refuse to start without it).
    os.environ.setdefault("DEBUG", "true")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)

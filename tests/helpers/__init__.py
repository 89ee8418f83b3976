"""What more than one test module uses: building the app, writing a store from a subprocess."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

"""The bundled sample briefing, shipped as package data so a wheel install can open it too."""

from importlib.resources import files
from pathlib import Path

SAMPLE_NAME = "turkey-ukraine.txt"


def sample_path() -> Path:
    """Path of the bundled sample briefing (the spun Turkey-Ukraine article)."""
    return Path(str(files(__name__).joinpath(SAMPLE_NAME)))

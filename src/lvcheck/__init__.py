"""lvcheck: contract-as-code for Leistungsvereinbarungen under SGB IX."""

__version__ = "0.1.0"

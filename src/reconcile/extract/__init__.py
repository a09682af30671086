"""Attributed statements from news text: who said what, how, and through whom."""

from __future__ import annotations

from reconcile.extract.api import ExtractionError, extract_claims
from reconcile.extract.attribution import Attribution, find_attributions
from reconcile.extract.speakers import Speakers

__all__ = ["Attribution", "ExtractionError", "Speakers", "extract_claims", "find_attributions"]

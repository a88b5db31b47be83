"""Validation: locate every excerpt in its source and check it says the fact's value."""

from generator.validation.results import CitationResult, FactResult, Report
from generator.validation.validator import validate

__all__ = ["CitationResult", "FactResult", "Report", "validate"]

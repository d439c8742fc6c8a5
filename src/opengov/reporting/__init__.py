"""Readable reports of a plan — text, Markdown and HTML — framed in the plan's language."""

from opengov.reporting.text import text_report

__all__ = ["text_report"]

"""Readable reports of a plan (text now; Markdown and HTML build on the same summary)."""

from opengov.reporting.text import text_report

__all__ = ["text_report"]

"""Importers that turn pages from a newsroom's old site into Newsdesk content."""

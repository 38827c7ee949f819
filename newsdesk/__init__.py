"""Newsdesk: an open-source news publishing platform on Django and Wagtail."""

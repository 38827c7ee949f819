"""Assertions shared by page, reference-article and browser tests."""


def assert_in_order(text: str, parts: list[str]) -> None:
    """Assert that every part occurs in ``text``, each after the previous one."""
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part[:60]!r} missing after position {position}"
        position = found + len(part)

"""The native plan file and its safety: hidden document, atomic replace, locks, recovery."""

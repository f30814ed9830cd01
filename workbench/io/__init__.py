"""Files in and out, no Qt: reading untrusted spreadsheets, writing annexes and write-back,
the native plan file and its safety (docs/architecture.md, docs/file-format.md)."""

"""The plan document and what is done to it: schemas, edits and their inverses, review state,
checks, targets, comparison. No Qt and no file formats (docs/architecture.md)."""

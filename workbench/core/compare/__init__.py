"""Comparison of two tables: alignment by a normalised key and a crosswalk, per-field
differences with tolerances, per-group sums before and after, and the edits that reconcile
one version into the other.

Pure Python and no Qt; pandas is imported only inside the functions that aggregate, so
importing this package costs nothing at start-up. Modules: `keys` (the matching key),
`crosswalk` (renamed sectors and indicators), `tolerance`, `result` (typed results),
`align` (the engine), `reconcile` (accepted changes as document edits), `series`
(several years side by side).
"""

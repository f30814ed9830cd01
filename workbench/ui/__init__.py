"""The Qt window: thin adapters (table models, views, chart panels, dialogs) over the core."""

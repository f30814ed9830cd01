"""Charts drawn with matplotlib's Figure API (no pyplot, no Qt), so they can also be saved
headless. The Qt layer only embeds the figures."""

"""Report text: quantities quoted in a report's prose, checked against the tables and against
each other, and summary sentences written from the tables. Pure Python, no file formats."""

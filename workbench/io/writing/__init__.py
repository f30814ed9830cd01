"""Writing workbooks: the annex print layout, the reviewed workbook, write-back."""

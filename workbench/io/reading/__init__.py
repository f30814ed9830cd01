"""Reading untrusted spreadsheets: sniffing, workbook sources, layout detection, rows."""

"""Reading untrusted spreadsheets and reports, one straight pipeline on the bytes of one read.

    limits.read_bounded      the one read of the file (size-bounded)
    sniff                    what the bytes are (xlsx, xlsb, ods, xls, text; refusals)
    package                  the OOXML/ODF zip: end record, directory, members, sheet parts
    limits                   every part checked before any reading library runs
      part_scan              per part: reach, error cells, shared strings, formats, entities
      sheet_reach            how far an xlsx sheet's cells reach (the area a reader builds)
      error_cells            #N/A and friends, which calamine hands over empty
      ods_bounds             an .ods table's area once its repeats are expanded
    engines                  one reader class per library: calamine, openpyxl
    text_reader              CSV/TSV text tables
    capped, xls_worker       the capped child process for what the scan cannot bound
    raw                      the shape every engine hands over (RawSheet, RawWorkbook)
    workbook_source          the pipeline above as one call: read_workbook
    number_formats, biff     cell facts: percent formats, error cells
    layout_detection         where the header, the columns and the kind of table are
    row_reader, row_fast_path  rows under the header into canonical records
    annex_reader             one sheet to one canonical table (the stages after the read)
    report_text              report text (.txt, .docx under the same package limits)

The numbers every file is held to live in bounds.
"""

/** The .xlsx media type, apart from the writer so that naming it does not load ExcelJS. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

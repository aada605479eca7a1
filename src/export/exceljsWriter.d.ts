// exceljs' streaming writer on its own (the package's main module loads its reader, the CSV
// support and the whole in-memory workbook too: ~130 ms against ~50 ms). The types are the
// package's own.
declare module 'exceljs/lib/stream/xlsx/workbook-writer.js' {
  import type ExcelJS from 'exceljs';
  const WorkbookWriter: typeof ExcelJS.stream.xlsx.WorkbookWriter;
  export default WorkbookWriter;
}

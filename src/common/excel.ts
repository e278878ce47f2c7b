import type ExcelJS from 'exceljs';

/** exceljs takes a third of a second to load: the doors start without it and load it with the first workbook. */
export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

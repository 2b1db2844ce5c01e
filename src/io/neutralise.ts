// Spreadsheet formula injection: a cell that starts with = + - @ (or a tab / carriage return) is run as a formula by
// Excel, LibreOffice and Google Sheets. Exported CSV cells get a leading apostrophe, which every one of them shows as
// text and hides (OWASP's advice). Numbers we write ourselves (-12.5, a longitude) are left alone: they are data, and
// a negative number is not a formula.
const DANGEROUS = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function neutraliseCell(value: string): string {
  return DANGEROUS.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** The cell as written to a CSV file: null/undefined empty, numbers as JS prints them, text neutralised. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return neutraliseCell(String(value));
}

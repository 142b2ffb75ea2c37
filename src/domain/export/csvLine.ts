/** One CSV record (RFC 4180): fields with commas, quotes or line breaks are quoted; CRLF ends the line. */
export function csvLine(fields: readonly (string | number | null)[]): string {
  return `${fields
    .map((f) => {
      const s = f === null ? '' : String(f);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',')}\r\n`;
}

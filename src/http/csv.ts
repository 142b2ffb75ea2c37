/** One RFC 4180 CSV line: fields with commas, quotes or line breaks are quoted, quotes doubled. */
export function csvRow(fields: (string | number)[]): string {
  return `${fields
    .map((f) => {
      const s = String(f);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',')}\r\n`;
}

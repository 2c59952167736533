// RFC 4180 CSV, shared by the browser (issued keys) and the admin export routes.

/** One cell: quoted when it must be, and defused when a spreadsheet would run it as a formula. */
function csvCell(value: string): string {
  return /[",\n\r]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replace(/"/g, '""').replace(/^([=+\-@])/, "'$1")}"` : value;
}

/** A header row and data rows as CSV text, CRLF line ends. */
export function toCsv(head: string[], rows: string[][]): string {
  return [head, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A CSV file as a download response (never cached: it is a view of live data). */
export function csvResponse(fileName: string, csv: string): Response {
  return new Response(csv, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${fileName}"`, 'Cache-Control': 'no-store' },
  });
}

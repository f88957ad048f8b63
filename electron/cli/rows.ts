/** A table for people: columns padded to line up, indented under their heading; "  (none)" for an empty one. */
export function rows(table: string[][]): string[] {
  if (table.length === 0) return ['  (none)'];
  const widths = table[0]?.map((_, column) => Math.max(...table.map((row) => row[column]?.length ?? 0))) ?? [];
  return table.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`.trimEnd());
}

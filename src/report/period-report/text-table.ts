export type Align = 'left' | 'right';

export interface TableColumn {
  readonly header: string;
  readonly align: Align;
}

/** Code points, so "Östra" is five columns wide like "Ostra". */
const width = (text: string) => [...text].length;

function pad(text: string, size: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return align === 'right' ? fill + text : text + fill;
}

/**
 * Columns aligned for a terminal: each as wide as its widest cell, two spaces apart, numbers
 * right-aligned; a rule under the header and, when given, above the footer rows.
 */
export function alignTable(
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  footer: readonly (readonly string[])[] = [],
): string[] {
  const sizes = columns.map((column, index) =>
    Math.max(width(column.header), ...[...rows, ...footer].map((row) => width(row[index] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    columns
      .map((column, index) => pad(cells[index] ?? '', sizes[index] ?? 0, column.align))
      .join('  ')
      .trimEnd();
  const rule = sizes.map((size) => '-'.repeat(size)).join('  ');
  return [
    line(columns.map((column) => column.header)),
    rule,
    ...rows.map(line),
    ...(footer.length === 0 ? [] : [rule, ...footer.map(line)]),
  ];
}

/**
 * PowerShell's default views, as text: Format-Table for collections (headers underlined with
 * dashes, numbers right-aligned, the last column cut with "..." to the console width),
 * Format-List for single objects (`Name : Value`), and JSON for scripts.
 */

export type OutputObject = Readonly<Record<string, unknown>>;

export interface Column {
  /** The property shown; also the header unless `label` is set. */
  property: string;
  label?: string;
  align?: 'left' | 'right';
}

/** How PowerShell shows a value in a table cell or a list: True/False, {a, b}, '' for null. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return `{${value.map(formatValue).join(', ')}}`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).replace(/\r?\n/g, ' ');
}

function truncate(text: string, width: number): string {
  if (text.length <= width) return text;
  if (width <= 3) return text.slice(0, width);
  return `${text.slice(0, width - 3)}...`;
}

/**
 * Format-Table: a blank line, the header, the dashes, one row per object, a blank line.
 * With `width`, the last column is cut to fit, as a console cuts it; '' for no rows.
 */
export function formatTable(
  rows: readonly OutputObject[],
  columns: readonly Column[],
  width?: number,
): string {
  if (rows.length === 0) return '';
  const headers = columns.map((c) => c.label ?? c.property);
  const cells = rows.map((row) => columns.map((c) => formatValue(row[c.property])));
  const widths = columns.map((_, i) =>
    Math.max((headers[i] as string).length, ...cells.map((r) => (r[i] as string).length)),
  );
  const last = columns.length - 1;
  if (width !== undefined && last >= 0) {
    const before = widths.slice(0, last).reduce((sum, w) => sum + w + 1, 0);
    const room = width - 1 - before;
    if (room >= Math.max(10, (headers[last] as string).length)) {
      widths[last] = Math.min(widths[last] as number, room);
    }
  }
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => {
        const w = widths[i] as number;
        const cell = truncate(v, w);
        return columns[i]?.align === 'right' ? cell.padStart(w) : cell.padEnd(w);
      })
      .join(' ')
      .trimEnd();
  const dashes = headers.map((h) => '-'.repeat(h.length));
  return `\n${[line(headers), line(dashes), ...cells.map(line)].join('\n')}\n\n`;
}

/** Format-List: a blank line, then `Name : Value` per property, objects separated by blank lines. */
export function formatList(items: readonly OutputObject[], properties?: readonly string[]): string {
  if (items.length === 0) return '';
  const blocks = items.map((item) => {
    const names = properties ?? Object.keys(item);
    const pad = Math.max(...names.map((n) => n.length));
    return names.map((n) => `${n.padEnd(pad)} : ${formatValue(item[n])}`.trimEnd()).join('\n');
  });
  return `\n${blocks.join('\n\n')}\n\n`;
}

/** JSON for scripts: two-space indentation, one trailing newline. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** kubectl's plain columns: upper-case headers, three spaces apart, no dashes. */
export function formatKubectlTable(
  rows: readonly OutputObject[],
  columns: readonly Column[],
): string {
  if (rows.length === 0) return '';
  const headers = columns.map((c) => c.label ?? c.property);
  const cells = rows.map((row) =>
    columns.map((c) => {
      const v = row[c.property];
      return v === null || v === undefined || v === '' ? '<none>' : formatValue(v);
    }),
  );
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...cells.map((r) => (r[i] as string).length)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i] as number))
      .join('   ')
      .trimEnd();
  return `${[line(headers), ...cells.map(line)].join('\n')}\n`;
}

/** Word-wraps `text` to `width` columns, every line indented by `indent` spaces. */
export function wrap(text: string, width: number, indent: number): string {
  const room = Math.max(20, width - indent);
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > room) {
        out.push(pad + line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    out.push(line ? pad + line : '');
  }
  return out.join('\n');
}

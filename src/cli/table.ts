import stringWidth from 'string-width';

export interface Column<T> {
  title: string;
  value: (row: T) => string | number | null | undefined;
  align?: 'left' | 'right';
}

/** A plain-text table that lines up Chinese (double-width) characters in a terminal. */
export function renderTable<T>(rows: T[], columns: Column<T>[]): string {
  const cells = rows.map((r) => columns.map((c) => formatCell(c.value(r))));
  const widths = columns.map((c, i) => Math.max(stringWidth(c.title), ...cells.map((row) => stringWidth(row[i]!))));
  const pad = (text: string, i: number) => {
    const gap = ' '.repeat(widths[i]! - stringWidth(text));
    return columns[i]!.align === 'right' ? gap + text : text + gap;
  };
  const lines = [columns.map((c, i) => pad(c.title, i)).join('  '), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const row of cells) lines.push(row.map((t, i) => pad(t, i)).join('  ').trimEnd());
  return lines.join('\n');
}

function formatCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v.toLocaleString('zh-CN', { maximumFractionDigits: 3 });
  return v;
}

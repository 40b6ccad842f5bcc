/**
 * What each benchmark section hands back, and how it is printed: an aligned
 * text table for the terminal and a Markdown table for bench/README.md, from
 * the same rows, so the two never disagree.
 */

export interface Table {
  title: string;
  columns: string[];
  /** Cells as displayed; raw figures go in the section's `data`. */
  rows: string[][];
}

export type SectionStatus = 'ok' | 'pending' | 'failed';

export interface SectionResult {
  id: string;
  title: string;
  status: SectionStatus;
  /** Why the section is pending or failed. */
  reason?: string;
  tables: Table[];
  /** Findings worth a sentence: growth that is not linear, budgets outgrown. */
  notes: string[];
  /** Raw figures for bench/results/latest.json. */
  data: unknown;
}

export function pendingSection(id: string, title: string, reason: string): SectionResult {
  return { id, title, status: 'pending', reason, tables: [], notes: [], data: null };
}

export function renderText(section: SectionResult): string {
  const lines = [`== ${section.title} ==`];
  if (section.status !== 'ok') lines.push(`${section.status.toUpperCase()}: ${section.reason ?? ''}`);
  for (const table of section.tables) {
    lines.push('', table.title);
    const widths = table.columns.map((c, i) => Math.max(c.length, ...table.rows.map((r) => (r[i] ?? '').length)));
    const line = (cells: string[]) =>
      cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
    lines.push(line(table.columns), widths.map((w) => '-'.repeat(w)).join('  '));
    for (const row of table.rows) lines.push(line(row));
  }
  for (const note of section.notes) lines.push(`* ${note}`);
  return lines.join('\n');
}

export function renderMarkdown(section: SectionResult): string {
  const lines = [`### ${section.title}`, ''];
  if (section.status !== 'ok') lines.push(`**${section.status}**: ${section.reason ?? ''}`, '');
  for (const table of section.tables) {
    const escape = (cell: string) => cell.replace(/\|/gu, '\\|');
    lines.push(`${table.title}`, '');
    lines.push(`| ${table.columns.map(escape).join(' | ')} |`);
    lines.push(`|${table.columns.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
    for (const row of table.rows) lines.push(`| ${row.map(escape).join(' | ')} |`);
    lines.push('');
  }
  for (const note of section.notes) lines.push(`- ${note}`);
  if (section.notes.length > 0) lines.push('');
  return lines.join('\n');
}

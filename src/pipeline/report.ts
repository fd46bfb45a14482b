import type { BuildResult } from './build';

/** The reconciliation report as plain text: every file's rows and where they went. */
export function formatReconciliation(
  build: BuildResult,
  ignored: readonly { id: string; reason: string }[],
): string {
  const lines: string[] = [];
  lines.push(
    'Rows per source file (every row is written, merged into a listing, superseded, or rejected)',
  );
  const header = ['file', 'rows', 'written', 'merged', 'superseded', 'rejected'];
  const rows = build.tallies.map((tally) => [
    tally.file,
    String(tally.rows),
    String(tally.written),
    String(tally.merged),
    String(tally.superseded),
    String(tally.rejected),
  ]);
  const totals = build.tallies.reduce(
    (sum, tally) => ({
      rows: sum.rows + tally.rows,
      written: sum.written + tally.written,
      merged: sum.merged + tally.merged,
      superseded: sum.superseded + tally.superseded,
      rejected: sum.rejected + tally.rejected,
    }),
    { rows: 0, written: 0, merged: 0, superseded: 0, rejected: 0 },
  );
  rows.push([
    'total',
    ...[totals.rows, totals.written, totals.merged, totals.superseded, totals.rejected].map(String),
  ]);
  lines.push(...formatTable(header, rows));
  const unaccounted = build.tallies.filter(
    (tally) => tally.written + tally.merged + tally.superseded + tally.rejected !== tally.rows,
  );
  for (const tally of unaccounted) {
    lines.push(
      `!! ${tally.file}: ${tally.rows} rows but ${tally.written + tally.merged + tally.superseded + tally.rejected} outcomes`,
    );
  }

  lines.push('', 'Listings per list, and the source each list was taken from');
  lines.push(
    ...formatTable(
      ['list', 'listings', 'source', 'as of', 'why this source'],
      build.lists.map((list) => [
        list.code,
        String(list.count),
        list.source,
        list.asOf ?? 'unknown',
        list.reason,
      ]),
    ),
  );
  lines.push(`total listings: ${build.listings.length}`);

  if (build.rejections.length > 0) {
    lines.push('', `Rejected rows (${build.rejections.length})`);
    for (const rejection of build.rejections.slice(0, 50)) {
      lines.push(`  ${rejection.file}, row ${rejection.row}: ${rejection.reason}`);
    }
    if (build.rejections.length > 50)
      lines.push(`  … ${build.rejections.length - 50} more in reconciliation.json`);
  }
  if (build.warnings.length > 0) {
    lines.push('', `Values left out, rows kept (${build.warnings.length})`);
    for (const warning of build.warnings.slice(0, 50)) {
      lines.push(
        `  ${warning.file}, row ${warning.row}, field "${warning.field}": ${warning.message}`,
      );
    }
    if (build.warnings.length > 50)
      lines.push(`  … ${build.warnings.length - 50} more in reconciliation.json`);
  }
  if (ignored.length > 0) {
    lines.push('', 'Files not read');
    for (const file of ignored) lines.push(`  ${file.id}: ${file.reason}`);
  }
  return lines.join('\n') + '\n';
}

export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const isNumeric = header.map((_, column) => rows.every((row) => /^\d*$/.test(row[column] ?? '')));
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        isNumeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  return [render(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(render)];
}

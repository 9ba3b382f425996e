/** Three significant digits: 1.23, 12.3, 123. */
function sig3(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x)
  return Number(x.toPrecision(3)).toString()
}

/** 1234567 → "1.23M", 850 → "850". */
export function formatCount(x: number): string {
  const abs = Math.abs(x)
  if (abs >= 1e9) return `${sig3(x / 1e9)}G`
  if (abs >= 1e6) return `${sig3(x / 1e6)}M`
  if (abs >= 1e3) return `${sig3(x / 1e3)}k`
  return sig3(x)
}

/** 850 → "850 B", 1536 → "1.5 KB" (binary kilobytes, as the memory targets are written). */
export function formatBytes(x: number): string {
  const abs = Math.abs(x)
  if (abs >= 1 << 30) return `${sig3(x / 2 ** 30)} GB`
  if (abs >= 1 << 20) return `${sig3(x / 2 ** 20)} MB`
  if (abs >= 1 << 10) return `${sig3(x / 2 ** 10)} KB`
  return `${Math.round(x)} B`
}

/**
 * A result in its workload's terms: "1.23M/s" for throughput, "850 B" for byte counts,
 * "2.31 µs" for a time in microseconds.
 */
export function formatResult(
  kind: 'throughput' | 'memory' | 'time',
  unit: string,
  x: number,
): string {
  if (kind === 'throughput') return `${formatCount(x)}/s`
  if (/^(bytes|B)\b/i.test(unit)) return formatBytes(x)
  return /µs/.test(unit) ? `${formatCount(x)} µs` : formatCount(x)
}

/** Pads every column of `rows` to a common width, as a Markdown table (header first). */
export function markdownTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = []
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) widths[i] = Math.max(widths[i] ?? 3, width(row[i] ?? ''))
  }
  const line = (row: readonly string[]) =>
    `| ${widths.map((w, i) => pad(row[i] ?? '', w)).join(' | ')} |`
  const [head, ...body] = rows
  return [
    line(head ?? []),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...body.map(line),
  ].join('\n')
}

// the table holds a few non-ASCII symbols (≥ × ✓ ✗ —), all one column wide
function width(s: string): number {
  return [...s].length
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)))
}

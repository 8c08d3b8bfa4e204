/*
 * The CSV writer of the access exports, measured on the rows of the L
 * access report (benchGovernance's organization: 1,060,000 rows x 15
 * cells), every writer in one run, on the same rows, alternately, so the
 * machine's load weighs on all of them alike. Each writer writes the report
 * chunk by chunk (one chunk per account, as GET /reports/access.csv
 * streams it) and must produce the same bytes as the hand-written writer.
 *
 *   yarn sucrase-node plugins/aws-organizations-backend/dev/benchCsv.ts
 */
import { stringify as stringifySync } from 'csv-stringify/sync';
import { stringify } from 'csv-stringify';
import {
  ACCESS_REPORT_COLUMNS,
  accessReportCsvChunks,
  accessReportRows,
  buildGovernanceIndex,
} from '../src/governance';
import { escapeFormula } from '../src/governance/csv';
import { asStored, largeBenchOrg, minAndMedian } from './benchGovernanceData';

type Rows = string[][];

// The hand-written writer csv-stringify replaced (ba97b69's csvCell).
const NEEDS_QUOTES = /[",\r\n]/;
function handCell(value: string): string {
  const safe = escapeFormula(value);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
function handLines(rows: Rows): string {
  let out = '';
  for (const row of rows) out += `${row.map(handCell).join(',')}\r\n`;
  return out;
}

// csv-stringify, as main calls it: sync, one call per chunk.
const MAIN_OPTIONS = {
  record_delimiter: 'windows' as const,
  quoted_match: /[\r\n]/,
  cast: { string: escapeFormula },
};
const stringifyMain = (rows: Rows) => stringifySync(rows, MAIN_OPTIONS);
// Without the quoted_match regex (lone CR/LF then unquoted: not the format).
const stringifyNoMatch = (rows: Rows) =>
  stringifySync(rows, {
    record_delimiter: 'windows',
    cast: { string: escapeFormula },
  });
// Without cast and quoted_match: the bare library cost.
const stringifyBare = (rows: Rows) =>
  stringifySync(rows, { record_delimiter: 'windows' });

// csv-stringify as one stream for the whole report, fed row by row.
async function streamWriter(chunks: Rows[]): Promise<number> {
  const stringifier = stringify(MAIN_OPTIONS);
  let bytes = 0;
  stringifier.on('data', (data: Buffer | string) => {
    bytes += data.length;
  });
  const done = new Promise<void>((resolve, reject) => {
    stringifier.on('end', resolve);
    stringifier.on('error', reject);
  });
  for (const rows of chunks) {
    for (const row of rows) {
      if (!stringifier.write(row)) {
        await new Promise(r => stringifier.once('drain', r));
      }
    }
  }
  stringifier.end();
  await done;
  return bytes;
}

function setup() {
  const { snapshot, resolution } = asStored(
    largeBenchOrg({ catalogRefs: true }),
  );
  return buildGovernanceIndex(snapshot, resolution);
}

async function main() {
  const index = setup();
  // The report's rows as cells, one chunk per account.
  const chunks: Rows[] = [];
  let last = '';
  for (const row of accessReportRows(index)) {
    const cells = ACCESS_REPORT_COLUMNS.map(c => row[c]);
    if (row.account_id !== last) chunks.push([]);
    last = row.account_id;
    chunks[chunks.length - 1].push(cells);
  }
  const rowCount = chunks.reduce((n, c) => n + c.length, 0);
  console.log(`${chunks.length} chunks, ${rowCount} rows`);

  const reference = chunks.map(handLines).join('');
  const writers: Record<string, () => Promise<number>> = {
    'hand-written (ba97b69 csvCell)': async () =>
      chunks.reduce((n, c) => n + handLines(c).length, 0),
    'csv-stringify sync per chunk (main)': async () =>
      chunks.reduce((n, c) => n + stringifyMain(c).length, 0),
    'csv-stringify sync, no quoted_match': async () =>
      chunks.reduce((n, c) => n + stringifyNoMatch(c).length, 0),
    'csv-stringify sync, no cast/match': async () =>
      chunks.reduce((n, c) => n + stringifyBare(c).length, 0),
    'csv-stringify one stream, row by row': () => streamWriter(chunks),
    'accessReportCsvChunks (end to end)': async () => {
      let n = 0;
      for (const chunk of accessReportCsvChunks(index)) n += chunk.length;
      return n;
    },
  };
  // Same bytes as the hand-written writer (the format is the same).
  const same = chunks.map(stringifyMain).join('') === reference;
  console.log(`csv-stringify (main options) bytes identical: ${same}`);

  const runs = Number(process.env.RUNS ?? 3);
  const samples = new Map<string, number[]>();
  for (let run = -1; run < runs; run++) {
    for (const [label, write] of Object.entries(writers)) {
      const start = process.hrtime.bigint();
      await write();
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (run >= 0) samples.set(label, [...(samples.get(label) ?? []), ms]);
    }
  }
  const hand = Math.min(...samples.get('hand-written (ba97b69 csvCell)')!);
  for (const [label, ms] of samples) {
    const { min, median } = minAndMedian(ms);
    console.log(
      `${label.padEnd(42)} min ${min.toFixed(0)} ms, median ${median.toFixed(
        0,
      )} ms, ${Math.round(rowCount / (min / 1000)).toLocaleString(
        'en',
      )} rows/s, ${(min / hand).toFixed(1)}x`,
    );
  }
}

main();

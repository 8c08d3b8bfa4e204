/* The benchmark's report: one block per read and a summary of the runs. */
import type { EmulatorStats } from '@aws-governance/aws-emulator';
import type { OrganizationSnapshot } from '@aws-governance/plugin-aws-organizations-common';
import type { CallBound } from './lowerBound';

/** One read of the benchmark. */
export interface RunResult {
  run: number;
  ok: boolean;
  wallMs: number;
  /** When the last Organizations call answered, from the read's start. */
  organizationsPartMs: number;
  counts?: Record<string, number>;
  mismatch?: string[];
  snapshot?: OrganizationSnapshot;
  error?: string;
  emulator: EmulatorStats;
}

/** Every service of a read; the roles ones only count when a roles source was read. */
const SERVICES = [
  'organizations',
  'ssoAdmin',
  'identityStore',
  'sts',
  'iam',
  'config',
] as const;
const sum = (o: Record<string, number> = {}) =>
  Object.values(o).reduce((a, b) => a + b, 0);
const seconds = (ms: number) => (ms / 1000).toFixed(1);

function emulatorCalls(stats: EmulatorStats): number {
  return SERVICES.map(s => sum(stats.calls[s])).reduce((a, b) => a + b, 0);
}

function throttleShare(stats: EmulatorStats): string {
  const calls = emulatorCalls(stats);
  return `${stats.throttled}/${calls} (${(
    (100 * stats.throttled) /
    Math.max(1, calls)
  ).toFixed(2)} %)`;
}

function callTable(snapshot: OrganizationSnapshot, bound: CallBound): string[] {
  const lines = [
    '| service | calls | lower bound | ratio |',
    '|---|---:|---:|---:|',
  ];
  let calls = 0;
  let lower = 0;
  for (const service of SERVICES) {
    const c = sum(snapshot.stats.calls[service]);
    const b = sum(bound[service]);
    if (
      c === 0 &&
      b === 0 &&
      !['organizations', 'ssoAdmin', 'identityStore'].includes(service)
    )
      continue;
    calls += c;
    lower += b;
    lines.push(
      `| ${service} | ${c} | ${b} | ${(c / Math.max(1, b)).toFixed(3)} |`,
    );
  }
  lines.push(
    `| total | ${calls} | ${lower} | ${(calls / Math.max(1, lower)).toFixed(
      3,
    )} |`,
  );
  for (const service of SERVICES) {
    const ops = new Set([
      ...Object.keys(snapshot.stats.calls[service] ?? {}),
      ...Object.keys(bound[service] ?? {}),
    ]);
    for (const op of [...ops].sort()) {
      const c = snapshot.stats.calls[service]?.[op] ?? 0;
      const b = bound[service]?.[op] ?? 0;
      if (c !== b) lines.push(`  ${service}.${op}: ${c} calls, bound ${b}`);
    }
  }
  return lines;
}

/** One read: its outcome, wall against the floor, throttling; the call table on the first. */
export function formatRun(
  result: RunResult,
  bound: CallBound,
  floorS: number | undefined,
  withTable: boolean,
): string {
  const ratio = floorS
    ? ` (${(result.wallMs / 1000 / floorS).toFixed(2)}x floor)`
    : '';
  const head = `run ${result.run}: ${
    result.ok ? 'complete' : `FAILED: ${result.error ?? 'incomplete'}`
  }${
    result.mismatch?.length ? ` (mismatch ${result.mismatch.join(', ')})` : ''
  }; wall ${seconds(result.wallMs)} s${ratio}; Organizations part ${seconds(
    result.organizationsPartMs,
  )} s; emulator throttled ${throttleShare(result.emulator)}`;
  const snapshot = result.snapshot;
  if (!snapshot) return head;
  const lines = [
    `${head}; reader retries ${snapshot.stats.retries}, throttles ${snapshot.stats.throttles}; strategy ${snapshot.stats.assignmentStrategy}; warnings ${snapshot.warnings.length}`,
  ];
  if (withTable) {
    lines.push(
      Object.entries(result.counts ?? {})
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
      ...callTable(snapshot, bound),
    );
  }
  return lines.join('\n');
}

/** Over all runs: failures, wall (min / median / max) and throttling. */
export function formatSummary(
  results: RunResult[],
  floorS: number | undefined,
): string {
  const failed = results.filter(r => !r.ok).length;
  const walls = results
    .filter(r => r.ok)
    .map(r => r.wallMs / 1000)
    .sort((a, b) => a - b);
  const throttled = results.reduce((n, r) => n + r.emulator.throttled, 0);
  const calls = results.reduce((n, r) => n + emulatorCalls(r.emulator), 0);
  const median = walls.length ? walls[Math.floor(walls.length / 2)] : NaN;
  const ratio = (s: number) => (floorS ? ` (${(s / floorS).toFixed(2)}x)` : '');
  return [
    `summary: ${results.length} runs, ${failed} failed`,
    walls.length
      ? `wall of complete reads: min ${walls[0].toFixed(1)} s${ratio(
          walls[0],
        )}, median ${median.toFixed(1)} s${ratio(median)}, max ${walls[
          walls.length - 1
        ].toFixed(1)} s${ratio(walls[walls.length - 1])}; server floor ${
          floorS?.toFixed(1) ?? 'n/a'
        } s`
      : 'no complete read',
    `throttled by the emulator over all runs: ${throttled}/${calls} (${(
      (100 * throttled) /
      Math.max(1, calls)
    ).toFixed(2)} %)`,
  ].join('\n');
}

import type { ReadStatistics } from '@aws-governance/plugin-aws-organizations-common';

/** Read statistics as a human-readable table. */
export function formatStats(stats: ReadStatistics): string {
  const strategy = stats.assignmentStrategy
    ? `, assignments ${stats.assignmentStrategy} (estimated calls: per permission set ${stats.assignmentEstimate?.perPermissionSet}, per principal ${stats.assignmentEstimate?.perPrincipal})`
    : '';
  const lines = [
    `duration ${stats.durationMs} ms, retries ${stats.retries}, throttles ${stats.throttles}${strategy}`,
  ];
  for (const [budget, rate] of Object.entries(stats.rates ?? {})) {
    lines.push(
      `rate ${budget} (${rate.services.join(' + ')}): ${
        rate.finalTps
      } TPS at the end, peak ${rate.peakTps}, lowered ${
        rate.decreases
      } times by throttling`,
    );
  }
  for (const [service, ops] of Object.entries(stats.calls)) {
    const total = Object.values(ops).reduce((a, b) => a + b, 0);
    lines.push(`${service}: ${total} calls`);
    for (const [op, n] of Object.entries(ops).sort(([a], [b]) =>
      a.localeCompare(b),
    )) {
      lines.push(`  ${op.padEnd(52)} ${String(n).padStart(7)}`);
    }
  }
  return lines.join('\n');
}

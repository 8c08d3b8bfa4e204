/*
 * Reach index benchmark:
 *
 *   yarn bench:reach [maxDepth] [queries] [sync|sliced]
 *
 * Builds the SCP benchmark's synthetic organization (5,000 accounts) with
 * a synthetic roles part (150,000 roles, 60,000 assignments; see
 * syntheticRoles.ts), then times the reach index build and `queries`
 * "who can reach account X" lookups (default 5,000: every account once,
 * in a shuffled order), and prints p50 / p99 / max, the index figures and
 * the peak RSS. `sync` (default) builds it in one go (buildReachIndex),
 * `sliced` in slices with turns of the event loop between them
 * (buildReachIndexAsync, as the backend does after a sync); either way it
 * prints the longest the event loop was blocked during the build: the
 * longest gap between two ticks of a 1 ms timer, and the max of
 * perf_hooks.monitorEventLoopDelay (10 ms resolution).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  buildSyntheticOrg,
  LARGE_ORG,
  prng,
} from '../../scp/bench/syntheticOrg';
import { buildReachIndex, buildReachIndexAsync } from '../reach';
import { buildSyntheticRoles } from './syntheticRoles';

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

/**
 * Watches the event loop: the longest gap between two ticks of a 1 ms
 * timer, and monitorEventLoopDelay's max.
 */
async function watchEventLoop(): Promise<
  () => Promise<{
    longestGapMs: number;
    delayMaxMs: number;
    ticks: number;
  }>
> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  // Arm the histogram's timer before the build (no reset() after: the
  // first sample after a reset only sets its baseline, and would drop a
  // block of the whole build).
  await new Promise(resolve => setTimeout(resolve, 30));
  let last = performance.now();
  let longestGapMs = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
    ticks++;
  }, 1);
  return async () => {
    // Let the timer and the histogram see the end of a last block.
    await new Promise(resolve => setTimeout(resolve, 30));
    clearInterval(timer);
    histogram.disable();
    return { longestGapMs, delayMaxMs: histogram.max / 1e6, ticks };
  };
}

async function main(): Promise<void> {
  const maxDepth = Number(process.argv[2] ?? 3);
  const queries = Number(process.argv[3] ?? 5000);
  const mode = process.argv[4] ?? 'sync';
  if (mode !== 'sync' && mode !== 'sliced') {
    throw new Error('mode must be sync or sliced');
  }
  let t = performance.now();
  const { snapshot, iam } = buildSyntheticRoles(
    buildSyntheticOrg(LARGE_ORG, 42),
  );
  const dataMs = performance.now() - t;
  const roles = Object.values(iam.accounts).reduce(
    (n, a) => n + (a.status === 'known' ? a.roles.length : 0),
    0,
  );
  const ic = snapshot.identityCenter;
  const assignments = ic.status === 'available' ? ic.assignments.length : 0;

  const watched = await watchEventLoop();
  t = performance.now();
  const cpu = process.cpuUsage();
  const index =
    mode === 'sync'
      ? buildReachIndex(snapshot, iam, { maxDepth })
      : await buildReachIndexAsync(snapshot, iam, { maxDepth });
  const buildMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const buildCpuMs = (used.user + used.system) / 1000;
  const loop = await watched();

  const random = prng(7);
  const ids = snapshot.accounts.map(a => a.id);
  const order = Array.from({ length: queries }, (_, i) => ids[i % ids.length]);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const times: number[] = [];
  let slowest = { ms: -1, id: '', paths: 0, order: 0 };
  let entries = 0;
  let people = 0;
  for (const id of order) {
    const q = performance.now();
    const answer = index.whoCanReach(id);
    const ms = performance.now() - q;
    if (ms > slowest.ms) {
      slowest = {
        ms,
        id,
        paths: answer.entries.length,
        order: times.length + 1,
      };
    }
    times.push(ms);
    entries += answer.entries.length;
    for (const e of answer.entries) {
      for (const p of e.principals) people += p.members ? p.members.length : 1;
    }
  }
  times.sort((a, b) => a - b);
  const rss = process.resourceUsage().maxRSS / 1024;
  const lines = [
    `data: ${
      snapshot.accounts.length
    } accounts, ${roles} roles, ${assignments} assignments (built in ${dataMs.toFixed(
      0,
    )} ms)`,
    `index (max depth ${maxDepth}, ${mode}): built in ${buildMs.toFixed(
      0,
    )} ms (CPU ${buildCpuMs.toFixed(0)} ms); ${index.stats.starts} starts, ${
      index.stats.hopsEvaluated
    } hops evaluated, ${index.stats.paths} paths, ${
      index.stats.trustPoliciesUnreadable
    } unreadable trust policies`,
    `event loop during the build: longest gap between 1 ms ticks ${loop.longestGapMs.toFixed(
      0,
    )} ms (${
      loop.ticks
    } ticks), monitorEventLoopDelay max ${loop.delayMaxMs.toFixed(0)} ms`,
    `who can reach account X: ${queries} queries, p50 ${percentile(
      times,
      50,
    ).toFixed(3)} ms, p99 ${percentile(times, 99).toFixed(3)} ms, max ${times[
      times.length - 1
    ].toFixed(
      3,
    )} ms; ${entries} paths and ${people} principal-members returned in all`,
    `slowest: query #${slowest.order}, account ${slowest.id}, ${slowest.paths} paths`,
    `peak RSS: ${rss.toFixed(0)} MiB`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch(error => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});

/*
 * Measures what indexing one new snapshot costs a backend process at L (the
 * governance benchmark's organization): the four readers that look things
 * up in a snapshot — the governance views, the compliance engine's index,
 * the SCP effective-policy code and the catalog module's transformer
 * context — each run on the same, freshly parsed snapshot object. Prints the
 * time (each run on a new parse, so nothing is reused across runs), the heap
 * the indexes keep, and how many snapshot indexes were built.
 *
 *   node --expose-gc -r sucrase/register \
 *     plugins/aws-organizations-backend/dev/benchSnapshotIndex.ts
 */
import * as common from '@aws-governance/plugin-aws-organizations-common';
import { createComplianceSnapshotIndex } from '@aws-governance/plugin-aws-organizations-node';
// Dev script: the catalog module's context is internal to its package.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { createTransformerContext } from '../../catalog-backend-module-aws-organizations/src/provider/context';
import { buildGovernanceIndex } from '../src/governance';
import { BenchOrg, largeBenchOrg, minAndMedian } from './benchGovernanceData';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  throw new Error('run with node --expose-gc');
}

/** The number of shared indexes built so far, when the package has one. */
const indexesBuilt = () =>
  (common as { snapshotIndexesBuilt?: () => number }).snapshotIndexesBuilt?.();

function main() {
  const json = JSON.stringify(largeBenchOrg({ catalogRefs: false }));
  const fresh = () => JSON.parse(json) as BenchOrg;

  /** Everything a backend process indexes for one new snapshot. */
  const indexAll = (stored: ReturnType<typeof fresh>) => {
    const { snapshot } = stored;
    const envelope = { etag: 'e', storedAt: snapshot.readAt, ...stored };
    return [
      buildGovernanceIndex(snapshot, stored.resolution),
      createComplianceSnapshotIndex(snapshot),
      common.effectivePolicies(snapshot, snapshot.accounts[0].id),
      createTransformerContext(envelope, {
        namespace: 'default',
        fallbackOwner: 'group:default/unknown',
        emitMissingPrincipals: false,
      }),
    ];
  };

  // The backend validates the stored snapshot before indexing it.
  const schema = (
    common as { storedSnapshotSchema?: { parse(value: unknown): unknown } }
  ).storedSnapshotSchema;
  if (schema) {
    const parses: number[] = [];
    for (let run = 0; run < 4; run++) {
      const value = fresh();
      const start = process.hrtime.bigint();
      schema.parse(value);
      parses.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const { min, median } = minAndMedian(parses);
    console.log(
      `validate the stored snapshot (storedSnapshotSchema): min ${min.toFixed(
        0,
      )} ms, median ${median.toFixed(0)} ms`,
    );
  }

  const samples: number[] = [];
  for (let run = 0; run < 6; run++) {
    const stored = fresh();
    const start = process.hrtime.bigint();
    indexAll(stored);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (run > 0) samples.push(ms); // the first run warms up
  }
  const { min, median } = minAndMedian(samples);
  console.log(
    `index one snapshot for all four readers: min ${min.toFixed(
      0,
    )} ms, median ${median.toFixed(0)} ms`,
  );

  const stored = fresh();
  gc!();
  const before = process.memoryUsage().heapUsed;
  const builtBefore = indexesBuilt();
  const kept = indexAll(stored);
  gc!();
  const after = process.memoryUsage().heapUsed;
  const builtAfter = indexesBuilt();
  console.log(
    `heap kept by the indexes of one snapshot: ${(
      (after - before) /
      1e6
    ).toFixed(0)} MB`,
  );
  console.log(
    builtBefore === undefined
      ? 'shared snapshot indexes built for one snapshot: none (no shared index; each reader indexes it itself)'
      : `shared snapshot indexes built for one snapshot: ${
          builtAfter! - builtBefore
        }`,
  );
  // Keep the indexes reachable until measured.
  if (kept.length !== 4) throw new Error('unreachable');
}

main();

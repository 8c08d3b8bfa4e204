/*
 * Measures the sync engine's CPU and store work on an L-sized snapshot
 * (5,000 accounts, 60,000 assignments, 30,000 users): resolve, diff, encode,
 * store and load on SQLite or PostgreSQL.
 *
 *   yarn sucrase-node plugins/aws-organizations-backend/dev/benchStore.ts [postgres-url]
 */
import { baseSnapshot } from '../src/__testUtils__/snapshots';
import { diffSnapshots } from '../src/changes/diffSnapshots';
import { AwsOrganizationsStore } from '../src/store/AwsOrganizationsStore';
import { encodeSnapshotBody } from '../src/store/SnapshotStore';
import { resolveSnapshot } from '../src/resolution/resolveSnapshot';
import { OrganizationSnapshot } from '@aws-governance/plugin-aws-organizations-common';
import { BENCH_RESOLUTION_SETTINGS, openBenchDatabase } from './benchSetup';

/** The L-sized organization of the store benchmarks (also benchReviews.ts). */
export function large(): OrganizationSnapshot {
  const s = baseSnapshot();
  const root = s.root.id;
  s.organizationalUnits = Array.from({ length: 1000 }, (_, i) => ({
    ...s.organizationalUnits[0],
    id: `ou-${i}`,
    name: `unit-${i}`,
    parentId: i < 20 ? root : `ou-${i % 20}`,
    path: i < 20 ? [root] : [root, `ou-${i % 20}`],
    tags: (i % 7 === 0 ? { owner: `team-${i % 50}` } : {}) as Record<
      string,
      string
    >,
  }));
  s.accounts = Array.from({ length: 5000 }, (_, i) => ({
    ...s.accounts[0],
    id: String(100000000000 + i),
    name: `account-${i}`,
    parentId: `ou-${i % 1000}`,
    path: [...s.organizationalUnits[i % 1000].path, `ou-${i % 1000}`],
    tags: { owner: `team-${i % 50}`, env: 'prod', 'cost-center': `CC-${i}` },
  }));
  const ic = s.identityCenter as any;
  ic.permissionSets = Array.from({ length: 60 }, (_, i) => ({
    ...ic.permissionSets[0],
    arn: `arn:ps-${i}`,
    name: `Set${i}`,
  }));
  ic.users = Array.from({ length: 30000 }, (_, i) => ({
    id: `u-${i}`,
    userName: `user${i}@example.com`,
    emails: [{ value: `user${i}@example.com`, primary: true }],
    externalIds: [],
  }));
  ic.groups = Array.from({ length: 3000 }, (_, i) => ({
    id: `g-${i}`,
    displayName: `Group ${i}`,
    externalIds: [],
  }));
  ic.memberships = Array.from({ length: 100000 }, (_, i) => ({
    groupId: `g-${i % 3000}`,
    userId: `u-${Math.floor(i / 3000) * 881 + (i % 881)}`,
  }));
  ic.assignments = Array.from({ length: 60000 }, (_, i) => ({
    accountId: String(100000000000 + (i % 5000)),
    permissionSetArn: `arn:ps-${Math.floor(i / 5000)}`,
    principalType: i % 2 ? 'GROUP' : 'USER',
    principalId: i % 2 ? `g-${i % 3000}` : `u-${i % 30000}`,
  }));
  return s;
}

async function time<T>(label: string, fn: () => Promise<T> | T): Promise<T> {
  const start = process.hrtime.bigint();
  const result = await fn();
  console.log(
    `${label.padEnd(34)} ${(
      Number(process.hrtime.bigint() - start) / 1e6
    ).toFixed(0)} ms`,
  );
  return result;
}

async function main() {
  const url = process.argv[2];
  const db = await openBenchDatabase(url);
  const store = new AwsOrganizationsStore(db);
  const previous = large();
  const current = large();
  // ~1% churn: moves, tag edits, assignments and memberships.
  for (let i = 0; i < 50; i++) current.accounts[i * 100].parentId = 'ou-999';
  for (let i = 0; i < 50; i++)
    current.accounts[i * 100 + 1].tags = { owner: 'new' };
  (current.identityCenter as any).assignments.splice(0, 600);
  (current.identityCenter as any).memberships.splice(0, 1000);

  const refs = new Set(
    Array.from({ length: 50 }, (_, i) => `group:default/team-${i}`),
  );
  const resolution = await time('resolve', () =>
    resolveSnapshot(current, BENCH_RESOLUTION_SETTINGS, {
      refs,
      groupsByExternalId: new Map(),
      usersByEmail: new Map(),
    }),
  );
  const changes = await time('diff (1% churn)', () =>
    diffSnapshots(previous, current),
  );
  const json = await time('JSON.stringify', () =>
    JSON.stringify({ snapshot: current, resolution }),
  );
  const encoded = await time('sha256 + gzip', () => encodeSnapshotBody(json));
  console.log(
    `size ${(encoded.sizeBytes / 1e6).toFixed(1)} MB JSON -> ${(
      encoded.body.length / 1e6
    ).toFixed(1)} MB gzip; ${changes.length} changes`,
  );
  const runId = await store.runs.start('manual', new Date());
  await time(`store (${url ? 'PostgreSQL' : 'SQLite'})`, () =>
    db.transaction(async trx => {
      await store.snapshots.replace(trx, {
        runId,
        encoded,
        readAt: new Date(),
        storedAt: new Date(),
        unmappedPrincipals: resolution.unmappedPrincipals,
      });
      await store.changes.append(trx, {
        runId,
        detectedAt: new Date(),
        changes,
      });
    }),
  );
  const loaded = await time('load + gunzip', () => store.snapshots.current());
  await time('JSON.parse', () => JSON.parse(loaded!.json));
  await time('GET /changes page (account filter)', () =>
    store.changes.list({ accountId: '100000000100', offset: 0, limit: 50 }),
  );
  await db.migrate.rollback(
    { directory: `${__dirname}/../migrations`, tableName: 'bench_migrations' },
    true,
  );
  await db.schema
    .dropTableIfExists('bench_migrations')
    .dropTableIfExists('bench_migrations_lock');
  await db.destroy();
}

if (require.main === module) {
  main().catch(error => {
    console.error(error);
    process.exit(1);
  });
}

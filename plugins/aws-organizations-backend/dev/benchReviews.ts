/*
 * Starting a whole-organization access review campaign at data set L
 * (5,000 accounts, 60,000 assignments, 30,000 of them group grants that
 * expand to ~1 M person-level grants through 100,000 memberships): build
 * the items and members, store them in one transaction. Prints the time
 * and the peak RSS.
 *
 *   yarn sucrase-node plugins/aws-organizations-backend/dev/benchReviews.ts [postgres-url]
 */
import { indexSnapshot } from '@aws-governance/plugin-aws-organizations-common';
import { AwsOrganizationsStore } from '../src/store/AwsOrganizationsStore';
import { resolveSnapshot } from '../src/resolution/resolveSnapshot';
import { buildCampaignItems } from '../src/reviews/buildCampaignItems';
import { large } from './benchStore';
import { BENCH_RESOLUTION_SETTINGS, openBenchDatabase } from './benchSetup';

let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().rss);
};

async function main() {
  const url = process.argv[2];
  const db = await openBenchDatabase(url);
  const store = new AwsOrganizationsStore(db);
  const snapshot = large();
  const resolution = resolveSnapshot(snapshot, BENCH_RESOLUTION_SETTINGS, {
    refs: new Set(
      Array.from({ length: 50 }, (_, i) => `group:default/team-${i}`),
    ),
    groupsByExternalId: new Map(),
    usersByEmail: new Map(),
  });
  const index = indexSnapshot(snapshot);
  let personGrants = 0;
  for (const a of index.snapshot.identityCenter.status === 'available'
    ? index.snapshot.identityCenter.assignments
    : []) {
    personGrants +=
      a.principalType === 'GROUP'
        ? index.groupMembers.get(a.principalId)?.length ?? 0
        : 1;
  }
  const timer = setInterval(sample, 20);
  sample();
  const rssBefore = process.memoryUsage().rss;
  const scope = {
    organizationalUnitIds: [],
    accountIds: [],
    permissionSets: 'all' as const,
    roleReach: false,
  };
  const t0 = process.hrtime.bigint();
  const { items, members } = buildCampaignItems(snapshot, resolution, scope, {
    reachDepth: 3,
  });
  const t1 = process.hrtime.bigint();
  const now = new Date();
  await store.reviews.campaigns.create({
    name: 'Whole organization',
    scope,
    startedAt: now,
    startedBy: 'user:default/bench',
    dueAt: new Date(now.getTime() + 30 * 86_400_000),
    snapshot: { etag: 'bench', readAt: new Date(snapshot.readAt) },
    instanceArn: 'arn:aws:sso:::instance/ssoins-bench',
    items,
    members,
  });
  const t2 = process.hrtime.bigint();
  clearInterval(timer);
  sample();
  const ms = (a: bigint, b: bigint) => (Number(b - a) / 1e6).toFixed(0);
  console.log(
    `database                 ${url ? 'PostgreSQL' : 'SQLite (in memory)'}`,
  );
  console.log(
    `assignments              ${items.length} items, ${members.length} member rows, ${personGrants} person-level grants`,
  );
  console.log(`build items              ${ms(t0, t1)} ms`);
  console.log(`store (one transaction)  ${ms(t1, t2)} ms`);
  console.log(`start campaign, total    ${ms(t0, t2)} ms`);
  console.log(
    `RSS before / peak        ${(rssBefore / 2 ** 20).toFixed(0)} / ${(
      peak /
      2 ** 20
    ).toFixed(0)} MiB (process, snapshot included)`,
  );
  await db.destroy();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

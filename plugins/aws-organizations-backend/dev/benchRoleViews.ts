/*
 * The role-reach views at data set L, as the routes serve them:
 *
 *   yarn bench:role-views [--depth N] [--limit N] [--queries N]
 *
 * The reach benchmark's synthetic organization (5,000 accounts, 600 OUs,
 * 150,000 roles, 60,000 assignments, 30,000 users, 3,000 groups; see
 * -common src/iam/bench/syntheticRoles.ts), resolved and parsed back from
 * JSON as the backend holds it. Prints the time to build the reach index
 * for the snapshot (once per snapshot and depth), then, for every account
 * once in a shuffled order, "who can reach account X" as
 * `GET /accounts/:id/role-reach` answers it (first page, with people and
 * at team level) and `GET /accounts/:id/roles`, each timed with its JSON
 * serialization: p50 / p99 / max and the largest answer in bytes. Then
 * the teams' reach (`/principals/group/...`) and the trust map (closed,
 * every top-level OU opened, external opened).
 */
import { parseArgs } from 'node:util';
import { OrganizationSnapshot } from '@aws-governance/plugin-aws-organizations-common';
// A dev script: it reuses the reach benchmark's synthetic organization,
// which -common keeps out of its public API.
/* eslint-disable @backstage/no-relative-monorepo-imports */
import {
  buildSyntheticOrg,
  LARGE_ORG,
  prng,
} from '../../aws-organizations-common/src/scp/bench/syntheticOrg';
import { buildSyntheticRoles } from '../../aws-organizations-common/src/iam/bench/syntheticRoles';
/* eslint-enable @backstage/no-relative-monorepo-imports */
import {
  accountRoleReach,
  accountRoles,
  buildGovernanceIndex,
  principalRoleReach,
  reachOf,
  trustMap,
} from '../src/governance';
import { resolveSnapshot } from '../src/resolution/resolveSnapshot';
import { teamLevelReachPrincipals } from '../src/routes/accessPolicy';
import { BENCH_RESOLUTION_SETTINGS } from './benchSetup';

const { values } = parseArgs({
  options: {
    depth: { type: 'string', default: '3' },
    limit: { type: 'string', default: '50' },
    queries: { type: 'string' },
  },
});
const maxDepth = Number(values.depth);
const limit = Number(values.limit);

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

/** Times `answer` (view and JSON) for every key; prints the distribution. */
function measure<K>(label: string, keys: K[], answer: (key: K) => unknown) {
  const times: number[] = [];
  let largest = { bytes: 0, key: undefined as K | undefined };
  let totalBytes = 0;
  for (const key of keys) {
    const start = performance.now();
    const text = JSON.stringify(answer(key));
    times.push(performance.now() - start);
    const bytes = Buffer.byteLength(text);
    totalBytes += bytes;
    if (bytes > largest.bytes) largest = { bytes, key };
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(52)} ${keys.length} queries: p50 ${ms(
      percentile(times, 50),
    )}, p99 ${ms(percentile(times, 99))}, max ${ms(
      times[times.length - 1],
    )}; answer mean ${kib(totalBytes / keys.length)}, largest ${kib(
      largest.bytes,
    )} (${String(largest.key)})`,
  );
}

function main() {
  let t = performance.now();
  const synthetic = buildSyntheticRoles(buildSyntheticOrg(LARGE_ORG, 42));
  const withIam: OrganizationSnapshot = {
    ...synthetic.snapshot,
    iam: synthetic.iam,
  };
  const ic = withIam.identityCenter;
  if (ic.status !== 'available') throw new Error('unreachable');
  const resolved = resolveSnapshot(withIam, BENCH_RESOLUTION_SETTINGS, {
    refs: new Set(ic.groups.map((_, i) => `group:default/group-${i}`)),
    groupsByExternalId: new Map(),
    usersByEmail: new Map(),
  });
  // As the backend holds them: parsed from the stored JSON.
  const { snapshot, resolution } = JSON.parse(
    JSON.stringify({ snapshot: withIam, resolution: resolved }),
  ) as { snapshot: OrganizationSnapshot; resolution: typeof resolved };
  const roles = Object.values(snapshot.iam!.accounts).reduce(
    (n, a) => n + (a.status === 'known' ? a.roles.length : 0),
    0,
  );
  const assignments = (snapshot.identityCenter as typeof ic).assignments.length;
  console.log(
    `${snapshot.accounts.length} accounts, ${
      snapshot.organizationalUnits.length
    } OUs, ${roles} roles, ${assignments} assignments (data ${ms(
      performance.now() - t,
    )}); depth ${maxDepth}, page ${limit}`,
  );

  const index = buildGovernanceIndex(snapshot, resolution);
  t = performance.now();
  const cpu = process.cpuUsage();
  const reach = reachOf(index, maxDepth)!;
  const used = process.cpuUsage(cpu);
  console.log(
    `reach index built per snapshot: ${ms(performance.now() - t)} (CPU ${ms(
      (used.user + used.system) / 1000,
    )}); ${reach.stats.hopsEvaluated} hops evaluated, ${
      reach.stats.paths
    } paths`,
  );

  const random = prng(7);
  const ids = snapshot.accounts.map(a => a.id);
  const queries = Number(values.queries ?? ids.length);
  const order = Array.from({ length: queries }, (_, i) => ids[i % ids.length]);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const page = { offset: 0, limit };
  measure('who can reach account X (people, first page)', order, id =>
    accountRoleReach(index, id, maxDepth, page),
  );
  measure('who can reach account X (team level, first page)', order, id =>
    accountRoleReach(index, id, maxDepth, {
      ...page,
      teamLevel: teamLevelReachPrincipals,
    }),
  );
  const widest = order.reduce((a, b) =>
    reach.whoCanReach(b).entries.length > reach.whoCanReach(a).entries.length
      ? b
      : a,
  );
  const ways = reach.whoCanReach(widest).entries.length;
  measure(
    `  the widest account (${ways} ways in), pages of ${limit}`,
    Array.from({ length: Math.ceil(ways / limit) }, (_, i) => i * limit),
    offset => accountRoleReach(index, widest, maxDepth, { offset, limit }),
  );
  const topUnits = snapshot.organizationalUnits
    .filter(u => u.parentId === snapshot.root.id)
    .map(u => u.id);
  measure('  the widest account, one top-level OU opened', topUnits, fromUnit =>
    accountRoleReach(index, widest, maxDepth, { ...page, fromUnit }),
  );
  measure('roles of account X (/accounts/:id/roles, first page)', order, id =>
    accountRoles(index, id, maxDepth, page),
  );
  // The account whose roles hop into the most accounts, every page of
  // its widest role's hops (the route's `role`).
  const widestOut = order
    .flatMap(id => {
      const answer = accountRoles(index, id, maxDepth, {
        offset: 0,
        limit: 500,
        list: 'reaching-elsewhere',
      })!;
      return answer.reachingElsewhere.map(r => ({ id, r }));
    })
    .reduce((a, b) => (b.r.hopCount > a.r.hopCount ? b : a));
  measure(
    `  the widest role (${widestOut.r.roleName}, ${widestOut.r.hopCount} hops), pages of ${limit}`,
    Array.from(
      { length: Math.ceil(widestOut.r.hopCount / limit) },
      (_, i) => i * limit,
    ),
    offset =>
      accountRoles(index, widestOut.id, maxDepth, {
        offset,
        limit,
        role: widestOut.r.roleArn,
      }),
  );
  const groups = Object.values(resolution.principals)
    .flatMap(p => (p.type === 'GROUP' && p.ref ? [p.ref] : []))
    .slice(0, 300);
  measure('what a team reaches (first page), 300 groups', groups, ref =>
    principalRoleReach(index, ref, maxDepth, page),
  );
  const maps: [string, string[]][] = [
    ['closed', []],
    ['every top-level OU opened', topUnits],
    ['external opened', ['external']],
  ];
  for (const [label, expand] of maps) {
    const map = trustMap(index, expand);
    console.log(
      `trust map ${label}: ${map.nodes.length} nodes, ${map.edges.length} edges`,
    );
    measure(`  trust map ${label}`, [0, 1, 2, 3, 4], () =>
      trustMap(index, expand),
    );
  }
  console.log(
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
  );
}

main();

/*
 * The L-sized organization of the governance benchmarks: the synthetic
 * organization of the SCP benchmark with Identity Center at the store
 * benchmark's scale, resolved as the sync engine resolves it, and the
 * figures the benchmarks print of their samples.
 */
import {
  OrganizationSnapshot,
  SnapshotResolution,
} from '@aws-governance/plugin-aws-organizations-common';
// A dev script: it reuses the SCP benchmark's synthetic organization, which
// -common keeps out of its public API.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  buildSyntheticOrg,
  LARGE_ORG,
} from '../../aws-organizations-common/src/scp/bench/syntheticOrg';
import { resolveSnapshot } from '../src/resolution/resolveSnapshot';
import { BENCH_RESOLUTION_SETTINGS } from './benchSetup';

/** Owner teams the accounts and OUs are tagged with. */
export const TEAMS = 50;

/** Adds owner tags and Identity Center at L scale to a snapshot. */
export function withIdentityCenter(
  s: OrganizationSnapshot,
): OrganizationSnapshot {
  s.organizationalUnits.forEach((u, i) => {
    if (i % 7 === 0) u.tags = { owner: `team-${i % TEAMS}` };
  });
  s.accounts.forEach((a, i) => {
    a.tags = { owner: `team-${i % TEAMS}`, env: 'prod' };
  });
  const account = (i: number) => s.accounts[i % s.accounts.length].id;
  const arn = (i: number) =>
    `arn:aws:sso:::permissionSet/ssoins-bench/ps-${String(i).padStart(
      16,
      '0',
    )}`;
  s.identityCenter = {
    status: 'available',
    instanceArn: 'arn:aws:sso:::instance/ssoins-bench',
    identityStoreId: 'd-0000000000',
    permissionSets: Array.from({ length: 60 }, (_, i) => ({
      arn: arn(i),
      name: `Set${i}`,
      sessionDuration: 'PT1H',
      managedPolicies:
        i % 10 === 0
          ? [
              {
                arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
                name: 'AdministratorAccess',
              },
            ]
          : [],
      customerManagedPolicies: [],
      inlinePolicy: null,
      permissionsBoundary: { type: 'none' },
      tags: {},
    })),
    users: Array.from({ length: 30000 }, (_, i) => ({
      id: `u-${i}`,
      userName: `user${i}@example.com`,
      emails: [{ value: `user${i}@example.com`, primary: true }],
      externalIds: [],
    })),
    groups: Array.from({ length: 3000 }, (_, i) => ({
      id: `g-${i}`,
      displayName: `Group ${i}`,
      externalIds: [],
    })),
    memberships: Array.from({ length: 100000 }, (_, i) => ({
      groupId: `g-${i % 3000}`,
      userId: `u-${Math.floor(i / 3000) * 881 + (i % 881)}`,
    })),
    assignments: Array.from({ length: 60000 }, (_, i) => ({
      accountId: account(i),
      permissionSetArn: arn(Math.floor(i / 1000)),
      principalType: i % 2 ? ('GROUP' as const) : ('USER' as const),
      principalId: i % 2 ? `g-${i % 3000}` : `u-${i % 30000}`,
    })),
  };
  return s;
}

/** A snapshot and its resolution, as the backend stores them. */
export interface BenchOrg {
  snapshot: OrganizationSnapshot;
  resolution: SnapshotResolution;
}

/**
 * The L organization and its resolution: owners from the `owner` tags,
 * groups by display name, users by user name. With `catalogRefs`, the
 * catalog holds the owner teams and 2,000 of the groups; without, nothing.
 */
export function largeBenchOrg(options: { catalogRefs: boolean }): BenchOrg {
  const snapshot = withIdentityCenter(buildSyntheticOrg(LARGE_ORG));
  const refs = options.catalogRefs
    ? [
        ...Array.from({ length: TEAMS }, (_, i) => `group:default/team-${i}`),
        ...Array.from({ length: 2000 }, (_, i) => `group:default/group-${i}`),
      ]
    : [];
  const resolution = resolveSnapshot(snapshot, BENCH_RESOLUTION_SETTINGS, {
    refs: new Set(refs),
    groupsByExternalId: new Map(),
    usersByEmail: new Map(),
  });
  return { snapshot, resolution };
}

/** A fresh copy of an organization as the backend holds it: parsed from the stored JSON. */
export function asStored(org: BenchOrg): BenchOrg {
  return JSON.parse(JSON.stringify(org)) as BenchOrg;
}

/** The fastest and the median of timing samples, in ms. */
export function minAndMedian(samples: readonly number[]): {
  min: number;
  median: number;
} {
  const sorted = [...samples].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)] };
}

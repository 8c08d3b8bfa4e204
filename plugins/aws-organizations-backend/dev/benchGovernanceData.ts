/*
 * The L-sized organization of the governance benchmarks: the synthetic
 * organization of the SCP benchmark with Identity Center at the store
 * benchmark's scale.
 */
import { OrganizationSnapshot } from '@aws-governance/plugin-aws-organizations-common';

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

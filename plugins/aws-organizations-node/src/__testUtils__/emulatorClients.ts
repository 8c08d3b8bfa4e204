import type { RunningEmulator } from '@aws-governance/aws-emulator';
import {
  knownResourceControlPolicies,
  type OrganizationSnapshot,
} from '@aws-governance/plugin-aws-organizations-common';
import { createAwsOrganizationsClientsFromSettings } from '../reader/clients';

/** The reader's SDK clients pointed at an emulator. */
export function clientsFor(emu: RunningEmulator, maxAttempts?: number) {
  return createAwsOrganizationsClientsFromSettings({
    region: 'us-east-1',
    endpoints: {
      organizations: emu.url,
      ssoAdmin: emu.url,
      identityStore: emu.url,
      iam: emu.url,
      sts: emu.url,
      config: emu.url,
    },
    credentials: async () => ({ accessKeyId: 'test', secretAccessKey: 'test' }),
    maxAttempts,
  });
}

/** What a snapshot holds, in the emulator's `expected` shape. */
export function snapshotContents(snapshot: OrganizationSnapshot) {
  const ic = snapshot.identityCenter;
  if (ic.status !== 'available') {
    throw new Error(`Identity Center ${ic.status}`);
  }
  return {
    accounts: snapshot.accounts.length,
    organizationalUnits: snapshot.organizationalUnits.length,
    policies: snapshot.policies.length,
    resourceControlPolicies: knownResourceControlPolicies(snapshot)?.length,
    otherPolicies: (snapshot.otherPolicyTypes ?? []).reduce(
      (n, t) => n + (Array.isArray(t.policies) ? t.policies.length : 0),
      0,
    ),
    permissionSets: ic.permissionSets.length,
    assignments: ic.assignments.length,
    groups: ic.groups.length,
    users: ic.users.length,
    memberships: ic.memberships.length,
  };
}

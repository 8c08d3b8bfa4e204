import {
  startEmulator,
  type RunningEmulator,
} from '@aws-governance/aws-emulator';
import { mockServices } from '@backstage/backend-test-utils';
import {
  knownResourceControlPolicies,
  type OrganizationSnapshot,
} from '@aws-governance/plugin-aws-organizations-common';
import { createAwsOrganizationsClientsFromSettings } from '../reader/clients';
import { readOrganizationSnapshot } from '../reader/readSnapshot';

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

/** Fast limits for tests: the emulator has no rate limit unless asked. */
export const FAST_RATE_LIMITS = {
  organizations: { tps: 1000, burst: 1000 },
  ssoAdmin: { tps: 1000, burst: 1000 },
  identityStore: { tps: 1000, burst: 1000 },
};

/** A read of the emulator's organization through the real SDK, at fast limits. */
export function readFromEmulator(emu: RunningEmulator, maxAttempts?: number) {
  return readOrganizationSnapshot({
    clients: clientsFor(emu, maxAttempts),
    logger: mockServices.logger.mock(),
    rateLimits: FAST_RATE_LIMITS,
  });
}

/**
 * The demo data set's emulator for the tests of a describe block: started
 * once before them, its faults cleared and its counters reset before each,
 * closed after them. Returns the running emulator (once started).
 */
export function useDemoEmulator(): () => RunningEmulator {
  let emu: RunningEmulator | undefined;
  beforeAll(async () => {
    emu = await startEmulator({ dataset: 'demo' });
  });
  afterAll(() => emu?.close());
  beforeEach(() => {
    emu!.setFaults({});
    emu!.resetStats();
  });
  return () => emu!;
}

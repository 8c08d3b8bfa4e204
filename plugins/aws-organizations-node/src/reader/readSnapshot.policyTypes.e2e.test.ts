import {
  addAccount,
  addOrganizationalUnit,
  addPolicy,
  attachPolicy,
  createEmptyState,
  createOrganization,
  DEMO_IDS,
  enablePolicyType,
  RunningEmulator,
  startEmulator,
} from '@aws-governance/aws-emulator';
import {
  isUnknown,
  knownResourceControlPolicies,
  type OrganizationSnapshot,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  readFromEmulator,
  useDemoEmulator,
} from '../__testUtils__/emulatorClients';

const RCP = 'RESOURCE_CONTROL_POLICY';
const read = readFromEmulator;

/** The policies of a type in the emulator, as the reader must find them. */
function expectedPolicies(emu: RunningEmulator, type: string) {
  return [...emu.state.policies.values()]
    .filter(p => p.type === type)
    .map(p => ({
      id: p.id,
      content: p.content,
      targets: [...(emu.state.policyTargets.get(p.id) ?? [])].sort(),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

function found(
  policies: { id: string; content: string; targets: { targetId: string }[] }[],
) {
  return policies.map(p => ({
    id: p.id,
    content: p.content,
    targets: p.targets.map(t => t.targetId).sort(),
  }));
}

function otherType(snapshot: OrganizationSnapshot, type: string) {
  const entry = snapshot.otherPolicyTypes!.find(t => t.type === type)!;
  return entry.policies;
}

describe('reading RCPs and the other policy types against the emulator', () => {
  describe('demo data set', () => {
    const emu = useDemoEmulator();

    it('reads the data perimeter RCPs and every enabled type within the call plan', async () => {
      const snapshot = await read(emu());
      expect(snapshot.complete).toBe(true);
      expect(snapshot.warnings).toEqual([]);
      expect(snapshot.organization.enabledPolicyTypes).toContain(RCP);
      expect(snapshot.rootPolicyTypes).toEqual(
        emu().state.root!.policyTypes.map(type => ({
          type,
          status: 'ENABLED',
        })),
      );
      const rcps = knownResourceControlPolicies(snapshot)!;
      expect(found(rcps)).toEqual(expectedPolicies(emu(), RCP));
      const perimeter = rcps.find(
        p => p.id === DEMO_IDS.resourceControlPolicies.DataPerimeter,
      )!;
      expect(perimeter).toMatchObject({
        name: 'DataPerimeter',
        awsManaged: false,
        tags: { owner: 'security' },
      });
      expect(
        rcps.find(
          p => p.id === DEMO_IDS.resourceControlPolicies.RCPFullAWSAccess,
        ),
      ).toMatchObject({ awsManaged: true, name: 'RCPFullAWSAccess' });
      expect(snapshot.otherPolicyTypes!.map(t => t.type)).toEqual([
        'DECLARATIVE_POLICY_EC2',
        'BACKUP_POLICY',
        'TAG_POLICY',
        'AISERVICES_OPT_OUT_POLICY',
      ]);
      for (const { type, policies } of snapshot.otherPolicyTypes!) {
        const known = isUnknown(policies) ? [] : policies;
        expect(known).toBe(policies);
        expect(found(known)).toEqual(expectedPolicies(emu(), type));
        expect(known.every(p => p.type === type)).toBe(true);
      }
      // One ListPolicies per type read, never a policy listing per target.
      const seen = emu().stats().calls.organizations;
      expect(seen.ListPolicies).toBe(emu().state.root!.policyTypes.length);
      expect(seen.ListPoliciesForTarget).toBeUndefined();
      expect(seen.DescribePolicy).toBe(emu().state.policies.size);
    });

    it('makes RCPs unknown with a warning when their listing is denied', async () => {
      emu().setFaults({
        errorRate: {
          ListPolicies: {
            rate: 1,
            code: 'AccessDeniedException',
            resources: [RCP, 'TAG_POLICY'],
          },
        },
      });
      const snapshot = await read(emu());
      expect(snapshot.complete).toBe(true);
      expect(snapshot.resourceControlPolicies).toEqual({
        unknown: true,
        reason: 'ListPolicies failed: AccessDeniedException',
      });
      expect(isUnknown(otherType(snapshot, 'TAG_POLICY'))).toBe(true);
      expect(isUnknown(otherType(snapshot, 'BACKUP_POLICY'))).toBe(false);
      expect(snapshot.warnings.map(w => [w.operation, w.resource])).toEqual(
        expect.arrayContaining([
          ['ListPolicies', RCP],
          ['ListPolicies', 'TAG_POLICY'],
        ]),
      );
      expect(snapshot.policies.length).toBe(emu().expected.policies);
    });

    it('makes one type unknown when its policy keeps answering 500, the rest read', async () => {
      emu().setFaults({
        errorRate: {
          DescribePolicy: {
            rate: 1,
            resources: [DEMO_IDS.otherPolicies.DailyBackups],
          },
        },
      });
      const snapshot = await read(emu(), 2);
      expect(snapshot.complete).toBe(true);
      const backup = otherType(snapshot, 'BACKUP_POLICY');
      expect(backup).toEqual({
        unknown: true,
        reason: `ListPolicies failed: ServiceException (DescribePolicy on ${DEMO_IDS.otherPolicies.DailyBackups})`,
      });
      expect(knownResourceControlPolicies(snapshot)).toHaveLength(
        emu().expected.resourceControlPolicies,
      );
    });

    it('retries throttling and server errors on the policy reads', async () => {
      // A fixed number of failures, whichever calls get them: a seeded rate
      // gives its draws in arrival order, which the machine's load changes,
      // so one call could draw more failures than its attempts (the suite
      // once failed that way under load). 4 + 4 failures stay below the 9
      // retries of any one call, and a call that gets all 4 throttles waits
      // at most 1 + 2 + 4 + 8 s of back-off.
      emu().setFaults({
        errorRate: {
          ListTargetsForPolicy: {
            rate: 1,
            limit: 4,
            code: 'TooManyRequestsException',
          },
          DescribePolicy: { rate: 1, limit: 4 },
        },
      });
      const snapshot = await read(emu(), 10);
      expect(snapshot.complete).toBe(true);
      expect(snapshot.warnings).toEqual([]);
      expect(found(knownResourceControlPolicies(snapshot)!)).toEqual(
        expectedPolicies(emu(), RCP),
      );
      expect(snapshot.stats.throttles).toBe(4);
      expect(snapshot.stats.retries).toBeGreaterThanOrEqual(4 + 4);
      expect(emu().stats().faultsInjected).toBe(4 + 4);
    });
  });

  it('pages through many RCPs and the targets of RCPFullAWSAccess', async () => {
    const state = createEmptyState(7);
    createOrganization(state);
    const ou = addOrganizationalUnit(state, {
      parentId: state.root!.id,
      name: 'Workloads',
    });
    for (let i = 0; i < 30; i++)
      addAccount(state, { parentId: ou.id, name: `a${i}` });
    enablePolicyType(state, RCP);
    enablePolicyType(state, 'TAG_POLICY');
    for (let i = 0; i < 24; i++) {
      const policy = addPolicy(state, {
        name: `rcp-${i}`,
        type: RCP,
        content: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:*',
              Resource: '*',
              Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
            },
          ],
        }),
      });
      attachPolicy(state, policy.id, i % 2 ? ou.id : state.root!.id);
    }
    const emu = await startEmulator({
      state,
      // A page that is empty but has a NextToken must not end the listing.
      faults: { emptyPagesWithToken: { operation: 'ListPolicies', count: 1 } },
    });
    try {
      const snapshot = await read(emu);
      expect(snapshot.complete).toBe(true);
      const rcps = knownResourceControlPolicies(snapshot)!;
      expect(rcps).toHaveLength(25);
      expect(found(rcps)).toEqual(expectedPolicies(emu, RCP));
      const full = rcps.find(p => p.id === 'p-RCPFullAWSAccess')!;
      expect(full.targets).toHaveLength(1 + 1 + 31);
      expect(otherType(snapshot, 'TAG_POLICY')).toEqual([]);
      const seen = emu.stats().calls.organizations;
      // SCP 1 page, RCP 2 pages + the empty one, tag policies 1 page.
      expect(seen.ListPolicies).toBe(5);
      expect(seen.ListTargetsForPolicy).toBeGreaterThanOrEqual(25 + 1);
    } finally {
      await emu.close();
    }
  });
});

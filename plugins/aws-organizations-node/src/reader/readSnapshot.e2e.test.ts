import {
  addAccount,
  addOrganizationalUnit,
  addPolicy,
  attachPolicy,
  createEmptyState,
  createOrganization,
  DEMO_IDS,
  EmulatorState,
  RunningEmulator,
  startEmulator,
} from '@aws-governance/aws-emulator';
import { mockServices } from '@backstage/backend-test-utils';
import { AwsReadError } from './errors';
import { readOrganizationSnapshot } from './readSnapshot';
import {
  clientsFor,
  FAST_RATE_LIMITS as FAST,
  readFromEmulator,
  snapshotContents as counts,
  useDemoEmulator,
} from '../__testUtils__/emulatorClients';

const logger = mockServices.logger.mock();

const sumCalls = (calls: Record<string, Record<string, number>>) =>
  Object.fromEntries(
    Object.entries(calls)
      .map(([s, ops]): [string, number] => [
        s,
        Object.values(ops).reduce((a, b) => a + b, 0),
      ])
      .filter(([, n]) => n > 0),
  );

/** The emulator's counters of the services that were called. */
const calledServices = (calls: Record<string, Record<string, number>>) =>
  Object.fromEntries(
    Object.entries(calls).filter(([, ops]) => Object.keys(ops).length > 0),
  );

describe('readOrganizationSnapshot against the emulator', () => {
  describe('demo data set', () => {
    const emu = useDemoEmulator();

    it('reads it completely', async () => {
      const snapshot = await readFromEmulator(emu());
      expect(snapshot.complete).toBe(true);
      expect(snapshot.warnings).toEqual([]);
      expect(counts(snapshot)).toEqual(emu().expected);

      expect(snapshot.organization).toMatchObject({
        id: DEMO_IDS.organizationId,
        managementAccountId: DEMO_IDS.managementAccountId,
        featureSet: 'ALL',
        enabledPolicyTypes: expect.arrayContaining(['SERVICE_CONTROL_POLICY']),
      });
      expect(snapshot.root.id).toBe(DEMO_IDS.rootId);
      const prodUs = snapshot.organizationalUnits.find(
        ou => ou.id === DEMO_IDS.ous['Prod-US'],
      );
      expect(prodUs).toMatchObject({
        name: 'Prod-US',
        parentId: DEMO_IDS.ous.Prod,
        path: [DEMO_IDS.rootId, DEMO_IDS.ous.Workloads, DEMO_IDS.ous.Prod],
      });
      for (const account of snapshot.accounts) {
        const record = emu().state.accounts.get(account.id)!;
        expect(account).toMatchObject({
          name: record.name,
          email: record.email,
          state: record.state,
          parentId: record.parentId,
          joinedTimestamp: record.joinedTimestamp.toISOString(),
        });
        expect(account.path[account.path.length - 1]).toBe(record.parentId);
        expect(account.tags).toEqual(emu().state.tags.get(account.id) ?? {});
      }
      const fullAccess = snapshot.policies.find(
        p => p.id === DEMO_IDS.policies.FullAWSAccess,
      )!;
      expect(fullAccess.awsManaged).toBe(true);
      expect(fullAccess.targets.map(t => t.targetId)).toEqual(
        expect.arrayContaining([DEMO_IDS.rootId]),
      );
      // customer managed SCPs carry their tags (the demo tags them all with
      // an owner); AWS managed ones are not read
      expect(fullAccess).not.toHaveProperty('tags');
      const customerManaged = snapshot.policies.filter(p => !p.awsManaged);
      expect(customerManaged.length).toBeGreaterThan(0);
      for (const policy of customerManaged) {
        expect(policy.tags).toEqual(emu().state.tags.get(policy.id));
        expect(policy.tags).toHaveProperty('owner', 'security');
      }

      const ic = snapshot.identityCenter;
      if (ic.status !== 'available') throw new Error(ic.status);
      expect(ic.identityStoreId).toBe(DEMO_IDS.identityStoreId);
      const icState = emu().state.identityCenter!;
      for (const set of ic.permissionSets) {
        const record = icState.permissionSets.get(set.arn)!;
        expect(set).toMatchObject({
          name: record.name,
          sessionDuration: record.sessionDuration,
          inlinePolicy: record.inlinePolicy,
          managedPolicies: record.managedPolicyArns.map(arn => ({
            arn,
            name: expect.any(String),
          })),
          customerManagedPolicies: record.customerManagedPolicies,
          tags: record.tags,
        });
        const boundary = record.permissionsBoundary;
        let expectedBoundary: unknown = { type: 'none' };
        if (boundary && 'managedPolicyArn' in boundary) {
          expectedBoundary = {
            type: 'managed',
            managedPolicyArn: boundary.managedPolicyArn,
          };
        } else if (boundary) {
          expectedBoundary = {
            type: 'customer-managed',
            reference: boundary.customerManagedPolicyReference,
          };
        }
        expect(set.permissionsBoundary).toEqual(expectedBoundary);
      }
      const expectedAssignments = [...icState.assignments.values()]
        .map(
          a =>
            `${a.accountId}|${a.permissionSetArn}|${a.principalType}|${a.principalId}`,
        )
        .sort();
      expect(
        ic.assignments
          .map(
            a =>
              `${a.accountId}|${a.permissionSetArn}|${a.principalType}|${a.principalId}`,
          )
          .sort(),
      ).toEqual(expectedAssignments);

      // the reader counts what the emulator saw, and never calls ListParents
      // or ListPoliciesForTarget
      const seen = emu().stats().calls;
      expect(sumCalls(snapshot.stats.calls)).toEqual(sumCalls(seen));
      expect(seen.organizations.ListParents).toBeUndefined();
      expect(seen.organizations.ListPoliciesForTarget).toBeUndefined();
    });

    it.each(['per-permission-set', 'per-principal'] as const)(
      'finds the same assignments %s',
      async strategy => {
        const snapshot = await readOrganizationSnapshot({
          clients: clientsFor(emu()),
          logger,
          rateLimits: FAST,
          assignmentStrategy: strategy,
        });
        expect(snapshot.stats.assignmentStrategy).toBe(strategy);
        expect(counts(snapshot).assignments).toBe(emu().expected.assignments);
      },
    );

    it('marks Identity Center unavailable on AccessDenied from SSO Admin', async () => {
      emu().setFaults({ accessDenied: ['ssoAdmin'] });
      const snapshot = await readFromEmulator(emu());
      expect(snapshot.accounts).toHaveLength(emu().expected.accounts);
      expect(snapshot.policies).toHaveLength(emu().expected.policies);
      expect(snapshot.identityCenter).toEqual({
        status: 'unavailable',
        reason: expect.stringContaining('AccessDeniedException'),
      });
      expect(snapshot.complete).toBe(false);
      expect(snapshot.incompleteReasons).toHaveLength(1);
    });

    it('fails with a typed error on AccessDenied from Organizations', async () => {
      emu().setFaults({ accessDenied: ['organizations'] });
      const error = await readFromEmulator(emu()).catch(e => e);
      expect(error).toBeInstanceOf(AwsReadError);
      expect(error).toMatchObject({
        service: 'organizations',
        code: 'AccessDeniedException',
      });
    });

    it('retries a burst of server errors', async () => {
      // a fresh emulator: requests aborted by an earlier failed read may
      // still arrive at the shared one
      const fresh = await startEmulator({
        dataset: 'demo',
        faults: { serverErrorBurst: { service: 'organizations', count: 4 } },
      });
      try {
        const snapshot = await readFromEmulator(fresh);
        expect(snapshot.complete).toBe(true);
        expect(counts(snapshot)).toEqual(fresh.expected);
        const seen = fresh.stats();
        expect(seen.faultsInjected).toBe(4);
        expect({
          retries: snapshot.stats.retries,
          calls: snapshot.stats.calls,
        }).toEqual({ retries: 4, calls: calledServices(seen.calls) });
      } finally {
        await fresh.close();
      }
    });

    it('names the operation and resource when retries are exhausted', async () => {
      emu().setFaults({ errorRate: { ListAccountsForParent: { rate: 1 } } });
      const error = await readFromEmulator(emu(), 2).catch(e => e);
      expect(error).toBeInstanceOf(AwsReadError);
      expect(error.operation).toBe('ListAccountsForParent');
      expect(error.resource).toMatch(/^(r-|ou-)/);
      expect(error.code).toMatch(/Exception|Error/);
      expect(error.message).toContain('ListAccountsForParent on ');
    });

    it('survives a throttling storm and counts it', async () => {
      const throttled = await startEmulator({
        dataset: 'demo',
        rateLimit: {
          organizations: { tps: 40, burst: 2 },
          ssoAdmin: { tps: 40, burst: 2 },
          identityStore: { tps: 40, burst: 2 },
        },
      });
      try {
        const snapshot = await readOrganizationSnapshot({
          clients: clientsFor(throttled, 10),
          logger,
          rateLimits: {
            organizations: { tps: 200, burst: 20, concurrency: 8 },
            ssoAdmin: { tps: 200, burst: 20, concurrency: 8 },
            identityStore: { tps: 200, burst: 20, concurrency: 8 },
          },
        });
        expect(snapshot.complete).toBe(true);
        expect(counts(snapshot)).toEqual(throttled.expected);
        expect(snapshot.stats.throttles).toBeGreaterThan(0);
        expect(snapshot.stats.throttles).toBe(throttled.stats().throttled);
        expect(snapshot.stats.retries).toBeGreaterThanOrEqual(
          snapshot.stats.throttles,
        );
      } finally {
        await throttled.close();
      }
    }, 60_000);
  });

  describe('custom states', () => {
    let emu: RunningEmulator | undefined;
    afterEach(async () => {
      await emu?.close();
      emu = undefined;
    });

    function organization(): { state: EmulatorState; rootId: string } {
      const state = createEmptyState(7);
      createOrganization(state, { managementAccountId: '100000000000' });
      return { state, rootId: state.root!.id };
    }

    it('reads exactly 20 and 21 accounts under one parent, and empty pages with a NextToken', async () => {
      const { state, rootId } = organization();
      const twenty = addOrganizationalUnit(state, {
        parentId: rootId,
        name: 'twenty',
      });
      const twentyOne = addOrganizationalUnit(state, {
        parentId: rootId,
        name: 'twenty-one',
      });
      for (let i = 0; i < 20; i++) {
        addAccount(state, { parentId: twenty.id, name: `a${i}` });
      }
      for (let i = 0; i < 21; i++) {
        addAccount(state, { parentId: twentyOne.id, name: `b${i}` });
      }
      emu = await startEmulator({ state });
      const snapshot = await readFromEmulator(emu);
      expect(snapshot.identityCenter).toEqual({ status: 'not-enabled' });
      expect(snapshot.complete).toBe(true);
      expect(
        snapshot.accounts.filter(a => a.parentId === twenty.id),
      ).toHaveLength(20);
      expect(
        snapshot.accounts.filter(a => a.parentId === twentyOne.id),
      ).toHaveLength(21);
      // root 1 page, 20 accounts 1 page, 21 accounts 2 pages
      expect(emu.stats().calls.organizations.ListAccountsForParent).toBe(4);

      emu.resetStats();
      emu.setFaults({
        emptyPagesWithToken: { operation: 'ListAccountsForParent', count: 3 },
      });
      const again = await readFromEmulator(emu);
      expect(again.accounts).toHaveLength(42);
      expect(emu.stats().calls.organizations.ListAccountsForParent).toBe(7);
    });

    it('keeps a malformed SCP raw with a parse error', async () => {
      const { state, rootId } = organization();
      const content =
        '{"Version": "2012-10-17", "Statement": [ {"Effect": "Deny",';
      const policy = addPolicy(state, { name: 'broken', content });
      attachPolicy(state, policy.id, rootId);
      emu = await startEmulator({ state });
      const snapshot = await readFromEmulator(emu);
      const read = snapshot.policies.find(p => p.id === policy.id)!;
      expect(read.content).toBe(content);
      expect(read.parseError).toEqual(expect.any(String));
      expect(read.targets).toEqual([
        { targetId: rootId, type: 'ROOT', name: 'Root' },
      ]);
      expect(snapshot.complete).toBe(true);
    });
  });
});

import {
  DEMO_IDS,
  RunningEmulator,
  startEmulator,
} from '@aws-governance/aws-emulator';
import { mockServices } from '@backstage/backend-test-utils';
import type { OrganizationSnapshot } from '@aws-governance/plugin-aws-organizations-common';
import { clientsFor } from '../__testUtils__/emulatorClients';
import { readOrganizationSnapshot } from './readSnapshot';

const logger = mockServices.logger.mock();
const MANAGEMENT = DEMO_IDS.managementAccountId;

function identityCenter(snapshot: OrganizationSnapshot) {
  const ic = snapshot.identityCenter;
  if (ic.status !== 'available') throw new Error(ic.status);
  return ic;
}

describe('readOrganizationSnapshot from a delegated administrator of IAM Identity Center', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({
      dataset: 'demo',
      caller: 'delegated-administrator',
    });
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.resetStats());

  /** What a delegated administrator can see: AWS hides the sets provisioned to the management account. */
  function visible() {
    const ic = emu.state.identityCenter!;
    const sets = [...ic.permissionSets.values()].filter(
      s => !s.provisionedTo.has(MANAGEMENT),
    );
    const arns = new Set(sets.map(s => s.arn));
    const assignments = [...ic.assignments.values()].filter(
      a => arns.has(a.permissionSetArn) && a.accountId !== MANAGEMENT,
    );
    return { arns: [...arns].sort(), assignments };
  }

  it('notices the denied per-principal listing, lists per permission set and warns, without failing', async () => {
    const snapshot = await readOrganizationSnapshot({
      clients: clientsFor(emu),
      logger,
      assignmentStrategy: 'per-principal',
    });
    expect(snapshot.complete).toBe(true);
    const ic = identityCenter(snapshot);
    expect(ic.readFrom).toBe('delegated-administrator');
    expect(snapshot.stats.assignmentStrategy).toBe('per-permission-set');
    expect(emu.stats().calls.ssoAdmin.ListAccountAssignmentsForPrincipal).toBe(
      1,
    );
    const { arns, assignments } = visible();
    expect(ic.permissionSets.map(s => s.arn).sort()).toEqual(arns);
    expect(ic.permissionSets.length).toBeLessThan(
      emu.state.identityCenter!.permissionSets.size,
    );
    expect(ic.assignments).toHaveLength(assignments.length);
    expect(snapshot.warnings).toEqual([
      expect.objectContaining({
        operation: 'ListPermissionSets',
        message: expect.stringContaining(
          'permission sets provisioned to the management account',
        ),
      }),
    ]);
  });

  it('finds out with one probe when the per-permission-set plan is cheaper', async () => {
    const snapshot = await readOrganizationSnapshot({
      clients: clientsFor(emu),
      logger,
      assignmentStrategy: 'per-permission-set',
    });
    expect(identityCenter(snapshot).readFrom).toBe('delegated-administrator');
    expect(emu.stats().calls.ssoAdmin.ListAccountAssignmentsForPrincipal).toBe(
      1,
    );
    expect(identityCenter(snapshot).assignments).toHaveLength(
      visible().assignments.length,
    );
  });

  it('configured as delegated, never asks for what AWS denies there', async () => {
    const snapshot = await readOrganizationSnapshot({
      clients: clientsFor(emu),
      logger,
      delegatedAdministrator: true,
    });
    expect(snapshot.complete).toBe(true);
    expect(identityCenter(snapshot).readFrom).toBe('delegated-administrator');
    expect(
      emu.stats().calls.ssoAdmin.ListAccountAssignmentsForPrincipal,
    ).toBeUndefined();
    expect(snapshot.warnings).toHaveLength(1);
  });

  it('from the management account, reads everything and says so', async () => {
    const management = await startEmulator({ dataset: 'demo' });
    try {
      const snapshot = await readOrganizationSnapshot({
        clients: clientsFor(management),
        logger,
        assignmentStrategy: 'per-permission-set',
      });
      const ic = identityCenter(snapshot);
      expect(ic.readFrom).toBe('management-account');
      expect(ic.permissionSets).toHaveLength(
        management.state.identityCenter!.permissionSets.size,
      );
      expect(snapshot.warnings).toEqual([]);
    } finally {
      await management.close();
    }
  });
});

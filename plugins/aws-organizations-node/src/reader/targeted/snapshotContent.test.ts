import type {
  OrganizationSnapshot,
  PolicyTarget,
} from '@aws-governance/plugin-aws-organizations-common';
import { sameSnapshotContent, snapshotContent } from './snapshotContent';

function typeOf(targetId: string): PolicyTarget['type'] {
  if (targetId.startsWith('r-')) return 'ROOT';
  if (targetId.startsWith('ou-')) return 'ORGANIZATIONAL_UNIT';
  return 'ACCOUNT';
}

const target = (targetId: string): PolicyTarget => ({
  targetId,
  type: typeOf(targetId),
  name: targetId,
});

const policy = (id: string, targets: string[]) => ({
  id,
  arn: `arn:aws:organizations::111111111111:policy/o-x/${id}`,
  name: id,
  description: '',
  awsManaged: false,
  content: '{"Version":"2012-10-17","Statement":[]}',
  targets: targets.map(target),
});

function snapshot(targets: string[]): OrganizationSnapshot {
  return {
    schemaVersion: 1,
    readAt: '2026-01-01T00:00:00Z',
    complete: true,
    incompleteReasons: [],
    organization: {
      id: 'o-x',
      arn: 'arn:o-x',
      featureSet: 'ALL',
      managementAccountId: '111111111111',
      managementAccountArn: 'arn:mgmt',
      enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'],
    },
    root: { id: 'r-x', arn: 'arn:r-x', name: 'Root', tags: {} },
    organizationalUnits: [],
    accounts: [
      {
        id: '222222222222',
        arn: 'arn:aws:organizations::111111111111:account/o-x/222222222222',
        name: 'dev',
        email: 'dev@example.com',
        state: 'ACTIVE',
        joinedMethod: 'CREATED',
        joinedTimestamp: '2024-01-01T00:00:00Z',
        parentId: 'r-x',
        path: ['r-x'],
        tags: { env: 'dev' },
      },
    ],
    policies: [policy('p-scp', targets)],
    resourceControlPolicies: [policy('p-rcp', targets)],
    otherPolicyTypes: [
      {
        type: 'TAG_POLICY',
        policies: [{ ...policy('p-tag', targets), type: 'TAG_POLICY' }],
      },
      { type: 'BACKUP_POLICY', policies: { unknown: true, reason: 'denied' } },
    ],
    identityCenter: { status: 'not-enabled' },
    warnings: [],
    stats: {
      startedAt: '2026-01-01T00:00:00Z',
      durationMs: 1,
      calls: {},
      retries: 0,
      throttles: 0,
    },
  } as OrganizationSnapshot;
}

describe('snapshotContent', () => {
  it('leaves out when and how the snapshot was read', () => {
    const a = snapshot(['r-x']);
    const b: OrganizationSnapshot = {
      ...snapshot(['r-x']),
      readAt: '2026-02-02T00:00:00Z',
      warnings: [{ operation: 'ListRoots', message: 'slow', resource: 'r-x' }],
      stats: {
        ...a.stats,
        durationMs: 999,
        calls: { organizations: { ListRoots: 3 } },
      },
    };
    expect(sameSnapshotContent(a, b)).toBe(true);
    expect(snapshotContent(a)).not.toHaveProperty('readAt');
    expect(snapshotContent(a)).not.toHaveProperty('stats');
    expect(snapshotContent(a)).not.toHaveProperty('warnings');
  });

  it('compares the targets of every policy type as sets, without reordering the snapshot', () => {
    const listed = snapshot(['r-x', 'ou-b', '222222222222']);
    const appended = snapshot(['222222222222', 'r-x', 'ou-b']);
    expect(sameSnapshotContent(listed, appended)).toBe(true);
    expect(snapshotContent(appended).policies[0].targets[0].targetId).toBe(
      '222222222222',
    );
    expect(appended.policies[0].targets[0].targetId).toBe('222222222222');
  });

  it('tells apart a changed tag, target, RCP target or tag policy target', () => {
    const base = snapshot(['r-x']);
    const tagged = snapshot(['r-x']);
    tagged.accounts[0].tags = { env: 'prod' };
    expect(sameSnapshotContent(base, tagged)).toBe(false);
    expect(sameSnapshotContent(base, snapshot(['r-x', 'ou-b']))).toBe(false);
    const rcp = snapshot(['r-x']);
    (rcp.resourceControlPolicies as any)[0].targets.push(target('ou-b'));
    expect(sameSnapshotContent(base, rcp)).toBe(false);
    const tagPolicy = snapshot(['r-x']);
    (tagPolicy.otherPolicyTypes![0].policies as any)[0].targets = [];
    expect(sameSnapshotContent(base, tagPolicy)).toBe(false);
  });
});

describe('sameSnapshotContent', () => {
  it('compares as stored JSON: key order and absent vs undefined keys aside, a structured clone equal', () => {
    const a = snapshot(['r-x']);
    const reverse = <T extends object>(o: T): T =>
      Object.fromEntries(Object.entries(o).reverse()) as T;
    const reordered = reverse(snapshot(['r-x']));
    reordered.accounts = reordered.accounts.map(reverse);
    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(a)[0]);
    expect(sameSnapshotContent(a, reordered)).toBe(true);
    const withUndefined = snapshot(['r-x']);
    (withUndefined.accounts[0] as any).extra = undefined;
    expect(sameSnapshotContent(a, withUndefined)).toBe(true);
    expect(sameSnapshotContent(a, structuredClone(a))).toBe(true);
  });

  it('tells apart an array from an object, a missing key and a reordered list', () => {
    const a = snapshot(['r-x']);
    const extraKey = snapshot(['r-x']);
    (extraKey.accounts[0] as any).extra = 'x';
    expect(sameSnapshotContent(a, extraKey)).toBe(false);
    expect(sameSnapshotContent(extraKey, a)).toBe(false);
    const twoAccounts = snapshot(['r-x']);
    twoAccounts.accounts.push({ ...twoAccounts.accounts[0], id: '3' });
    const swapped = snapshot(['r-x']);
    swapped.accounts = [...twoAccounts.accounts].reverse();
    expect(sameSnapshotContent(twoAccounts, swapped)).toBe(false);
    const asObject = snapshot(['r-x']);
    (asObject as any).incompleteReasons = {};
    expect(sameSnapshotContent(a, asObject)).toBe(false);
  });
});

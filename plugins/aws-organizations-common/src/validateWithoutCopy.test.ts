import { z } from 'zod';
import { SnapshotEnvelope } from './api';
import { testSnapshot } from './scp/__testUtils__/snapshot';
import { snapshotEnvelopeSchema, storedSnapshotSchema } from './snapshotSchema';
import { validateWithoutCopy } from './validateWithoutCopy';

function envelope(): SnapshotEnvelope {
  const snapshot = testSnapshot();
  snapshot.identityCenter = {
    status: 'available',
    instanceArn: 'arn:aws:sso:::instance/ssoins-1',
    identityStoreId: 'd-1',
    permissionSets: [
      {
        arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1',
        name: 'Admin',
        sessionDuration: 'PT1H',
        managedPolicies: [],
        customerManagedPolicies: [],
        inlinePolicy: null,
        permissionsBoundary: { type: 'none' },
        tags: {},
      },
    ],
    assignments: [
      {
        accountId: '111111111111',
        permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1',
        principalType: 'GROUP',
        principalId: 'g1',
      },
    ],
    groups: [{ id: 'g1', displayName: 'Admins', externalIds: [] }],
    users: [{ id: 'u1', userName: 'ann', emails: [], externalIds: [] }],
    memberships: [{ groupId: 'g1', userId: 'u1' }],
  };
  return {
    etag: 'etag-1',
    storedAt: '2026-11-27T12:00:00.000Z',
    snapshot,
    resolution: {
      accountOwners: {
        '111111111111': { source: 'default', resolvable: true, ref: 'g' },
      },
      unitOwners: {},
      principals: {
        g1: { type: 'GROUP', id: 'g1', name: 'Admins', ref: 'group:x/a' },
      },
      unmappedPrincipals: [],
    },
  };
}

/** Each case breaks a fresh envelope in one place (or several). */
const broken: Array<[string, (e: any) => unknown]> = [
  ['not an object', () => 'html'],
  ['an array', () => []],
  ['no resolution', e => ({ ...e, resolution: undefined })],
  ['schema version 2', e => ({ ...e, snapshot: { schemaVersion: 2 } })],
  [
    'an empty snapshot',
    () => ({ snapshot: { schemaVersion: 1 }, resolution: {} }),
  ],
];
/** Cases that change one or more fields of the envelope. */
const edits: Array<[string, (e: any) => void]> = [
  [
    'an account state',
    e => {
      e.snapshot.accounts[0].state = 'GONE';
    },
  ],
  [
    'accounts not a list',
    e => {
      e.snapshot.accounts = {};
    },
  ],
  [
    'an account not an object',
    e => {
      e.snapshot.accounts[1] = 7;
    },
  ],
  [
    'a tag value',
    e => {
      e.snapshot.accounts[0].tags = { a: 1 };
    },
  ],
  [
    'identity center status',
    e => {
      e.snapshot.identityCenter = { status: 'gone' };
    },
  ],
  [
    'an assignment principal type',
    e => {
      e.snapshot.identityCenter.assignments[0].principalType = 'ROLE';
    },
  ],
  [
    'a membership',
    e => {
      e.snapshot.identityCenter.memberships[0] = {};
    },
  ],
  [
    'an owner',
    e => {
      e.resolution.accountOwners['111111111111'] = 1;
    },
  ],
  [
    'a principal',
    e => {
      e.resolution.principals.g1.type = 'ROBOT';
    },
  ],
  [
    'optional RCPs of a wrong shape',
    e => {
      e.snapshot.resourceControlPolicies = 3;
    },
  ],
  [
    'several places at once',
    e => {
      e.snapshot.accounts[0].state = 'GONE';
      delete e.snapshot.readAt;
      e.resolution.unmappedPrincipals = null;
    },
  ],
];
for (const [name, edit] of edits) {
  broken.push([
    name,
    e => {
      edit(e);
      return e;
    },
  ]);
}

describe('validateWithoutCopy', () => {
  it('accepts what zod accepts and returns the value itself, not a copy', () => {
    const value = envelope();
    expect(value.snapshot.identityCenter.status).toBe('available');
    const result = validateWithoutCopy(snapshotEnvelopeSchema, value);
    expect(result.success).toBe(true);
    expect(result.success && result.data).toBe(value);
    const { snapshot, resolution } = value;
    const stored = { snapshot, resolution };
    const storedResult = validateWithoutCopy(storedSnapshotSchema, stored);
    expect(storedResult.success && storedResult.data).toBe(stored);
  });

  it.each(broken)('reports the issues zod reports: %s', (_name, breakIt) => {
    const value = breakIt(envelope());
    const zod = snapshotEnvelopeSchema.safeParse(value);
    const mine = validateWithoutCopy(snapshotEnvelopeSchema, value);
    expect(zod.success).toBe(false);
    expect(mine.success).toBe(false);
    if (zod.success || mine.success) return;
    expect(mine.error.issues).toEqual(zod.error.issues);
    expect(mine.error).toBeInstanceOf(z.ZodError);
  });

  it('leaves strict objects and checked values to zod', () => {
    const strict = z.strictObject({ a: z.array(z.string()).min(2) });
    for (const value of [{ a: ['x'] }, { a: ['x', 'y'], b: 1 }]) {
      const zod = strict.safeParse(value);
      const mine = validateWithoutCopy(strict, value);
      expect(mine.success).toBe(false);
      if (zod.success || mine.success) throw new Error('expected issues');
      expect(mine.error.issues).toEqual(zod.error.issues);
    }
  });
});

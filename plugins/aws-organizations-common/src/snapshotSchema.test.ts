import { SnapshotEnvelope } from './api';
import { testSnapshot } from './scp/__testUtils__/snapshot';
import {
  describeSchemaIssues,
  snapshotEnvelopeSchema,
  storedSnapshotSchema,
} from './snapshotSchema';

function envelope(): SnapshotEnvelope {
  return {
    etag: 'etag-1',
    storedAt: '2026-11-27T12:00:00.000Z',
    snapshot: testSnapshot(),
    resolution: {
      accountOwners: {
        '111111111111': {
          source: 'default',
          resolvable: true,
          ref: 'group:default/platform',
        },
      },
      unitOwners: {},
      principals: {
        g1: {
          type: 'GROUP',
          id: 'g1',
          name: 'Admins',
          ref: 'group:default/admins',
        },
      },
      unmappedPrincipals: [],
    },
  };
}

function issuesOf(value: unknown): string {
  const parsed = snapshotEnvelopeSchema.safeParse(value);
  if (parsed.success) {
    throw new Error('expected the envelope to be rejected');
  }
  return describeSchemaIssues(parsed.error);
}

describe('snapshotEnvelopeSchema', () => {
  it('accepts an envelope and keeps fields it does not know', () => {
    const value = envelope();
    (value.snapshot as unknown as Record<string, unknown>).addedLater = {
      x: 1,
    };
    const parsed = snapshotEnvelopeSchema.parse(value);
    expect(parsed).toEqual(value);
    expect(
      (parsed.snapshot as unknown as Record<string, unknown>).addedLater,
    ).toEqual({ x: 1 });
  });

  it('accepts the roles part, an account known or unknown, and rejects a role without its trust policy', () => {
    const value = envelope();
    value.snapshot.iam = {
      accounts: {
        '111111111111': {
          status: 'known',
          source: 'config-aggregator',
          roles: [
            {
              arn: 'arn:aws:iam::111111111111:role/DevOps',
              name: 'DevOps',
              path: '/',
              trustPolicy:
                '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},"Action":"sts:AssumeRole"}]}',
              attachedPolicies: [
                {
                  arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
                  name: 'ReadOnlyAccess',
                },
              ],
              inlinePolicies: [],
              permissionsBoundary: null,
              lastUsed: { unknown: true, reason: 'not in the source' },
            },
          ],
          users: [],
        },
        '222222222222': { status: 'unknown', reason: 'AccessDenied' },
      },
      managedPolicies: [],
    };
    expect(snapshotEnvelopeSchema.parse(value)).toEqual(value);

    const known = value.snapshot.iam.accounts['111111111111'];
    if (known.status !== 'known') throw new Error('expected known');
    delete (known.roles[0] as Partial<(typeof known.roles)[0]>).trustPolicy;
    expect(issuesOf(value)).toContain(
      'snapshot.iam.accounts.111111111111.roles.0.trustPolicy',
    );
  });

  it('accepts RCPs, known or unknown, and the other policy types', () => {
    const value = envelope();
    const policy = {
      ...value.snapshot.policies[0],
      id: 'p-tags',
      type: 'TAG_POLICY',
    };
    value.snapshot.rootPolicyTypes = [
      { type: 'TAG_POLICY', status: 'ENABLED' },
      { type: 'BACKUP_POLICY', status: 'PENDING_ENABLE' },
    ];
    value.snapshot.resourceControlPolicies = { unknown: true, reason: 'x' };
    value.snapshot.otherPolicyTypes = [
      { type: 'TAG_POLICY', policies: [policy] },
      { type: 'BACKUP_POLICY', policies: { unknown: true, reason: 'y' } },
    ];
    expect(snapshotEnvelopeSchema.parse(value)).toEqual(value);
    value.snapshot.resourceControlPolicies = [value.snapshot.policies[0]];
    expect(snapshotEnvelopeSchema.parse(value)).toEqual(value);
    (
      value.snapshot.otherPolicyTypes[0].policies as { targets: unknown }[]
    )[0].targets = 'none';
    expect(issuesOf(value)).toMatch(/^snapshot\.otherPolicyTypes\.0\.policies/);
  });

  it('names an unsupported schema version', () => {
    expect(issuesOf({ ...envelope(), snapshot: { schemaVersion: 2 } })).toMatch(
      /^snapshot\.schemaVersion: unsupported snapshot schemaVersion 2/,
    );
  });

  it('names the path of what is wrong deep inside', () => {
    const value = envelope();
    (value.snapshot.accounts[0] as { state: string }).state = 'GONE';
    expect(issuesOf(value)).toMatch(/^snapshot\.accounts\.0\.state: /);
  });

  it('rejects a body without a resolution and a body that is no object', () => {
    const { resolution: _, ...withoutResolution } = envelope();
    expect(issuesOf(withoutResolution)).toMatch(/^resolution: /);
    expect(issuesOf('html')).toMatch(/expected object/);
  });

  it('lists at most five issues and counts the rest', () => {
    expect(
      issuesOf({ snapshot: { schemaVersion: 1 }, resolution: {} }),
    ).toMatch(/^etag: (.*; ){4}.*\(and \d+ more\)$/);
  });

  it('validates the stored pair without etag', () => {
    const { snapshot, resolution } = envelope();
    expect(storedSnapshotSchema.parse({ snapshot, resolution })).toEqual({
      snapshot,
      resolution,
    });
  });
});

describe('the signals part', () => {
  const signals = () => ({
    sources: {
      'security-hub': {
        status: 'connected',
        accountId: '502834119477',
        region: 'us-east-1',
        calls: 5,
      },
      'access-analyzer': {
        status: 'not-connected',
        reason: 'denied',
        message: 'ListAnalyzers was denied',
      },
      config: { status: 'not-connected', reason: 'off', message: 'off' },
      cloudtrail: { status: 'not-connected', reason: 'off', message: 'off' },
    },
    serviceAccess: [
      {
        servicePrincipal: 'securityhub.amazonaws.com',
        enabledOrganizationWide: true,
        delegatedAdministrators: { unknown: true, reason: 'denied' },
      },
    ],
    findings: {
      '111111111111': {
        byOrigin: {
          'security-hub': {
            CRITICAL: 1,
            HIGH: 0,
            MEDIUM: 0,
            LOW: 0,
            INFORMATIONAL: 0,
          },
        },
        agedCriticalHigh: [{ days: 30, count: 1 }],
      },
    },
    config: {},
    organizationTrail: { unknown: true, reason: 'off' },
  });

  it('passes a snapshot with signals and rejects a source without a status it knows', () => {
    const good = envelope();
    good.snapshot.signals = signals() as never;
    expect(snapshotEnvelopeSchema.safeParse(good).success).toBe(true);
    const bad = envelope();
    const value = signals();
    (value.sources as any).config = {
      status: 'not-connected',
      reason: 'later',
    };
    (value.findings['111111111111'].byOrigin as any)['guard-duty'] = {};
    bad.snapshot.signals = value as never;
    const issues = issuesOf(bad);
    expect(issues).toContain('snapshot.signals.sources.config');
    expect(issues).toContain('snapshot.signals.findings.111111111111.byOrigin');
  });
});

import {
  fakeReport,
  governanceResolution,
  governanceSnapshot,
} from '../__testUtils__/governance';
import { accountDetail } from './accountDetail';
import { buildGovernanceIndex } from './buildGovernanceIndex';

const report = fakeReport({ '222222222222': { a: 'fail' } });

describe('accountDetail', () => {
  it('describes an account with its links, owner and compliance', () => {
    const index = buildGovernanceIndex(
      governanceSnapshot(),
      governanceResolution(),
    );
    expect(accountDetail(index, report, '222222222222')).toEqual({
      id: '222222222222',
      name: 'payments-dev',
      email: 'payments-dev@example.com',
      state: 'ACTIVE',
      parentId: 'ou-dev',
      path: [
        { id: 'r-root', name: 'Root' },
        { id: 'ou-dev', name: 'Dev' },
      ],
      owner: {
        ref: 'group:default/payments',
        source: 'account-tag',
        resolvable: true,
      },
      compliance: {
        status: 'fail',
        counts: { pass: 0, fail: 1, warn: 0, unknown: 0 },
        failingRules: ['a'],
      },
      entityRef: 'resource:default/aws-account-222222222222',
      arn: 'arn:aws:organizations::111111111111:account/o-test/222222222222',
      joinedMethod: 'CREATED',
      joinedTimestamp: '2024-01-01T00:00:00.000Z',
      tags: { owner: 'payments' },
      organizationId: 'o-test',
      isManagementAccount: false,
      accessPortalUrl: 'https://d-test.awsapps.com/start',
      consoleUrl: 'https://222222222222.signin.aws.amazon.com/console',
    });
  });

  it('flags the management account', () => {
    const index = buildGovernanceIndex(
      governanceSnapshot(),
      governanceResolution(),
    );
    const detail = accountDetail(index, report, '111111111111')!;
    expect(detail.isManagementAccount).toBe(true);
    expect(detail.compliance.status).toBe('unknown');
  });

  it('gives null tags when they are unknown and no portal without Identity Center', () => {
    const snapshot = governanceSnapshot();
    snapshot.accounts[1].tags = { unknown: true, reason: 'AccessDenied' };
    snapshot.identityCenter = { status: 'unavailable', reason: 'AccessDenied' };
    const detail = accountDetail(
      buildGovernanceIndex(snapshot, governanceResolution()),
      report,
      '222222222222',
    )!;
    expect(detail.tags).toBeNull();
    expect(detail).not.toHaveProperty('accessPortalUrl');
  });

  it('is undefined for an account the snapshot lacks', () => {
    const index = buildGovernanceIndex(
      governanceSnapshot(),
      governanceResolution(),
    );
    expect(accountDetail(index, report, '999999999999')).toBeUndefined();
  });
});

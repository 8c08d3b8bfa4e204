import { CHANGE_KINDS } from './api';
import { COMPLIANCE_STATUSES } from './governanceApi';
import {
  accountsQuerySchema,
  changesQuerySchema,
  simulationRequestSchema,
} from './querySchemas';
import { ACCOUNT_STATES } from './snapshot';

describe('query schemas', () => {
  it('accept every account state and compliance status, nothing else', () => {
    for (const state of ACCOUNT_STATES) {
      expect(accountsQuerySchema.parse({ state })).toEqual({ state });
    }
    for (const compliance of COMPLIANCE_STATUSES) {
      expect(accountsQuerySchema.parse({ compliance })).toEqual({ compliance });
    }
    expect(accountsQuerySchema.safeParse({ state: 'active' }).success).toBe(
      false,
    );
    expect(
      accountsQuerySchema.safeParse({ compliance: 'failed' }).success,
    ).toBe(false);
  });

  it('turn query strings into values', () => {
    expect(
      accountsQuerySchema.parse({
        owner: 'Payments',
        offset: '10',
        limit: '5',
      }),
    ).toEqual({ owner: 'group:default/payments', offset: 10, limit: 5 });
    expect(
      changesQuerySchema.parse({
        kind: 'scp.edited,ou.moved',
        since: '2026-01-02',
      }),
    ).toEqual({
      kind: ['scp.edited', 'ou.moved'],
      since: new Date('2026-01-02'),
    });
  });

  it('accept every change kind', () => {
    expect(changesQuerySchema.parse({ kind: [...CHANGE_KINDS] }).kind).toEqual(
      CHANGE_KINDS,
    );
    expect(changesQuerySchema.safeParse({ kind: 'scp.renamed' }).success).toBe(
      false,
    );
  });

  it('check account ids as isValidAwsAccountId does', () => {
    expect(
      changesQuerySchema.safeParse({ accountId: '12345678901' }).success,
    ).toBe(false);
    expect(
      simulationRequestSchema.safeParse({
        accountId: '１２３４５６７８９０１２',
        action: 'iam:CreateUser',
      }).success,
    ).toBe(false);
    expect(
      simulationRequestSchema.parse({
        accountId: '123456789012',
        action: 'iam:CreateUser',
      }),
    ).toEqual({ accountId: '123456789012', action: 'iam:CreateUser' });
  });
});

import {
  awsAccountConditions,
  isAccountOwner,
  isAccountReviewer,
  matchesAwsAccountQuery,
} from '.';

describe('account permission rules', () => {
  const payments = {
    accountId: '724108355203',
    ownerRef: 'group:default/payments',
  };
  const unowned = { accountId: '724108355299' };

  it('isAccountOwner applies to the owner only, refs compared case-insensitively', () => {
    const claims = ['user:default/priya.patel', 'Group:default/Payments'];
    expect(isAccountOwner.apply(payments, { claims })).toBe(true);
    expect(
      isAccountOwner.apply(payments, { claims: ['group:default/platform'] }),
    ).toBe(false);
    expect(isAccountOwner.apply(unowned, { claims })).toBe(false);
  });

  it('toQuery filters lists the same way as apply', () => {
    const query = isAccountOwner.toQuery!({
      claims: ['Group:default/Payments'],
    });
    expect(matchesAwsAccountQuery(payments, query)).toBe(true);
    expect(matchesAwsAccountQuery(unowned, query)).toBe(false);
    expect(
      matchesAwsAccountQuery(payments, {
        property: 'accountId',
        values: ['724108355203'],
      }),
    ).toBe(true);
    expect(matchesAwsAccountQuery(payments, { not: query })).toBe(false);
    expect(
      matchesAwsAccountQuery(unowned, {
        anyOf: [query, { property: 'accountId', values: ['724108355299'] }],
      }),
    ).toBe(true);
    expect(
      matchesAwsAccountQuery(payments, {
        allOf: [query, { property: 'accountId', values: ['724108355299'] }],
      }),
    ).toBe(false);
  });

  it('builds conditions for policies', () => {
    expect(
      awsAccountConditions.isAccountOwner({ claims: ['group:default/a'] }),
    ).toEqual({
      rule: 'IS_ACCOUNT_OWNER',
      resourceType: 'aws-organizations-account',
      params: { claims: ['group:default/a'] },
    });
  });
});

describe('isAccountReviewer', () => {
  const handed = {
    accountId: '724108355203',
    ownerRef: 'group:default/payments',
    reviewerRefs: ['group:default/payments', 'group:default/platform'],
  };

  it('admits the teams holding pending review items, by apply and by query alike', () => {
    const platform = {
      claims: ['user:default/guest', 'Group:default/Platform'],
    };
    const other = { claims: ['group:default/security'] };
    expect(isAccountReviewer.apply(handed, platform)).toBe(true);
    expect(isAccountReviewer.apply(handed, other)).toBe(false);
    expect(isAccountReviewer.apply({ accountId: '1' }, platform)).toBe(false);
    expect(
      matchesAwsAccountQuery(handed, isAccountReviewer.toQuery!(platform)),
    ).toBe(true);
    expect(
      matchesAwsAccountQuery(handed, isAccountReviewer.toQuery!(other)),
    ).toBe(false);
  });
});

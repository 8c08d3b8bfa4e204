import { DEFAULT_READER_CONCURRENCY, resolveRateLimits } from './rateLimit';

describe('resolveRateLimits', () => {
  it('makes one Identity Center budget for SSO Admin and the Identity Store by default, without caps', () => {
    expect(resolveRateLimits()).toEqual({
      budgets: [
        { name: 'organizations', services: ['organizations'] },
        { name: 'identityCenter', services: ['ssoAdmin', 'identityStore'] },
        { name: 'iam', services: ['iam'] },
        { name: 'sts', services: ['sts'] },
        { name: 'config', services: ['config'] },
        { name: 'securityHub', services: ['securityHub'] },
        { name: 'accessAnalyzer', services: ['accessAnalyzer'] },
        { name: 'cloudTrail', services: ['cloudTrail'] },
      ],
      concurrency: DEFAULT_READER_CONCURRENCY,
    });
  });

  it('caps the shared budget', () => {
    const { budgets } = resolveRateLimits({
      identityCenter: { tps: 12, burst: 4 },
    });
    expect(budgets[1]).toEqual({
      name: 'identityCenter',
      services: ['ssoAdmin', 'identityStore'],
      cap: 12,
      burst: 4,
    });
  });

  it('gives IAM, STS and Config a budget each, capped and bounded as configured', () => {
    const { budgets, concurrency } = resolveRateLimits({
      iam: { tps: 5, concurrency: 2 },
    });
    expect(budgets.find(b => b.name === 'iam')).toEqual({
      name: 'iam',
      services: ['iam'],
      cap: 5,
    });
    expect(concurrency.iam).toBe(2);
    expect(concurrency.sts).toBe(DEFAULT_READER_CONCURRENCY.sts);
  });

  it('gives SSO Admin and the Identity Store their own budgets when either is configured apart', () => {
    const { budgets, concurrency } = resolveRateLimits({
      identityCenter: { tps: 12 },
      ssoAdmin: { tps: 8, concurrency: 4 },
    });
    expect(budgets.slice(1, 3)).toEqual([
      { name: 'ssoAdmin', services: ['ssoAdmin'], cap: 8 },
      { name: 'identityStore', services: ['identityStore'], cap: 12 },
    ]);
    expect(concurrency.ssoAdmin).toBe(4);
    expect(concurrency.identityStore).toBe(
      DEFAULT_READER_CONCURRENCY.identityStore,
    );
  });

  it('rejects a bound that is not positive', () => {
    expect(() => resolveRateLimits({ ssoAdmin: { concurrency: 0 } })).toThrow(
      'Invalid rate limit ssoAdmin.concurrency: 0 must be a positive number',
    );
  });
});

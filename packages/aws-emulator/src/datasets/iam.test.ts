import { accountIam, countIam } from '../state/iam';
import { buildDataset } from '.';
import { GENERATED_ROLES_PER_ACCOUNT } from './generatedIam';
import { IAM_READER_ROLE } from './iamCommon';

const trustOf = (doc: string) => JSON.parse(doc).Statement[0];

describe('IAM of the data sets', () => {
  const demo = buildDataset('demo');
  const roles = (accountId: string) => accountIam(demo, accountId)?.roles ?? [];

  it('has the documented demo roles', () => {
    const devOps = roles('724108355203').find(r => r.name === 'DevOps')!;
    expect(trustOf(devOps.trustPolicy).Principal.AWS).toBe(
      'arn:aws:iam::613457820020:root',
    );
    const vendor = roles('768842799603').find(
      r => r.name === 'DatadogIntegration',
    )!;
    expect(trustOf(vendor.trustPolicy).Condition.StringEquals).toHaveProperty(
      'sts:ExternalId',
    );
    const contractor = roles('735519466303').find(
      r => r.name === 'VendorSupportAccess',
    )!;
    expect(trustOf(contractor.trustPolicy).Condition).toBeUndefined();
    const legacy = roles('768842799603').find(
      r => r.name === 'LegacyEtlRunner',
    )!;
    expect(legacy.lastUsed!.date.getFullYear()).toBe(2023);
    const user = accountIam(demo, '724108355201')!.users[0];
    expect(user.name).toBe('ci-legacy-deployer');
    expect(user.accessKeys.filter(k => k.status === 'Active')).toHaveLength(1);
  });

  it('gives every active account an AWSReservedSSO_ role per provisioned permission set, trusting the SAML provider', () => {
    const ic = demo.identityCenter!;
    for (const set of ic.permissionSets.values()) {
      for (const accountId of set.provisionedTo) {
        if (demo.accounts.get(accountId)!.state !== 'ACTIVE') continue;
        const role = roles(accountId).find(r =>
          r.name.startsWith(`AWSReservedSSO_${set.name}_`),
        );
        expect(role?.path).toBe('/aws-reserved/sso.amazonaws.com/');
        expect(trustOf(role!.trustPolicy).Principal.Federated).toMatch(
          new RegExp(`^arn:aws:iam::${accountId}:saml-provider/AWSSSO_`),
        );
        // People sign in with their sets: used within the last week, so the
        // demo's accounts are not all "roles unused" whatever today is.
        const age = Date.now() - role!.lastUsed!.date.getTime();
        expect(age).toBeLessThan(7 * 86_400_000);
      }
    }
    expect(accountIam(demo, '890064911801')).toBeUndefined();
  });

  it('generates 30 roles per active account deterministically, without storing them', () => {
    const s = buildDataset('S', 3);
    const again = buildDataset('S', 3);
    expect(s.iam!.accounts.size).toBe(0);
    const active = [...s.accounts.values()].filter(a => a.state === 'ACTIVE');
    for (const account of active) {
      const record = accountIam(s, account.id)!;
      expect(record.roles.length).toBeGreaterThanOrEqual(
        GENERATED_ROLES_PER_ACCOUNT,
      );
      expect(record.roles.some(r => r.name === IAM_READER_ROLE.name)).toBe(
        true,
      );
      expect(record).toEqual(accountIam(again, account.id));
    }
    expect(countIam(s).users).toBeGreaterThan(0);
  });
});

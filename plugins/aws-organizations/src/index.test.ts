import * as legacy from './index';

describe('legacy exports', () => {
  it('exports the plugin, its routable page and every component extension', () => {
    expect(legacy.awsOrganizationsPlugin.getId()).toBe('aws-organizations');
    const extensions = [
      'AwsOrganizationsExplorerPage',
      'EntityAwsAccountContent',
      'EntityAwsAccountOverviewContent',
      'EntityAwsAccountGuardrailsContent',
      'EntityAwsAccountAccessContent',
      'EntityAwsAccountComplianceContent',
      'EntityAwsAccountHistoryContent',
      'EntityAwsAccountNotFound',
      'EntityAwsOrganizationalUnitContent',
      'EntityAwsServiceControlPolicyContent',
      'EntityAwsPermissionSetContent',
      'EntityAwsAccountComplianceCard',
      'EntityAwsServiceAccountsCard',
      'EntityAwsGroupAccountsCard',
      'EntityAwsGroupComplianceCard',
      'EntityAwsUserAccessCard',
    ] as const;
    for (const name of extensions) {
      expect(typeof legacy[name]).toBe('function');
    }
    expect(legacy.awsOrganizationsPlugin.routes.root).toBeDefined();
    expect(legacy.awsOrganizationsApiRef.id).toBe(
      'plugin.aws-organizations.service',
    );
  });

  it('exports entity predicates for EntitySwitch', () => {
    const account = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'aws-account-123456789012',
        annotations: { 'amazonaws.com/account-id': '123456789012' },
      },
      spec: { type: 'cloud-account' },
    };
    const service = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'payments-api',
        annotations: { 'amazonaws.com/account-id': '123456789012' },
      },
      spec: { type: 'service' },
    };
    expect(legacy.isAwsAccountEntity(account)).toBe(true);
    expect(legacy.isAwsAccountEntity(service)).toBe(false);
    expect(legacy.isAwsAccountWorkloadEntity(service)).toBe(true);
    expect(legacy.isAwsAccountWorkloadEntity(account)).toBe(false);
    const types: [keyof typeof legacy, string][] = [
      ['isAwsOrganizationalUnitEntity', 'aws-organizational-unit'],
      ['isAwsOrganizationRootEntity', 'aws-organization-root'],
      ['isAwsServiceControlPolicyEntity', 'aws-service-control-policy'],
      ['isAwsPermissionSetEntity', 'aws-permission-set'],
    ];
    for (const [predicate, type] of types) {
      const check = legacy[predicate] as (e: typeof account) => boolean;
      expect(check({ ...account, spec: { type } })).toBe(true);
      expect(check(account)).toBe(false);
    }
  });
});

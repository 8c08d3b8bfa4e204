import { ConfigReader } from '@backstage/config';
import { AwsComplianceRule } from '../compliance/types';
import { readAwsOrganizationsComplianceConfig } from './compliance';

/** An account rule with a number and a list parameter, and a range check. */
const tagRule: AwsComplianceRule = {
  id: 'tag-count',
  level: 'account',
  title: 'Accounts carry enough tags',
  severity: 'low',
  rationale: 'Tags say who pays.',
  remediation: 'Tag the account.',
  defaultParameters: { minTags: 1, requiredKeys: ['owner'] },
  validateParameters: ({ minTags }) =>
    (minTags as number) > 50
      ? [{ parameter: 'minTags', message: 'must be at most 50' }]
      : [],
  evaluate: () => ({ status: 'pass', message: 'ok' }),
};

const orgRule: AwsComplianceRule = {
  id: 'org-wide',
  level: 'organization',
  title: 'Organization-wide',
  severity: 'high',
  rationale: 'r',
  remediation: 'r',
  defaultParameters: {},
  evaluate: () => ({ status: 'pass', message: 'ok' }),
};

const read = (awsOrganizations: unknown) =>
  readAwsOrganizationsComplianceConfig(
    new ConfigReader({ awsOrganizations } as any),
    [tagRule, orgRule],
  );

describe('readAwsOrganizationsComplianceConfig', () => {
  it('reads nothing without the section, or without the plugin section', () => {
    expect(read(undefined)).toEqual({ rules: {} });
    expect(read({})).toEqual({ rules: {} });
    expect(read({ compliance: {} })).toEqual({ rules: {} });
  });

  it('reads the settings of a rule the backend has', () => {
    expect(
      read({
        compliance: {
          rules: {
            'tag-count': {
              enabled: false,
              severity: 'critical',
              scope: { accounts: ['123456789012'] },
              parameters: { minTags: 3 },
            },
          },
        },
      }),
    ).toEqual({
      rules: {
        'tag-count': {
          enabled: false,
          severity: 'critical',
          scope: { accounts: ['123456789012'] },
          parameters: { minTags: 3 },
        },
      },
    });
  });

  it.each([
    [{ compliance: 'strict' }, 'awsOrganizations.compliance'],
    [{ compliance: { rules: 'all' } }, 'awsOrganizations.compliance.rules'],
    [
      { compliance: { rules: { nope: {} } } },
      'awsOrganizations.compliance.rules.nope: unknown rule "nope"; known rules: tag-count, org-wide',
    ],
    [
      { compliance: { rules: { 'tag-count': true } } },
      'awsOrganizations.compliance.rules.tag-count: must be an object, got boolean true',
    ],
    [
      { compliance: { rules: { 'tag-count': { severity: 'urgent' } } } },
      'awsOrganizations.compliance.rules.tag-count.severity: must be one of critical, high, medium, low, got string "urgent"',
    ],
    [
      {
        compliance: { rules: { 'tag-count': { parameters: { minTags: 99 } } } },
      },
      'awsOrganizations.compliance.rules.tag-count.parameters.minTags: must be at most 50',
    ],
    [
      {
        compliance: {
          rules: { 'tag-count': { parameters: { requiredKeys: 'owner' } } },
        },
      },
      'awsOrganizations.compliance.rules.tag-count.parameters.requiredKeys: must be a list of strings, got string "owner"',
    ],
    [
      {
        compliance: {
          rules: { 'tag-count': { scope: { excludeAccounts: ['12'] } } },
        },
      },
      'awsOrganizations.compliance.rules.tag-count.scope.excludeAccounts: "12" is not a 12-digit account id',
    ],
    [
      { compliance: { rules: { 'org-wide': { scope: { accounts: [] } } } } },
      'awsOrganizations.compliance.rules.org-wide.scope: org-wide is an organization-level rule',
    ],
  ])('rejects %j naming the full key', (settings, message) => {
    expect(() => read(settings)).toThrow(`Invalid config at ${message}`);
  });
});

import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readAwsOrganizationsComplianceConfig as readComplianceConfig } from '@aws-governance/plugin-aws-organizations-node';
import { builtInComplianceRules } from './rules';

const read = (rules: unknown) =>
  readComplianceConfig(
    new ConfigReader({ awsOrganizations: { compliance: { rules } } } as any),
    builtInComplianceRules,
  );

describe('readComplianceConfig', () => {
  it('reads nothing when the block is absent', () => {
    expect(
      readComplianceConfig(new ConfigReader({}), builtInComplianceRules),
    ).toEqual({ rules: {} });
  });

  it('reads enabled, severity, scope and parameters', () => {
    expect(
      read({
        'privileged-session-duration': {
          severity: 'high',
          parameters: { maxHours: 2 },
          scope: {
            organizationalUnits: ['Workloads'],
            excludeAccounts: ['123456789012'],
          },
        },
        'regions-restricted': {
          enabled: false,
          parameters: { approvedRegions: ['eu-*'] },
        },
      }),
    ).toEqual({
      rules: {
        'privileged-session-duration': {
          enabled: true,
          severity: 'high',
          parameters: { maxHours: 2 },
          scope: {
            organizationalUnits: ['Workloads'],
            excludeAccounts: ['123456789012'],
          },
        },
        'regions-restricted': {
          enabled: false,
          parameters: { approvedRegions: ['eu-*'] },
        },
      },
    });
  });

  it.each([
    [
      { 'no-such-rule': {} },
      'awsOrganizations.compliance.rules.no-such-rule: unknown rule "no-such-rule"',
    ],
    [
      { 'owner-resolvable': { severity: 'urgent' } },
      'awsOrganizations.compliance.rules.owner-resolvable.severity: must be one of critical, high, medium, low, got string "urgent"',
    ],
    [
      { 'owner-resolvable': { enabled: 'yes' } },
      'awsOrganizations.compliance.rules.owner-resolvable.enabled: must be a boolean',
    ],
    [
      { 'privileged-session-duration': { parameters: { maxHours: 'two' } } },
      'awsOrganizations.compliance.rules.privileged-session-duration.parameters.maxHours: must be a number, got string "two"',
    ],
    [
      { 'privileged-session-duration': { parameters: { maxHours: 48 } } },
      'awsOrganizations.compliance.rules.privileged-session-duration.parameters.maxHours: must be between 0 and 12 hours',
    ],
    [
      {
        'privileged-session-duration': {
          parameters: { privilegeLevels: ['root'] },
        },
      },
      'awsOrganizations.compliance.rules.privileged-session-duration.parameters.privilegeLevels: "root" is not a privilege level',
    ],
    [
      { 'regions-restricted': { parameters: { approvedRegions: 'eu-*' } } },
      'awsOrganizations.compliance.rules.regions-restricted.parameters.approvedRegions: must be a list of strings',
    ],
    [
      { 'regions-restricted': { parameters: { regionz: [] } } },
      'awsOrganizations.compliance.rules.regions-restricted.parameters.regionz: regions-restricted has no parameter "regionz"',
    ],
    [
      { 'regions-restricted': { scope: { accounts: ['42'] } } },
      'awsOrganizations.compliance.rules.regions-restricted.scope.accounts: "42" is not a 12-digit account id',
    ],
    [
      { 'regions-restricted': { scope: { units: ['x'] } } },
      'awsOrganizations.compliance.rules.regions-restricted.scope.units: unknown field',
    ],
    [
      {
        'security-logging-account': {
          scope: { accounts: ['123456789012'] },
        },
      },
      'awsOrganizations.compliance.rules.security-logging-account.scope: security-logging-account is an organization-level rule',
    ],
    [
      { 'owner-resolvable': { severty: 'low' } },
      'awsOrganizations.compliance.rules.owner-resolvable.severty: unknown field',
    ],
  ])('rejects %j naming the key', (rules, message) => {
    let error: unknown;
    try {
      read(rules);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(`Invalid config at ${message}`);
  });
});

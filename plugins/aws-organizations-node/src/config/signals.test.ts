import { ConfigReader } from '@backstage/config';
import { readAwsOrganizationsReaderConfig } from './reader';

const read = (awsOrganizations: unknown) =>
  readAwsOrganizationsReaderConfig(
    new ConfigReader({ awsOrganizations } as any),
  ).signals;

const ROLE = {
  accountId: '502834119477',
  roleName: 'BackstageIamReader',
  externalId: 'x',
};

describe('awsOrganizations.signals', () => {
  it('is off without sources, and each source is on by itself', () => {
    expect(read({})).toBeUndefined();
    expect(read({ signals: { agedFindingDays: [30] } })).toBeUndefined();
    expect(read({ region: 'eu-west-1', signals: { cloudTrail: {} } })).toEqual({
      cloudTrail: { region: 'eu-west-1' },
      agedFindingDays: [30],
    });
    expect(
      read({
        signals: {
          securityHub: { ...ROLE, region: 'us-east-2' },
          accessAnalyzer: { ...ROLE, enabled: false },
          config: { aggregatorName: 'acme-organization' },
          agedFindingDays: [90, 30],
        },
      }),
    ).toEqual({
      securityHub: { ...ROLE, region: 'us-east-2' },
      config: { aggregatorName: 'acme-organization', region: 'us-east-1' },
      agedFindingDays: [30, 90],
    });
  });

  it.each([
    [
      { securityHub: { region: 'mars-1' } },
      'awsOrganizations.signals.securityHub.region',
    ],
    [
      { securityHub: { accountId: '12' } },
      'awsOrganizations.signals.securityHub.accountId',
    ],
    [
      { accessAnalyzer: { accountId: '502834119477' } },
      'awsOrganizations.signals.accessAnalyzer.roleName',
    ],
    [
      { cloudTrail: { externalId: 'x' } },
      'awsOrganizations.signals.cloudTrail.externalId',
    ],
    [{ config: {} }, 'awsOrganizations.signals.config.aggregatorName'],
    [
      { config: { aggregatorName: 'a b' } },
      'awsOrganizations.signals.config.aggregatorName',
    ],
    [
      { securityHub: { aggregatorName: 'x' } },
      'awsOrganizations.signals.securityHub.aggregatorName',
    ],
    [{ guardDuty: {} }, 'awsOrganizations.signals.guardDuty'],
    [
      { cloudTrail: {}, agedFindingDays: [0] },
      'awsOrganizations.signals.agedFindingDays',
    ],
    [
      { cloudTrail: {}, agedFindingDays: [1, 2, 3, 4] },
      'awsOrganizations.signals.agedFindingDays',
    ],
    [
      { cloudTrail: { enabled: 3 } },
      'awsOrganizations.signals.cloudTrail.enabled',
    ],
  ])('stops startup naming the key: %j', (signals, key) => {
    expect(() => read({ signals })).toThrow(`Invalid config at ${key}`);
  });

  it('reads the endpoints and budgets of the signal services', () => {
    const config = readAwsOrganizationsReaderConfig(
      new ConfigReader({
        awsOrganizations: {
          endpoints: { securityHub: 'http://127.0.0.1:4566/' },
          rateLimits: { securityHub: { tps: 3 } },
        },
      }),
    );
    expect(config.endpoints.securityHub).toBe('http://127.0.0.1:4566');
    expect(config.rateLimits.securityHub).toEqual({ tps: 3 });
  });
});

import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_RESOLUTION_SCHEDULE,
  DEFAULT_SCHEDULE,
  readAwsOrganizationsBackendConfig,
} from './config';
import { pluginConfig, startPlugin } from './__testUtils__/backend';

const withSettings = (settings: object) =>
  new ConfigReader({ awsOrganizations: { region: 'eu-west-1', ...settings } });

describe('readAwsOrganizationsBackendConfig', () => {
  it('applies the defaults', () => {
    const config = readAwsOrganizationsBackendConfig(withSettings({}));
    expect(config).toEqual({
      enabled: true,
      reader: expect.objectContaining({ region: 'eu-west-1' }),
      schedule: DEFAULT_SCHEDULE,
      ownership: {
        accountTagKey: 'owner',
        unitTagKey: 'owner',
        namespace: 'default',
        defaultOwner: undefined,
      },
      mapping: {
        groupRule: 'displayName',
        groupMap: {},
        externalIdAnnotation: undefined,
        userRule: 'userName',
      },
      history: { retentionDays: 365, maxEntries: undefined },
      resolutionSchedule: DEFAULT_RESOLUTION_SCHEDULE,
      catalogNamespace: 'default',
    });
  });

  it('reads the re-resolution schedule and the catalog namespace', () => {
    const config = readAwsOrganizationsBackendConfig(
      withSettings({
        resolution: {
          schedule: { frequency: { minutes: 10 }, timeout: 'PT1M' },
        },
        catalog: { namespace: 'aws' },
      }),
    );
    expect(config.resolutionSchedule).toMatchObject({
      frequency: { minutes: 10 },
    });
    expect(config.catalogNamespace).toBe('aws');
    expect(() =>
      readAwsOrganizationsBackendConfig(
        withSettings({ catalog: { namespace: 'Not A Namespace!' } }),
      ),
    ).toThrow(/awsOrganizations\.catalog\.namespace/);
    expect(() =>
      readAwsOrganizationsBackendConfig(
        withSettings({ resolution: { schedule: { frequency: 'often' } } }),
      ),
    ).toThrow(/awsOrganizations\.resolution\.schedule/);
  });

  it('reads every key', () => {
    const config = readAwsOrganizationsBackendConfig(
      withSettings({
        enabled: false,
        schedule: { frequency: { hours: 1 }, timeout: 'PT10M' },
        ownership: {
          accountTagKey: 'team',
          unitTagKey: 'ou-owner',
          defaultOwner: 'cloud',
          namespace: 'org',
        },
        identityCenter: {
          groupMapping: {
            rule: 'externalId',
            externalIdAnnotation: 'idp/id',
            map: { 'g-1': 'Group:Org/SRE' },
          },
          userMapping: { rule: 'email' },
        },
        history: { retentionDays: 30, maxEntries: 1000 },
      }),
    );
    expect(config.enabled).toBe(false);
    expect(config.schedule.frequency).toEqual({ hours: 1 });
    expect(config.ownership).toEqual({
      accountTagKey: 'team',
      unitTagKey: 'ou-owner',
      defaultOwner: 'group:org/cloud',
      namespace: 'org',
    });
    expect(config.mapping).toEqual({
      groupRule: 'externalId',
      groupMap: { 'g-1': 'group:org/sre' },
      externalIdAnnotation: 'idp/id',
      userRule: 'email',
    });
    expect(config.history).toEqual({ retentionDays: 30, maxEntries: 1000 });
  });
});

describe('config validation at startup', () => {
  it.each([
    [{ region: 'mars' }, 'awsOrganizations.region'],
    [{ enabled: 'sometimes' }, 'awsOrganizations.enabled'],
    [
      { schedule: { frequency: 'often', timeout: { minutes: 1 } } },
      'awsOrganizations.schedule',
    ],
    [{ schedule: { frequency: { minutes: 5 } } }, 'awsOrganizations.schedule'],
    [
      { ownership: { accountTagKey: '' } },
      'awsOrganizations.ownership.accountTagKey',
    ],
    [
      { ownership: { unitTagKey: 'a'.repeat(129) } },
      'awsOrganizations.ownership.unitTagKey',
    ],
    [
      { ownership: { defaultOwner: 'not a ref!' } },
      'awsOrganizations.ownership.defaultOwner',
    ],
    [
      { ownership: { namespace: 'Bad Namespace' } },
      'awsOrganizations.ownership.namespace',
    ],
    [
      { identityCenter: { groupMapping: { rule: 'magic' } } },
      'awsOrganizations.identityCenter.groupMapping.rule',
    ],
    [
      { identityCenter: { groupMapping: { rule: 'explicit' } } },
      'awsOrganizations.identityCenter.groupMapping.map',
    ],
    [
      { identityCenter: { groupMapping: { map: { g: 'bad ref!' } } } },
      'awsOrganizations.identityCenter.groupMapping.map.g',
    ],
    [
      { identityCenter: { groupMapping: { rule: 'externalId' } } },
      'awsOrganizations.identityCenter.groupMapping.externalIdAnnotation',
    ],
    [
      { identityCenter: { userMapping: { rule: 'phone' } } },
      'awsOrganizations.identityCenter.userMapping.rule',
    ],
    [
      { history: { retentionDays: 0 } },
      'awsOrganizations.history.retentionDays',
    ],
    [{ history: { maxEntries: 1.5 } }, 'awsOrganizations.history.maxEntries'],
  ])('stops startup on %j naming %s', async (settings, key) => {
    const config = pluginConfig(undefined, settings as any);
    await expect(startPlugin({ config })).rejects.toThrow(
      new RegExp(`${key.replace(/\./g, '\\.')}\\b`),
    );
  });

  it('needs the awsOrganizations key', () => {
    expect(() =>
      readAwsOrganizationsBackendConfig(new ConfigReader({})),
    ).toThrow(/awsOrganizations/);
  });
});

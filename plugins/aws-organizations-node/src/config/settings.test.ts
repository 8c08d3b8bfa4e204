import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_RESOLUTION_SCHEDULE,
  DEFAULT_REVIEWS_SCHEDULE,
  DEFAULT_SYNC_SCHEDULE,
  readAwsOrganizationsConfig,
} from './settings';
import { INVALID_SETTINGS } from './__testUtils__/invalidSettings';

const withSettings = (settings: object) =>
  new ConfigReader({ awsOrganizations: { region: 'eu-west-1', ...settings } });

describe('readAwsOrganizationsConfig', () => {
  it('applies the defaults', () => {
    const config = readAwsOrganizationsConfig(withSettings({}));
    expect(config).toEqual({
      enabled: true,
      reader: expect.objectContaining({ region: 'eu-west-1' }),
      schedule: DEFAULT_SYNC_SCHEDULE,
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
      reach: { maxDepth: 3 },
      reviews: {
        schedule: DEFAULT_REVIEWS_SCHEDULE,
        reminderDays: 7,
        revocationGraceDays: 7,
      },
      resolutionSchedule: DEFAULT_RESOLUTION_SCHEDULE,
      catalog: expect.objectContaining({ namespace: 'default' }),
      events: expect.objectContaining({ enabled: false }),
    });
  });

  it('reads the access reviews settings', () => {
    const config = readAwsOrganizationsConfig(
      withSettings({
        reviews: {
          schedule: { frequency: { minutes: 1 }, timeout: 'PT1M' },
          reminderDays: 3,
          revocationGraceDays: 14,
        },
      }),
    );
    expect(config.reviews).toMatchObject({
      schedule: { frequency: { minutes: 1 } },
      reminderDays: 3,
      revocationGraceDays: 14,
    });
    expect(() =>
      readAwsOrganizationsConfig(
        withSettings({ reviews: { reminderDays: 0 } }),
      ),
    ).toThrow('awsOrganizations.reviews.reminderDays');
  });

  it('reads the re-resolution schedule and the catalog namespace', () => {
    const config = readAwsOrganizationsConfig(
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
    expect(config.catalog.namespace).toBe('aws');
    expect(() =>
      readAwsOrganizationsConfig(
        withSettings({ catalog: { namespace: 'Not A Namespace!' } }),
      ),
    ).toThrow(/awsOrganizations\.catalog\.namespace/);
    expect(() =>
      readAwsOrganizationsConfig(
        withSettings({ resolution: { schedule: { frequency: 'often' } } }),
      ),
    ).toThrow(/awsOrganizations\.resolution\.schedule/);
  });

  it('reads every key', () => {
    const config = readAwsOrganizationsConfig(
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

  it.each(INVALID_SETTINGS)(
    'names the full key for %j: %s',
    (settings, key) => {
      expect(() => readAwsOrganizationsConfig(withSettings(settings))).toThrow(
        new RegExp(`^Invalid config at ${key.replace(/\./g, '\\.')}: `),
      );
    },
  );

  it('reads the role-hop depth of the reach index', () => {
    expect(
      readAwsOrganizationsConfig(withSettings({ reach: { maxDepth: 5 } }))
        .reach,
    ).toEqual({ maxDepth: 5 });
  });

  it('needs the awsOrganizations key', () => {
    expect(() => readAwsOrganizationsConfig(new ConfigReader({}))).toThrow(
      /awsOrganizations/,
    );
  });
});

import { pluginConfig, startPlugin } from './__testUtils__/backend';

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
    // The catalog's namespace rule, the same as the catalog module's.
    [{ catalog: { namespace: 'My_NS' } }, 'awsOrganizations.catalog.namespace'],
    [
      { ownership: { namespace: 'My_NS' } },
      'awsOrganizations.ownership.namespace',
    ],
    [
      { rateLimits: { ssoAdmin: { tps: -1 } } },
      'awsOrganizations.rateLimits.ssoAdmin.tps',
    ],
    // Compliance settings, read by the same -node reader.
    [{ compliance: 'strict' }, 'awsOrganizations.compliance'],
    [{ compliance: { rules: ['mfa'] } }, 'awsOrganizations.compliance.rules'],
    [
      { compliance: { rules: { 'owner-resolvable': { severity: 'urgent' } } } },
      'awsOrganizations.compliance.rules.owner-resolvable.severity',
    ],
    [
      {
        compliance: {
          rules: {
            'privileged-session-duration': { parameters: { maxHours: 48 } },
          },
        },
      },
      'awsOrganizations.compliance.rules.privileged-session-duration.parameters.maxHours',
    ],
  ])('stops startup on %j naming %s', async (settings, key) => {
    const config = pluginConfig(undefined, settings as any);
    await expect(startPlugin({ config })).rejects.toThrow(
      new RegExp(`${key.replace(/\./g, '\\.')}\\b`),
    );
  });
});

// The invalid settings are the -node reader's test cases, kept there once.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { INVALID_SETTINGS } from '../../aws-organizations-node/src/config/__testUtils__/invalidSettings';
import { pluginConfig, startPlugin } from './__testUtils__/backend';

describe('config validation at startup', () => {
  it.each([
    // Every case of the -node reader's own test: the backend reads its
    // config with that reader and must stop on each.
    ...INVALID_SETTINGS,
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

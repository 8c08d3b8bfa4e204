import { readFileSync } from 'fs';
import { resolve } from 'path';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { parseEntityYaml } from '@backstage/plugin-catalog-node';
import {
  createAwsOrganizationsClientsFromSettings,
  readOrganizationSnapshot,
} from '@aws-governance/plugin-aws-organizations-node';
import type { RunningEmulator } from '@aws-governance/aws-emulator';
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  OwnershipConfig,
  PrincipalMappingConfig,
} from '@aws-governance/plugin-aws-organizations-node';
import { CatalogDirectory } from '../resolution/types';

/** examples/org.yaml: the demo company's Groups and Users. */
export const DEMO_ORG_YAML = resolve(
  __dirname,
  '../../../../examples/org.yaml',
);

/**
 * A catalog directory made of the Groups and Users of a catalog YAML file
 * (the demo's examples/org.yaml by default), as readCatalogDirectory would
 * read them from the catalog.
 */
export function catalogDirectoryFromYaml(
  path: string = DEMO_ORG_YAML,
): CatalogDirectory {
  const refs = new Set<string>();
  const usersByEmail = new Map<string, string>();
  for (const item of parseEntityYaml(readFileSync(path), {
    type: 'file',
    target: path,
  })) {
    if (item.type === 'error') throw item.error;
    if (item.type !== 'entity') continue;
    const { entity } = item;
    if (entity.kind !== 'Group' && entity.kind !== 'User') continue;
    const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    refs.add(ref);
    const email = (entity.spec?.profile as { email?: string } | undefined)
      ?.email;
    if (entity.kind === 'User' && email) {
      usersByEmail.set(email.toLocaleLowerCase('en-US'), ref);
    }
  }
  return { refs, groupsByExternalId: new Map(), usersByEmail };
}

/** The default resolution settings (owner tags, display-name mapping). */
export const DEFAULT_RESOLUTION_SETTINGS: {
  ownership: OwnershipConfig;
  mapping: PrincipalMappingConfig;
} = {
  ownership: {
    accountTagKey: 'owner',
    unitTagKey: 'owner',
    namespace: 'default',
  },
  mapping: { groupRule: 'displayName', groupMap: {}, userRule: 'userName' },
};

/** Reads an emulator's organization with the real reader. */
export function readEmulatorSnapshot(
  emu: RunningEmulator,
  logger: LoggerService,
) {
  const fast = { tps: 1000, burst: 1000 };
  return readOrganizationSnapshot({
    clients: createAwsOrganizationsClientsFromSettings({
      region: 'us-east-1',
      endpoints: {
        organizations: emu.url,
        ssoAdmin: emu.url,
        identityStore: emu.url,
      },
      credentials: async () => ({
        accessKeyId: 'test',
        secretAccessKey: 'test',
      }),
    }),
    logger,
    rateLimits: { organizations: fast, ssoAdmin: fast, identityStore: fast },
  });
}

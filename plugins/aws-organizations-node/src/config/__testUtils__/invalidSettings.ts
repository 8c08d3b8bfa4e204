/**
 * Invalid `awsOrganizations.*` settings and the full key the error must
 * name: the cases of the -node reader's own test and of the backend's
 * startup test (which stops the backend on each), written once.
 */
export const INVALID_SETTINGS: [settings: object, key: string][] = [
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
  [{ history: { retentionDays: 0 } }, 'awsOrganizations.history.retentionDays'],
  [{ history: { maxEntries: 1.5 } }, 'awsOrganizations.history.maxEntries'],
  [{ reach: { maxDepth: 0 } }, 'awsOrganizations.reach.maxDepth'],
  [{ reach: { maxDepth: 6 } }, 'awsOrganizations.reach.maxDepth'],
  [{ reach: { maxDepth: 'deep' } }, 'awsOrganizations.reach.maxDepth'],
  [
    { catalog: { fallbackOwner: 'component:x' } },
    'awsOrganizations.catalog.fallbackOwner',
  ],
  [
    { catalog: { emitMissingPrincipals: 'often' } },
    'awsOrganizations.catalog.emitMissingPrincipals',
  ],
];

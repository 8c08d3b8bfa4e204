import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';

/** Config key of this module's settings. */
export const CATALOG_CONFIG_KEY = 'awsOrganizations.catalog';

/** Plugin id of the AWS Organizations backend, which serves the snapshot. */
export const AWS_ORGANIZATIONS_PLUGIN_ID = 'aws-organizations';

/** Location type of the emitted entities: `aws-organizations:<org id>/<kind>/<id>`. */
export const LOCATION_TYPE = 'aws-organizations';

/** Owner of entities whose owner the backend could not resolve. */
export const DEFAULT_FALLBACK_OWNER = 'group:default/unknown';

/** How often the provider asks the backend for a new snapshot. */
export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
  scope: 'global',
};

/** Events subscriber id: one instance per backend cluster gets each event. */
export const EVENTS_SUBSCRIBER_ID = 'catalog-aws-organizations-provider';

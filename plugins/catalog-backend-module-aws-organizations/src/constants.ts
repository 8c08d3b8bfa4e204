/** Plugin id of the AWS Organizations backend, which serves the snapshot. */
export const AWS_ORGANIZATIONS_PLUGIN_ID = 'aws-organizations';

/** Location type of the emitted entities: `aws-organizations:<org id>/<kind>/<id>`. */
export const LOCATION_TYPE = 'aws-organizations';

/** Events subscriber id: one instance per backend cluster gets each event. */
export const EVENTS_SUBSCRIBER_ID = 'catalog-aws-organizations-provider';

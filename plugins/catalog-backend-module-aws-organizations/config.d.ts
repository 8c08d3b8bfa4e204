import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  awsOrganizations?: {
    /**
     * How the organization is written to the catalog by the catalog module
     * `aws-organizations`. Invalid values stop the backend with a message
     * naming the key.
     */
    catalog?: {
      /**
       * Namespace of the root, OU, account, SCP and permission set entities
       * (and of emitted Groups and Users). Defaults to `default`.
       */
      namespace?: string;
      /**
       * Owner of entities the backend resolved no owner for (no owner tag
       * and no backend default): a Group or User ref, relative refs resolve
       * to a Group in `namespace`. Defaults to `group:default/unknown`.
       */
      fallbackOwner?: string;
      /**
       * Emit a Group entity (`aws-group-<id>`, without members) for each IAM
       * Identity Center group the catalog lacks, so that its access shows as
       * relations. Users and members are not emitted by the default
       * transformer: they are person-level detail. Defaults to false.
       */
      emitMissingPrincipals?: boolean;
      /**
       * When to ask the AWS Organizations backend for a new snapshot, besides
       * right after each sync. Defaults to every 5 minutes with a 3 minute
       * timeout, on one instance of the backend cluster (scope `global`).
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}

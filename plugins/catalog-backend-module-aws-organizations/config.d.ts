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
       * Emit a Group or User entity (`aws-group-<id>`, `aws-user-<id>`) for
       * each IAM Identity Center principal the catalog lacks, so that their
       * access shows as relations. Defaults to false.
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

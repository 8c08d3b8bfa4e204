import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /**
   * AWS Organizations plugins: how to reach the organization and how to
   * sync it. Read by the backend plugin at startup; invalid values stop the
   * backend with a message naming the key.
   */
  awsOrganizations?: {
    /**
     * Region of the Organizations and IAM Identity Center endpoints.
     * Defaults to us-east-1.
     */
    region?: string;
    /**
     * Account whose credentials from the `aws` integration config are used;
     * defaults to `aws.mainAccount`.
     */
    accountId?: string;
    /**
     * Role to assume in the management or delegated administrator account.
     */
    roleArn?: string;
    /**
     * External id required by the role's trust policy.
     * @visibility secret
     */
    externalId?: string;
    /**
     * Optional bounds of the reader's adaptive rates, per budget: the
     * reader finds each service's real rate from its answers and stays
     * below these. `identityCenter` is SSO Admin and the Identity Store
     * together (one collective budget, as AWS documents); configuring
     * `ssoAdmin` or `identityStore` gives each its own.
     */
    rateLimits?: {
      [budget in
        | 'organizations'
        | 'identityCenter'
        | 'ssoAdmin'
        | 'identityStore'
        | 'iam'
        | 'sts'
        | 'config'
        | 'securityHub'
        | 'accessAnalyzer'
        | 'cloudTrail']?: {
        /** Requests per second the discovered rate never exceeds. */
        tps?: number;
        /** Requests saved up after an idle period; default one second's worth. */
        burst?: number;
        /** Requests in flight at once, per service. */
        concurrency?: number;
      };
    };
    /**
     * The role is in a delegated administrator account of IAM Identity
     * Center: assignments are listed per permission set (AWS denies the
     * per-principal listing there). Detected anyway; default false.
     */
    delegatedAdministrator?: boolean;
    /** Endpoint overrides per service (emulators, VPC endpoints). */
    endpoints?: {
      organizations?: string;
      ssoAdmin?: string;
      identityStore?: string;
      iam?: string;
      sts?: string;
      config?: string;
      securityHub?: string;
      accessAnalyzer?: string;
      cloudTrail?: string;
    };
    /**
     * Where IAM roles and users come from (read-only); absent or `none`:
     * they are not read. `config-aggregator`: an AWS Config aggregator
     * (`aggregatorName`, its `region`, and optionally the `accountId` and
     * `roleName`/`externalId` to assume there). `account-role`: a role
     * (`roleName`, `externalId`) assumed in each member account,
     * `concurrency` accounts at once (default 8).
     */
    roles?: {
      source: 'config-aggregator' | 'account-role' | 'none';
      aggregatorName?: string;
      region?: string;
      accountId?: string;
      roleName?: string;
      externalId?: string;
      concurrency?: number;
    };
    /**
     * AWS's detectors, each source optional and on its own (absent or
     * `enabled: false`: off, shown as "not connected"). Each is read in its
     * `region` (default `region` above), by the reader's credentials or, with
     * `accountId` and `roleName` (and `externalId`), by that role assumed in
     * that account (the service's delegated administrator). See the -node
     * README ("Signals").
     */
    signals?: {
      /** Security Hub (the OCSF API), from its delegated administrator. */
      securityHub?: {
        enabled?: boolean;
        region?: string;
        accountId?: string;
        roleName?: string;
        externalId?: string;
      };
      /** IAM Access Analyzer's organization analyzers. */
      accessAnalyzer?: {
        enabled?: boolean;
        region?: string;
        accountId?: string;
        roleName?: string;
        externalId?: string;
      };
      /** AWS Config: the aggregator's compliance summaries. */
      config?: {
        enabled?: boolean;
        region?: string;
        accountId?: string;
        roleName?: string;
        externalId?: string;
        aggregatorName: string;
      };
      /** CloudTrail: the organization trail (management account by default). */
      cloudTrail?: {
        enabled?: boolean;
        region?: string;
        accountId?: string;
        roleName?: string;
        externalId?: string;
      };
      /** Ages in days of the critical/high findings counted per account; default [30]. */
      agedFindingDays?: number[];
    };
    /**
     * Whether the backend syncs on its schedule. When false, no sync runs
     * (POST /sync answers 503) and the API serves what is stored. Default true.
     */
    enabled?: boolean;
    /**
     * When to sync. Default: every 30 minutes, 15 minutes timeout, first run
     * 5 seconds after startup. One run per cycle across all replicas.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /**
     * Incremental updates from CloudTrail events (off by default): the
     * backend subscribes to `topic` on Backstage's events service (fed by
     * `@backstage/plugin-events-backend-module-aws-sqs` from the queue) and
     * re-reads only what each event changed. A full read stays as the
     * reconciliation (`reconciliation.schedule`, default daily) and runs for
     * any event it cannot apply, a queue it cannot read, or claims never
     * applied.
     */
    events?: {
      enabled?: boolean;
      /** Default `aws-organizations-cloudtrail` (a config key of the SQS module). */
      topic?: string;
      /** The queue, checked with GetQueueAttributes (must be the SQS module's). */
      queue?: { url: string; region: string; endpoint?: string };
      poll?: {
        /** Events within this window are applied as one snapshot. Default 2000. */
        batchWindowMs?: number;
        /** How often the queue is checked. Default 60. */
        healthCheckSeconds?: number;
      };
      reconciliation?: {
        /** The full read while events are on. Default every 24 hours. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
    /**
     * When the current snapshot's owners and principals are resolved against
     * the catalog again, without reading AWS (teams added to the catalog show
     * up within minutes). Default: every 2 minutes, first after 30 seconds.
     */
    resolution?: {
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    /** Access reviews (campaigns, reminders, remediation). */
    reviews?: {
      /**
       * When recurring campaigns start, reminders go out and remediation
       * entries are checked against the current snapshot (one replica at a
       * time). Default: every 10 minutes, first after 1 minute.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Days before the due date of the "due soon" reminder. Default 7. */
      reminderDays?: number;
      /**
       * Days a revoked grant may stay assigned before the rule
       * review-revocation-applied fails. Default 7.
       */
      revocationGraceDays?: number;
    };
    /** How account and OU owners are found. */
    ownership?: {
      /** Account tag holding the owner. Default `owner`. */
      accountTagKey?: string;
      /** OU and root tag holding the owner, inherited downwards. Default `owner`. */
      unitTagKey?: string;
      /** Owner (entity ref) when no account or OU tag names one. */
      defaultOwner?: string;
      /** Namespace of refs made from bare names. Default `default`. */
      namespace?: string;
    };
    /** How Identity Center principals map to catalog entities. */
    identityCenter?: {
      groupMapping?: {
        /**
         * `displayName` (default): the display name made an entity name,
         * group:<namespace>/<name>; `externalId`: the catalog Group whose
         * `externalIdAnnotation` holds one of the group's IdP ids;
         * `explicit`: only `map`.
         */
        rule?: 'displayName' | 'externalId' | 'explicit';
        /**
         * Identity Store group id or display name to entity ref; overrides
         * the rule.
         */
        map?: { [groupIdOrDisplayName: string]: string };
        /** Catalog Group annotation holding the IdP group id. */
        externalIdAnnotation?: string;
      };
      userMapping?: {
        /**
         * `userName` (default): the part before @, lower-cased,
         * user:<namespace>/<name>; `email`: the catalog User whose
         * spec.profile.email matches one of the user's emails.
         */
        rule?: 'userName' | 'email';
      };
    };
    /** Who reaches which account through IAM roles (the reach index). */
    reach?: {
      /**
       * Role hops followed after a permission set's Identity Center role,
       * 1 to 5. Default 3. Also the default `maxDepth` of the rule
       * `role-reach-production-from-non-production` (its own parameter
       * overrides it).
       */
      maxDepth?: number;
    };
    /** Change log retention, applied after each sync. */
    history?: {
      /** Days to keep change log entries and sync runs. Default 365. */
      retentionDays?: number;
      /** At most this many change log entries (newest kept). */
      maxEntries?: number;
    };
    /**
     * The compliance engine: per-rule settings of the built-in rules and of
     * rules added by modules. Rules not listed run with their defaults.
     * Unknown rule ids, bad severities and parameters of the wrong type
     * stop the backend with a message naming the key.
     */
    compliance?: {
      rules?: {
        [ruleId: string]: {
          /** Default true. */
          enabled?: boolean;
          /** Overrides the rule's severity. */
          severity?: 'critical' | 'high' | 'medium' | 'low';
          /**
           * Accounts an account rule judges (organization rules take no
           * scope). OUs are ids or names and include their descendants;
           * without `organizationalUnits` and `accounts`, every account.
           */
          scope?: {
            organizationalUnits?: string[];
            accounts?: string[];
            excludeAccounts?: string[];
          };
          /**
           * Merged over the rule's defaults; each value has the type of
           * the default (see the README's rules table).
           */
          parameters?: {
            [name: string]: string | number | boolean | string[];
          };
        };
      };
    };
  };
}

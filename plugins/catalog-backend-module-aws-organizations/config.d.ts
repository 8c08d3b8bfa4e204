export interface Config {
  awsOrganizations?: {
    /** How the organization is written to the catalog. */
    catalog?: {
      /**
       * Namespace of the account, OU, SCP and permission set entities.
       * Defaults to `default`.
       */
      namespace?: string;
    };
  };
}

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
    /** Endpoint overrides per service (emulators, VPC endpoints). */
    endpoints?: {
      organizations?: string;
      ssoAdmin?: string;
      identityStore?: string;
    };
  };
}

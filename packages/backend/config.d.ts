export interface Config {
  permission?: {
    /**
     * Entity refs of the groups (or users) that hold the admin-only
     * permissions of the demo policy. A bare name is a group in the default
     * namespace.
     */
    admins?: string[];
  };
}

export interface Config {
  permission?: {
    /**
     * Entity refs of the groups (or users) that hold the admin-only
     * permissions of the demo policy. A bare name is a group in the default
     * namespace.
     */
    admins?: string[];
  };
  auth?: {
    providers?: {
      /**
       * The demo's development-only second identity
       * (src/modules/demoDeveloperProvider.ts). Outside development the
       * backend does not start with it.
       */
      'demo-developer'?: {
        /** Whom it signs in as. Defaults to `user:default/priya.patel`. */
        userEntityRef?: string;
        /**
         * Memberships used while the catalog lacks that user (right after
         * startup). Defaults to the user alone.
         */
        ownershipEntityRefs?: string[];
      };
    };
  };
}

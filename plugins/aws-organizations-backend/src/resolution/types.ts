/**
 * What the resolution needs to know about the catalog: which Groups and
 * Users exist, and the attributes the mapping rules match on.
 *
 * @public
 */
export interface CatalogDirectory {
  /** Lower-cased full refs of every Group and User in the catalog. */
  refs: ReadonlySet<string>;
  /** Group ref by the value of the configured external id annotation. */
  groupsByExternalId: ReadonlyMap<string, string>;
  /** User ref by lower-cased `spec.profile.email`. */
  usersByEmail: ReadonlyMap<string, string>;
}

/** A directory with no entities, e.g. when the catalog is unavailable. */
export const EMPTY_DIRECTORY: CatalogDirectory = {
  refs: new Set(),
  groupsByExternalId: new Map(),
  usersByEmail: new Map(),
};

import {
  isUnknown,
  OrganizationSnapshot,
  PolicyTarget,
} from '@aws-governance/plugin-aws-organizations-common';

/**
 * What a snapshot says about the organization: a snapshot without when and
 * how it was read. @public
 */
export type SnapshotContent = Omit<
  OrganizationSnapshot,
  'readAt' | 'stats' | 'warnings'
>;

const byTargetId = (a: PolicyTarget, b: PolicyTarget) => {
  if (a.targetId === b.targetId) return 0;
  return a.targetId < b.targetId ? -1 : 1;
};

function withSortedTargets<T extends { targets: PolicyTarget[] }>(
  policies: T[],
): T[] {
  return policies.map(p => ({
    ...p,
    targets: [...p.targets].sort(byTargetId),
  }));
}

/**
 * The content of a snapshot: without `readAt`, `stats` and `warnings`
 * (when and how it was read), and with each policy's targets in the order
 * of their ids (`ListTargetsForPolicy` documents no order, and a targeted
 * re-read adds an attachment where a full read lists it). Two reads of an
 * unchanged organization have equal contents. Copies only the policy lists;
 * the rest is shared with the snapshot.
 *
 * @public
 */
export function snapshotContent(
  snapshot: OrganizationSnapshot,
): SnapshotContent {
  const { readAt: _r, stats: _s, warnings: _w, ...rest } = snapshot;
  const content: SnapshotContent = {
    ...rest,
    policies: withSortedTargets(rest.policies),
  };
  if (
    rest.resourceControlPolicies &&
    !isUnknown(rest.resourceControlPolicies)
  ) {
    content.resourceControlPolicies = withSortedTargets(
      rest.resourceControlPolicies,
    );
  }
  if (rest.otherPolicyTypes) {
    content.otherPolicyTypes = rest.otherPolicyTypes.map(t =>
      isUnknown(t.policies)
        ? t
        : { ...t, policies: withSortedTargets(t.policies) },
    );
  }
  return content;
}

/**
 * Equality of JSON data as it is stored: objects by their keys in any
 * order (a key holding `undefined` is absent, as in JSON), arrays in
 * order. Unlike `isDeepStrictEqual` it does not compare prototypes, so a
 * structured clone (a targeted update copies its base) equals the original
 * in any realm.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null
  ) {
    return false;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) {
      return false;
    }
    return a.every((item, i) => sameJson(item, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter(k => x[k] !== undefined);
  if (keys.length !== Object.keys(y).filter(k => y[k] !== undefined).length) {
    return false;
  }
  return keys.every(k => Object.hasOwn(y, k) && sameJson(x[k], y[k]));
}

/**
 * Whether two snapshots hold the same data: equal {@link snapshotContent}
 * as JSON. The sync keeps the stored snapshot when a re-read finds nothing
 * new.
 *
 * @public
 */
export function sameSnapshotContent(
  a: OrganizationSnapshot,
  b: OrganizationSnapshot,
): boolean {
  return sameJson(snapshotContent(a), snapshotContent(b));
}

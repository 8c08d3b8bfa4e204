import { OrgTreeNode } from '@aws-governance/plugin-aws-organizations-common';
import { useCallback, useMemo, useRef, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { AwsOrganizationsApi } from '../../api/AwsOrganizationsApi';

/**
 * Levels below the root loaded with the page: the root and its children are
 * shown expanded, the grandchildren collapsed (with their own `childCount`).
 */
export const INITIAL_TREE_DEPTH = 2;

/** A node's children are still to be loaded. */
export function childrenPending(node: OrgTreeNode): boolean {
  return node.children.length === 0 && (node.childCount ?? 0) > 0;
}

/** The tree with the children loaded later put in place. */
function graft(
  node: OrgTreeNode,
  loaded: ReadonlyMap<string, OrgTreeNode[]>,
): OrgTreeNode {
  const children =
    childrenPending(node) && loaded.has(node.id)
      ? loaded.get(node.id)!
      : node.children;
  const grafted = children.map(child => graft(child, loaded));
  return grafted.every((child, i) => child === node.children[i]) &&
    grafted.length === node.children.length
    ? node
    : { ...node, children: grafted };
}

/**
 * The OU tree for the explorer, loaded lazily: the first levels without the
 * accounts (the account table pages them), deeper levels one at a time when
 * a node is expanded. The payload and the work grow with the units shown,
 * not with the size of the organization.
 */
export function useOrganizationTree(
  api: AwsOrganizationsApi,
  /** Counts new snapshots: a new one loads the tree again, from the top. */
  generation = 0,
  /** The first levels, when already requested (else they are asked for). */
  initialTree?: () => Promise<OrgTreeNode>,
) {
  const [loaded, setLoaded] = useState<ReadonlyMap<string, OrgTreeNode[]>>(
    () => new Map(),
  );
  const initial = useAsync(() => {
    return initialTree
      ? initialTree()
      : api.getOrganizationTree({
          depth: INITIAL_TREE_DEPTH,
          accounts: false,
        });
    // A new snapshot (generation) loads again; the loader follows it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, generation]);
  const [loadingUnits, setLoadingUnits] = useState<ReadonlySet<string>>(
    () => new Set(),
  );
  const [loadError, setLoadError] = useState<Error>();
  const requested = useRef(new Set<string>());
  // Units loaded from an older snapshot are loaded again when expanded.
  const seenGeneration = useRef(generation);
  if (seenGeneration.current !== generation) {
    seenGeneration.current = generation;
    requested.current = new Set();
    setLoaded(new Map());
  }

  const loadChildren = useCallback(
    (unitId: string) => {
      if (requested.current.has(unitId)) return;
      requested.current.add(unitId);
      setLoadingUnits(current => new Set(current).add(unitId));
      api
        .getOrganizationTree({ unit: unitId, depth: 1, accounts: false })
        .then(
          node => {
            setLoaded(current => new Map(current).set(unitId, node.children));
          },
          error => {
            // Expanding the unit again retries.
            requested.current.delete(unitId);
            setLoadError(error);
          },
        )
        .finally(() =>
          setLoadingUnits(current => {
            const next = new Set(current);
            next.delete(unitId);
            return next;
          }),
        );
    },
    [api],
  );

  const root = useMemo(
    () => (initial.value ? graft(initial.value, loaded) : undefined),
    [initial.value, loaded],
  );
  return {
    root,
    loading: initial.loading,
    error: initial.error,
    loadError,
    loadingUnits,
    loadChildren,
  };
}

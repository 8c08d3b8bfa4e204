/**
 * The organization's trust map: which accounts and OUs have roles that
 * principals of which other accounts (or anyone, or identity providers,
 * or accounts outside the organization) may assume, from the trust
 * policies. Aggregated by OU so that it stays readable at 5,000 accounts:
 * the root's children are nodes; `expand` opens OUs (and the external
 * node) one level at a time.
 */
import {
  indexSnapshotIam,
  TrustMap,
  TrustMapEdge,
  TrustMapNode,
  TrustSource,
} from '@aws-governance/plugin-aws-organizations-common';
import { compareNames, compareText } from './order';
import { GovernanceIndex } from './types';

const EXTERNAL = 'external';

/** Thrown for an `expand` id the organization does not hold. */
export class UnknownTrustMapUnit extends Error {}

/**
 * `GET /organization/trust-map`. Each account belongs to the first unit
 * of its path (below the root) that is not expanded, or is a node itself
 * when all its units are. An OU opened without its parent stays closed.
 */
export function trustMap(
  index: GovernanceIndex,
  expand: readonly string[] = [],
): TrustMap {
  const iam = indexSnapshotIam(index.snapshot);
  const rootId = index.snapshot.root.id;
  for (const id of expand) {
    if (id !== EXTERNAL && id !== rootId && !index.units.has(id)) {
      throw new UnknownTrustMapUnit(
        `No organizational unit ${id} in the AWS Organization`,
      );
    }
  }
  const opened = new Set(expand);
  opened.add(rootId);
  const nodes = new Map<string, TrustMapNode>();
  const nodeOfAccount = new Map<string, string>();
  let unknownAccounts = 0;
  for (const account of index.accountsInOrder) {
    const units = [...account.path, account.parentId].filter(
      (id, i, all) => id !== rootId && all.indexOf(id) === i,
    );
    const closed = units.find(id => !opened.has(id));
    const id = closed ?? account.id;
    nodeOfAccount.set(account.id, id);
    let node = nodes.get(id);
    if (!node) {
      node = closed
        ? {
            id,
            kind: 'unit',
            name: index.unitName(id) ?? id,
            accounts: 0,
            unknownAccounts: 0,
            expandable: true,
            external: false,
          }
        : {
            id,
            kind: 'account',
            name: account.name,
            accounts: 0,
            unknownAccounts: 0,
            expandable: false,
            external: false,
          };
      nodes.set(id, node);
    }
    node.accounts++;
    if (iam.present && iam.account(account.id)?.status !== 'known') {
      node.unknownAccounts++;
      unknownAccounts++;
    }
  }
  if (!iam.present) {
    return {
      status: 'not-configured',
      expanded: [...expand],
      nodes: [...nodes.values()].sort(byName),
      edges: [],
      unreadableTrustPolicies: 0,
      unknownAccounts: 0,
    };
  }

  const externalOpen = opened.has(EXTERNAL);
  const fromNode = (source: TrustSource): string | undefined => {
    if (source.kind === 'anyone') return 'anyone';
    if (source.kind === 'federated') return 'federated';
    if (source.inOrganization) return nodeOfAccount.get(source.accountId);
    return externalOpen ? `${EXTERNAL}:${source.accountId}` : EXTERNAL;
  };
  const addSourceNode = (id: string, source: TrustSource) => {
    if (nodes.has(id)) return;
    let node: TrustMapNode;
    if (source.kind === 'anyone') {
      node = nodeOf(id, 'anyone', 'Anyone ("*")', false, true);
    } else if (source.kind === 'federated') {
      node = nodeOf(id, 'federated', 'Identity providers', false, false);
    } else if (id === EXTERNAL) {
      node = nodeOf(id, 'external', 'Outside the organization', true, true);
    } else {
      node = nodeOf(
        id,
        'external-account',
        `${source.accountId} (outside the organization)`,
        false,
        true,
      );
    }
    nodes.set(id, node);
  };

  const { edges: accountEdges, unreadable } = iam.trustEdges();
  const edges = new Map<string, TrustMapEdge>();
  for (const e of accountEdges) {
    const from = fromNode(e.from);
    const to = nodeOfAccount.get(e.toAccountId);
    if (from === undefined || to === undefined) continue;
    addSourceNode(from, e.from);
    const key = `${from}|${to}`;
    let edge = edges.get(key);
    if (!edge) {
      edge = {
        from,
        to,
        roles: 0,
        trustEdges: 0,
        externalIdRequired: 0,
        mfaRequired: 0,
        organizationRestricted: 0,
        external: nodes.get(from)!.external,
      };
      edges.set(key, edge);
    }
    edge.roles += e.roles;
    edge.trustEdges += e.trustEdges;
    edge.externalIdRequired += e.externalIdRequired;
    edge.mfaRequired += e.mfaRequired;
    edge.organizationRestricted += e.organizationRestricted;
  }
  return {
    status: 'known',
    expanded: [...expand],
    nodes: [...nodes.values()].sort(byName),
    edges: [...edges.values()].sort(
      (a, b) =>
        Number(b.external) - Number(a.external) ||
        b.roles - a.roles ||
        compareText(a.from, b.from) ||
        compareText(a.to, b.to),
    ),
    unreadableTrustPolicies: unreadable,
    unknownAccounts,
  };
}

function nodeOf(
  id: string,
  kind: TrustMapNode['kind'],
  name: string,
  expandable: boolean,
  external: boolean,
): TrustMapNode {
  return {
    id,
    kind,
    name,
    accounts: 0,
    unknownAccounts: 0,
    expandable,
    external,
  };
}

const KIND_ORDER: Record<TrustMapNode['kind'], number> = {
  unit: 0,
  account: 1,
  external: 2,
  'external-account': 3,
  anyone: 4,
  federated: 5,
};

function byName(a: TrustMapNode, b: TrustMapNode): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    compareNames(a.name, b.name) ||
    compareText(a.id, b.id)
  );
}

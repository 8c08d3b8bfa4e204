import { OrganizationSnapshot } from '@aws-governance/plugin-aws-organizations-common';

const unitNames = new WeakMap<OrganizationSnapshot, Map<string, string>>();

/** Name of a root or OU id in a snapshot, for summaries. */
export function parentName(snapshot: OrganizationSnapshot, id: string): string {
  let names = unitNames.get(snapshot);
  if (!names) {
    names = new Map(snapshot.organizationalUnits.map(ou => [ou.id, ou.name]));
    names.set(snapshot.root.id, snapshot.root.name);
    unitNames.set(snapshot, names);
  }
  return names.get(id) ?? id;
}

/** Compares two JSON-like values structurally. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

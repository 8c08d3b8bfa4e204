import { ChangeKind } from '@aws-governance/plugin-aws-organizations-common';

/** Every change kind, for validating `GET /changes?kind=`. */
export const CHANGE_KINDS = [
  'account.created',
  'account.removed',
  'account.moved',
  'account.renamed',
  'account.state-changed',
  'account.tags-changed',
  'ou.created',
  'ou.renamed',
  'ou.moved',
  'ou.removed',
  'scp.created',
  'scp.edited',
  'scp.removed',
  'scp.attached',
  'scp.detached',
  'permission-set.created',
  'permission-set.changed',
  'permission-set.removed',
  'assignment.granted',
  'assignment.revoked',
  'group-membership.added',
  'group-membership.removed',
  'compliance.changed',
] as const satisfies readonly ChangeKind[];

// Fails to compile when ChangeKind gains a member missing above.
type Missing = Exclude<ChangeKind, (typeof CHANGE_KINDS)[number]>;
export const allKindsListed: Missing extends never ? true : never = true;

import {
  Account,
  isUnknown,
  Knowable,
  OrganizationSnapshot,
  Tags,
} from '@aws-governance/plugin-aws-organizations-common';
import { parentName } from './compare';
import { diffById } from './diffById';
import { ChangeDraft } from './types';

function tagChanges(before: Knowable<Tags>, after: Knowable<Tags>) {
  if (isUnknown(before) || isUnknown(after)) {
    return undefined;
  }
  const diff = diffById(
    Object.entries(before),
    Object.entries(after),
    ([key]) => key,
  );
  const added: Tags = Object.fromEntries(diff.created);
  const removed: Tags = Object.fromEntries(diff.removed);
  const changed: Record<string, { from: string; to: string }> =
    Object.fromEntries(
      diff.common
        .filter(([[, from], [, to]]) => from !== to)
        .map(([[key, from], [, to]]) => [key, { from, to }]),
    );
  const parts = [
    ...Object.entries(added).map(([k, v]) => `${k}=${v} added`),
    ...Object.entries(changed).map(([k, c]) => `${k} ${c.from} -> ${c.to}`),
    ...Object.keys(removed).map(k => `${k} removed`),
  ];
  return parts.length ? { parts, added, removed, changed } : undefined;
}

function accountChanges(
  previous: OrganizationSnapshot,
  current: OrganizationSnapshot,
  before: Account,
  after: Account,
): ChangeDraft[] {
  const changes: ChangeDraft[] = [];
  const base = { accountId: after.id, subjectId: after.id };
  if (before.name !== after.name) {
    changes.push({
      ...base,
      kind: 'account.renamed',
      summary: `Account ${before.name} renamed to ${after.name}`,
      details: { from: before.name, to: after.name },
    });
  }
  if (before.parentId !== after.parentId) {
    const from = parentName(previous, before.parentId);
    const to = parentName(current, after.parentId);
    changes.push({
      ...base,
      kind: 'account.moved',
      summary: `${after.name} moved from ${from} to ${to}`,
      details: {
        from: { id: before.parentId, name: from },
        to: { id: after.parentId, name: to },
      },
    });
  }
  if (before.state !== after.state) {
    changes.push({
      ...base,
      kind: 'account.state-changed',
      summary: `${after.name} changed state from ${before.state} to ${after.state}`,
      details: { from: before.state, to: after.state },
    });
  }
  const tags = tagChanges(before.tags, after.tags);
  if (tags) {
    const { parts, ...details } = tags;
    changes.push({
      ...base,
      kind: 'account.tags-changed',
      summary: `${after.name} tags changed: ${parts.join(', ')}`,
      details,
    });
  }
  return changes;
}

/** Accounts created, removed, renamed, moved, state and tag changes. */
export function detectAccountChanges({
  previous,
  current,
}: {
  previous: OrganizationSnapshot;
  current: OrganizationSnapshot;
}): ChangeDraft[] {
  const changes: ChangeDraft[] = [];
  const diff = diffById(previous.accounts, current.accounts, a => a.id);
  for (const [old, account] of diff.matched) {
    if (!old) {
      const parent = parentName(current, account.parentId);
      changes.push({
        kind: 'account.created',
        accountId: account.id,
        subjectId: account.id,
        summary: `Account ${account.name} (${account.id}) joined the organization in ${parent}`,
        details: {
          name: account.name,
          parentId: account.parentId,
          state: account.state,
        },
      });
    } else {
      changes.push(...accountChanges(previous, current, old, account));
    }
  }
  for (const account of diff.removed) {
    changes.push({
      kind: 'account.removed',
      accountId: account.id,
      subjectId: account.id,
      summary: `Account ${account.name} (${account.id}) left the organization`,
      details: { name: account.name, parentId: account.parentId },
    });
  }
  return changes;
}

/** OUs created, renamed, moved and removed. */
export function detectUnitChanges({
  previous,
  current,
}: {
  previous: OrganizationSnapshot;
  current: OrganizationSnapshot;
}): ChangeDraft[] {
  const changes: ChangeDraft[] = [];
  const diff = diffById(
    previous.organizationalUnits,
    current.organizationalUnits,
    u => u.id,
  );
  for (const [old, ou] of diff.matched) {
    if (!old) {
      const parent = parentName(current, ou.parentId);
      changes.push({
        kind: 'ou.created',
        subjectId: ou.id,
        summary: `OU ${ou.name} created in ${parent}`,
        details: { name: ou.name, parentId: ou.parentId },
      });
      continue;
    }
    if (old.name !== ou.name) {
      changes.push({
        kind: 'ou.renamed',
        subjectId: ou.id,
        summary: `OU ${old.name} renamed to ${ou.name}`,
        details: { from: old.name, to: ou.name },
      });
    }
    if (old.parentId !== ou.parentId) {
      const from = parentName(previous, old.parentId);
      const to = parentName(current, ou.parentId);
      changes.push({
        kind: 'ou.moved',
        subjectId: ou.id,
        summary: `OU ${ou.name} moved from ${from} to ${to}`,
        details: {
          from: { id: old.parentId, name: from },
          to: { id: ou.parentId, name: to },
        },
      });
    }
  }
  for (const ou of diff.removed) {
    changes.push({
      kind: 'ou.removed',
      subjectId: ou.id,
      summary: `OU ${ou.name} removed from ${parentName(
        previous,
        ou.parentId,
      )}`,
      details: { name: ou.name, parentId: ou.parentId },
    });
  }
  return changes;
}

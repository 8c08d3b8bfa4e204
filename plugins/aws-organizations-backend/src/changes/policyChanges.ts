import {
  OrganizationSnapshot,
  PolicyTarget,
  ServiceControlPolicy,
} from '@aws-governance/plugin-aws-organizations-common';
import { diffById } from './diffById';
import { ChangeDraft } from './types';
import { unifiedDiff } from './unifiedDiff';

function targetChange(
  kind: 'scp.attached' | 'scp.detached',
  policy: ServiceControlPolicy,
  target: PolicyTarget,
): ChangeDraft {
  const verb = kind === 'scp.attached' ? 'attached to' : 'detached from';
  return {
    kind,
    subjectId: policy.id,
    ...(target.type === 'ACCOUNT' ? { accountId: target.targetId } : {}),
    summary: `SCP ${policy.name} ${verb} ${target.name}`,
    details: {
      policyName: policy.name,
      targetId: target.targetId,
      targetType: target.type,
      targetName: target.name,
    },
  };
}

function editChanges(
  before: ServiceControlPolicy,
  after: ServiceControlPolicy,
): ChangeDraft[] {
  const fields = (['name', 'description', 'content'] as const).filter(
    field => before[field] !== after[field],
  );
  if (fields.length === 0) {
    return [];
  }
  const renamed = before.name !== after.name ? ` (was ${before.name})` : '';
  return [
    {
      kind: 'scp.edited',
      subjectId: after.id,
      summary: `SCP ${after.name}${renamed} edited: ${fields.join(', ')}`,
      details: {
        fields,
        ...(fields.includes('name')
          ? { name: { from: before.name, to: after.name } }
          : {}),
        ...(fields.includes('description')
          ? { description: { from: before.description, to: after.description } }
          : {}),
        ...(fields.includes('content')
          ? {
              diff: unifiedDiff(
                `${after.id}.json`,
                before.content,
                after.content,
              ),
            }
          : {}),
      },
    },
  ];
}

/**
 * SCPs created, edited (with a unified diff of the document), removed,
 * attached and detached per target. Detachments implied by a removed policy
 * or a removed target are not recorded: the removal says it.
 */
export function detectPolicyChanges({
  previous,
  current,
}: {
  previous: OrganizationSnapshot;
  current: OrganizationSnapshot;
}): ChangeDraft[] {
  const changes: ChangeDraft[] = [];
  const existingTargets = new Set([
    current.root.id,
    ...current.organizationalUnits.map(ou => ou.id),
    ...current.accounts.map(a => a.id),
  ]);
  const policies = diffById(previous.policies, current.policies, p => p.id);
  for (const [old, policy] of policies.matched) {
    if (!old) {
      changes.push({
        kind: 'scp.created',
        subjectId: policy.id,
        summary: `SCP ${policy.name} created`,
        details: { name: policy.name, description: policy.description },
      });
    } else {
      changes.push(...editChanges(old, policy));
    }
    const targets = diffById(
      old?.targets ?? [],
      policy.targets,
      t => t.targetId,
    );
    for (const target of targets.created) {
      changes.push(targetChange('scp.attached', policy, target));
    }
    for (const target of targets.removed) {
      if (existingTargets.has(target.targetId)) {
        changes.push(targetChange('scp.detached', policy, target));
      }
    }
  }
  for (const policy of policies.removed) {
    changes.push({
      kind: 'scp.removed',
      subjectId: policy.id,
      summary: `SCP ${policy.name} removed`,
      details: {
        name: policy.name,
        targets: policy.targets.map(t => t.targetId),
      },
    });
  }
  return changes;
}

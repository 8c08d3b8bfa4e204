import {
  Account,
  isUnknown,
  OrganizationSnapshot,
  ResolvedOwner,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  AwsAccountComplianceRule,
  ComplianceSnapshotIndex,
} from '@aws-governance/plugin-aws-organizations-node';

/** Parameters of {@link ownerResolvableRule}. */
export type OwnerParameters = { defaultOwnerStatus: string };

const STATUSES = ['pass', 'warn', 'fail'];

/**
 * Units between the account and where its owner came from whose tags are
 * unknown: an unreadable tag there might have named another owner.
 */
function unreadableTagsOnTheWay(
  account: Account,
  from: string | undefined,
  snapshot: OrganizationSnapshot,
  index: ComplianceSnapshotIndex,
): string[] {
  const start = from ? account.path.indexOf(from) + 1 : 0;
  const reasons: string[] = [];
  for (const id of account.path.slice(start)) {
    const tags =
      id === snapshot.root.id ? snapshot.root.tags : index.unit(id)?.tags;
    if (tags && isUnknown(tags)) {
      reasons.push(
        `the tags of ${index.unit(id)?.name ?? id} (${tags.reason})`,
      );
    }
  }
  return reasons;
}

/** Where the owner came from, in words. */
function ownerSource(
  owner: ResolvedOwner,
  snapshot: OrganizationSnapshot,
  index: ComplianceSnapshotIndex,
): string {
  if (owner.source === 'account-tag') return 'the account tag';
  if (owner.source !== 'ou-tag') return 'the configured default';
  const unit =
    owner.ouId === snapshot.root.id
      ? snapshot.root.name
      : (owner.ouId && index.unit(owner.ouId)?.name) ?? owner.ouId;
  return `the tag of OU ${unit}`;
}

/** Every account has an owner that is a Group of the catalog. */
export const ownerResolvableRule: AwsAccountComplianceRule<OwnerParameters> = {
  id: 'owner-resolvable',
  title: 'The account has an owner in the catalog',
  severity: 'medium',
  level: 'account',
  rationale:
    'Someone must answer for every account: its cost, its findings, its access reviews. The owner must be a team the catalog knows.',
  remediation:
    'Tag the account (or its OU) with the owning team, as named in the catalog (the owner tag key is set in awsOrganizations.ownership).',
  defaultParameters: { defaultOwnerStatus: 'warn' },
  validateParameters: p =>
    STATUSES.includes(p.defaultOwnerStatus)
      ? []
      : [
          {
            parameter: 'defaultOwnerStatus',
            message: `must be one of ${STATUSES.join(', ')}`,
          },
        ],
  evaluate({ account, index, resolution, snapshot, parameters }) {
    const owner = resolution.accountOwners[account.id];
    if (!owner) {
      return {
        status: 'unknown',
        message: 'The account has no owner resolution yet',
      };
    }
    const unreadable =
      owner.source === 'account-tag'
        ? []
        : [
            ...(isUnknown(account.tags)
              ? [`the account's tags (${account.tags.reason})`]
              : []),
            ...unreadableTagsOnTheWay(account, owner.ouId, snapshot, index),
          ];
    if (unreadable.length > 0) {
      return {
        status: 'unknown',
        message: `The owner cannot be determined: ${unreadable.join(
          '; ',
        )} could not be read`,
      };
    }
    const where = ownerSource(owner, snapshot, index);
    const evidence = [
      {
        kind: 'tag' as const,
        description: owner.ref
          ? `Owner ${owner.ref} from ${where}`
          : 'No owner tag on the account or any OU above it',
        accountId: account.id,
      },
    ];
    if (owner.source === 'none' || !owner.ref) {
      return {
        status: 'fail',
        message: 'Neither the account nor an OU above it names an owner',
        evidence,
      };
    }
    if (!owner.ref.startsWith('group:')) {
      return {
        status: 'fail',
        message: `The owner ${owner.ref} is not a Group`,
        evidence,
      };
    }
    if (!owner.resolvable) {
      return {
        status: 'fail',
        message: `The owner ${owner.ref} (from ${where}) is not a Group of the catalog`,
        evidence,
      };
    }
    if (owner.source === 'default') {
      return {
        status: parameters.defaultOwnerStatus as 'pass' | 'warn' | 'fail',
        message: `No tag names an owner; the configured default ${owner.ref} applies`,
        evidence,
      };
    }
    return {
      status: 'pass',
      message: `Owned by ${owner.ref} (from ${where})`,
      evidence,
    };
  },
};

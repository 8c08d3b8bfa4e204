/**
 * zod schemas of the snapshot and its envelope, checked against the wire
 * types: whoever reads a snapshot it did not just build (the catalog module
 * over HTTP, the backend from its database) validates it with these instead
 * of checking a few fields by hand or casting. Objects are loose: a field a
 * newer writer adds passes through untouched.
 */
import { z } from 'zod';
import {
  ResolvedOwner,
  ResolvedPrincipal,
  SnapshotEnvelope,
  SnapshotResolution,
} from './api';
import { ACCOUNT_STATES, OrganizationSnapshot } from './snapshot';
import {
  FINDING_ORIGINS,
  FINDING_SEVERITIES,
  SIGNAL_SOURCES,
  SecuritySignalsSnapshot,
} from './signals/types';

const unknownValue = z.looseObject({
  unknown: z.literal(true),
  reason: z.string(),
});

function knowable<T extends z.ZodType>(schema: T) {
  return z.union([unknownValue, schema]);
}

const tags = knowable(z.record(z.string(), z.string()));

const policy = z.looseObject({
  id: z.string(),
  arn: z.string(),
  name: z.string(),
  description: z.string(),
  awsManaged: z.boolean(),
  content: z.string(),
  parseError: z.string().optional(),
  targets: z.array(
    z.looseObject({
      targetId: z.string(),
      type: z.enum(['ROOT', 'ORGANIZATIONAL_UNIT', 'ACCOUNT']),
      name: z.string(),
    }),
  ),
  tags: tags.optional(),
});

const externalIds = z.array(
  z.looseObject({ issuer: z.string(), id: z.string() }),
);

const identityCenter = z.discriminatedUnion('status', [
  z.looseObject({
    status: z.literal('available'),
    instanceArn: z.string(),
    identityStoreId: z.string(),
    permissionSets: z.array(
      z.looseObject({
        arn: z.string(),
        name: z.string(),
        description: z.string().optional(),
        sessionDuration: z.string(),
        relayState: z.string().optional(),
        createdDate: z.string().optional(),
        managedPolicies: z.array(
          z.looseObject({ arn: z.string(), name: z.string() }),
        ),
        customerManagedPolicies: knowable(
          z.array(z.looseObject({ name: z.string(), path: z.string() })),
        ),
        inlinePolicy: z.string().nullable(),
        permissionsBoundary: knowable(
          z.discriminatedUnion('type', [
            z.looseObject({ type: z.literal('none') }),
            z.looseObject({
              type: z.literal('managed'),
              managedPolicyArn: z.string(),
            }),
            z.looseObject({
              type: z.literal('customer-managed'),
              reference: z.looseObject({ name: z.string(), path: z.string() }),
            }),
          ]),
        ),
        tags,
      }),
    ),
    assignments: z.array(
      z.looseObject({
        accountId: z.string(),
        permissionSetArn: z.string(),
        principalType: z.enum(['USER', 'GROUP']),
        principalId: z.string(),
      }),
    ),
    groups: z.array(
      z.looseObject({
        id: z.string(),
        displayName: z.string(),
        description: z.string().optional(),
        externalIds,
      }),
    ),
    users: z.array(
      z.looseObject({
        id: z.string(),
        userName: z.string(),
        displayName: z.string().optional(),
        emails: z.array(
          z.looseObject({
            value: z.string(),
            type: z.string().optional(),
            primary: z.boolean().optional(),
          }),
        ),
        externalIds,
      }),
    ),
    memberships: z.array(
      z.looseObject({
        groupId: z.string(),
        userId: z.string(),
        membershipId: z.string().optional(),
      }),
    ),
    readFrom: z
      .enum(['management-account', 'delegated-administrator'])
      .optional(),
  }),
  z.looseObject({ status: z.literal('not-enabled') }),
  z.looseObject({ status: z.literal('unavailable'), reason: z.string() }),
]);

const iamAttachedPolicy = z.looseObject({ arn: z.string(), name: z.string() });
const iamInlinePolicy = z.looseObject({
  name: z.string(),
  document: z.string(),
});

const severityCounts = z.looseObject(
  Object.fromEntries(FINDING_SEVERITIES.map(s => [s, z.number()])) as Record<
    (typeof FINDING_SEVERITIES)[number],
    z.ZodNumber
  >,
);

const sourceStatus = z.discriminatedUnion('status', [
  z.looseObject({
    status: z.literal('connected'),
    accountId: z.string().optional(),
    region: z.string(),
    calls: z.number(),
  }),
  z.looseObject({
    status: z.literal('not-connected'),
    reason: z.enum(['off', 'denied', 'not-enabled', 'error']),
    message: z.string(),
  }),
]);

const compliance = z.enum(['COMPLIANT', 'NON_COMPLIANT', 'INSUFFICIENT_DATA']);

/**
 * A {@link SecuritySignalsSnapshot}: the detectors' part of a snapshot.
 *
 * @public
 */
export const securitySignalsSchema: z.ZodType<SecuritySignalsSnapshot> =
  z.looseObject({
    sources: z.looseObject(
      Object.fromEntries(SIGNAL_SOURCES.map(s => [s, sourceStatus])) as Record<
        (typeof SIGNAL_SOURCES)[number],
        typeof sourceStatus
      >,
    ),
    serviceAccess: z.array(
      z.looseObject({
        servicePrincipal: z.string(),
        enabledOrganizationWide: knowable(z.boolean()),
        delegatedAdministrators: knowable(z.array(z.string())),
      }),
    ),
    findings: z.record(
      z.string(),
      z.looseObject({
        byOrigin: z.partialRecord(z.enum(FINDING_ORIGINS), severityCounts),
        agedCriticalHigh: z.array(
          z.looseObject({ days: z.number(), count: z.number() }),
        ),
        externalAccess: z.number().optional(),
      }),
    ),
    config: z.record(
      z.string(),
      z.looseObject({
        rules: z.looseObject({
          compliant: z.number(),
          nonCompliant: z.number(),
          insufficientData: z.number(),
        }),
        conformancePacks: z.array(
          z.looseObject({ name: z.string(), compliance }),
        ),
        nonCompliantRules: z.array(z.string()),
      }),
    ),
    organizationTrail: knowable(
      z.looseObject({
        trails: z.array(
          z.looseObject({
            name: z.string(),
            arn: z.string(),
            homeRegion: z.string(),
            isMultiRegion: z.boolean(),
            isLogging: knowable(z.boolean()),
            s3BucketName: z.string().optional(),
            s3BucketAccountId: knowable(z.string()).optional(),
            latestDeliveryTime: z.string().optional(),
            latestDeliveryError: z.string().optional(),
          }),
        ),
      }),
    ),
    analyzers: z
      .array(
        z.looseObject({
          arn: z.string(),
          name: z.string(),
          type: z.string(),
          status: z.string(),
          activeFindings: knowable(z.number()),
        }),
      )
      .optional(),
    agedFindingDays: z.array(z.number()).optional(),
  });

const permissionsBoundary = knowable(z.string().nullable());

const iamRole = z.looseObject({
  arn: z.string(),
  name: z.string(),
  path: z.string(),
  roleId: z.string().optional(),
  createDate: z.string().optional(),
  trustPolicy: z.string(),
  attachedPolicies: z.array(iamAttachedPolicy),
  inlinePolicies: z.array(iamInlinePolicy),
  permissionsBoundary,
  lastUsed: knowable(
    z.looseObject({
      lastUsedDate: z.string().optional(),
      region: z.string().optional(),
    }),
  ),
  tags: tags.optional(),
});

const iamUser = z.looseObject({
  arn: z.string(),
  name: z.string(),
  path: z.string(),
  userId: z.string().optional(),
  createDate: z.string().optional(),
  passwordLastUsed: z.string().optional(),
  attachedPolicies: z.array(iamAttachedPolicy),
  inlinePolicies: z.array(iamInlinePolicy),
  groups: z.array(z.string()),
  permissionsBoundary,
  accessKeys: knowable(
    z.array(
      z.looseObject({
        accessKeyId: z.string(),
        status: z.enum(['Active', 'Inactive']),
        createDate: z.string().optional(),
        lastUsedDate: z.string().optional(),
      }),
    ),
  ),
});

const iam = z.looseObject({
  accounts: z.record(
    z.string(),
    z.discriminatedUnion('status', [
      z.looseObject({
        status: z.literal('known'),
        source: z.enum(['config-aggregator', 'account-role']),
        roles: z.array(iamRole),
        users: z.array(iamUser),
      }),
      z.looseObject({ status: z.literal('unknown'), reason: z.string() }),
    ]),
  ),
  managedPolicies: z.array(
    z.looseObject({
      arn: z.string(),
      name: z.string(),
      awsManaged: z.boolean(),
      defaultVersionId: z.string().optional(),
      document: knowable(z.string()),
    }),
  ),
});

/**
 * An {@link OrganizationSnapshot} of schema version 1.
 *
 * @public
 */
export const organizationSnapshotSchema: z.ZodType<OrganizationSnapshot> =
  z.looseObject({
    schemaVersion: z.literal(1, {
      error: issue =>
        `unsupported snapshot schemaVersion ${String(issue.input)}`,
    }),
    readAt: z.string(),
    complete: z.boolean(),
    incompleteReasons: z.array(z.string()),
    organization: z.looseObject({
      id: z.string(),
      arn: z.string(),
      featureSet: z.enum(['ALL', 'CONSOLIDATED_BILLING']),
      managementAccountId: z.string(),
      managementAccountArn: z.string(),
      managementAccountEmail: z.string().optional(),
      enabledPolicyTypes: z.array(z.string()),
    }),
    root: z.looseObject({
      id: z.string(),
      arn: z.string(),
      name: z.string(),
      tags,
    }),
    organizationalUnits: z.array(
      z.looseObject({
        id: z.string(),
        arn: z.string(),
        name: z.string(),
        parentId: z.string(),
        path: z.array(z.string()),
        tags,
      }),
    ),
    accounts: z.array(
      z.looseObject({
        id: z.string(),
        arn: z.string(),
        name: z.string(),
        email: z.string(),
        state: z.enum(ACCOUNT_STATES),
        joinedMethod: z.enum(['INVITED', 'CREATED']),
        joinedTimestamp: z.string(),
        parentId: z.string(),
        path: z.array(z.string()),
        tags,
      }),
    ),
    policies: z.array(policy),
    rootPolicyTypes: z
      .array(
        z.looseObject({
          type: z.string(),
          status: z.enum(['ENABLED', 'PENDING_ENABLE', 'PENDING_DISABLE']),
        }),
      )
      .optional(),
    resourceControlPolicies: knowable(z.array(policy)).optional(),
    otherPolicyTypes: z
      .array(
        z.looseObject({
          type: z.string(),
          policies: knowable(z.array(policy.extend({ type: z.string() }))),
        }),
      )
      .optional(),
    identityCenter,
    iam: iam.optional(),
    signals: securitySignalsSchema.optional(),
    warnings: z.array(
      z.looseObject({
        operation: z.string(),
        resource: z.string(),
        message: z.string(),
      }),
    ),
    stats: z.looseObject({
      startedAt: z.string(),
      durationMs: z.number(),
      calls: z.record(z.string(), z.record(z.string(), z.number())),
      retries: z.number(),
      throttles: z.number(),
      rates: z
        .record(
          z.string(),
          z.looseObject({
            services: z.array(z.string()),
            finalTps: z.number(),
            peakTps: z.number(),
            decreases: z.number(),
          }),
        )
        .optional(),
      assignmentStrategy: z
        .enum(['per-permission-set', 'per-principal'])
        .optional(),
      assignmentEstimate: z
        .looseObject({ perPermissionSet: z.number(), perPrincipal: z.number() })
        .optional(),
    }),
  });

const resolvedOwner: z.ZodType<ResolvedOwner> = z.looseObject({
  ref: z.string().optional(),
  source: z.enum(['account-tag', 'resource-tag', 'ou-tag', 'default', 'none']),
  tagValue: z.string().optional(),
  ouId: z.string().optional(),
  resolvable: z.boolean(),
  stale: z
    .looseObject({ reason: z.string(), since: z.string().optional() })
    .optional(),
});

const resolvedPrincipal: z.ZodType<ResolvedPrincipal> = z.looseObject({
  type: z.enum(['GROUP', 'USER']),
  id: z.string(),
  name: z.string(),
  ref: z.string().optional(),
  resolvable: z.boolean().optional(),
});

const owners = z.record(z.string(), resolvedOwner);

/**
 * A {@link SnapshotResolution}: owners and principal refs.
 *
 * @public
 */
export const snapshotResolutionSchema: z.ZodType<SnapshotResolution> =
  z.looseObject({
    accountOwners: owners,
    unitOwners: owners,
    policyOwners: owners.optional(),
    permissionSetOwners: owners.optional(),
    principals: z.record(z.string(), resolvedPrincipal),
    unmappedPrincipals: z.array(resolvedPrincipal),
  });

/**
 * The `{ snapshot, resolution }` pair the backend stores.
 *
 * @public
 */
export const storedSnapshotSchema = z.looseObject({
  snapshot: organizationSnapshotSchema,
  resolution: snapshotResolutionSchema,
});

/**
 * `GET /snapshot`'s body, a {@link SnapshotEnvelope}.
 *
 * @public
 */
export const snapshotEnvelopeSchema: z.ZodType<SnapshotEnvelope> =
  z.looseObject({
    etag: z.string(),
    storedAt: z.string(),
    snapshot: organizationSnapshotSchema,
    resolution: snapshotResolutionSchema,
  });

/**
 * The issues of a failed parse, each with its path (at most five, path
 * parts cut to 64 characters), for log lines and error messages.
 *
 * @public
 */
export function describeSchemaIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 5).map(issue => {
    const path = issue.path.map(part => String(part).slice(0, 64)).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - issues.length;
  return `${issues.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`;
}

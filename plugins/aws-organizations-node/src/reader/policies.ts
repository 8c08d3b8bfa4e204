import {
  DescribePolicyCommand,
  ListPoliciesCommand,
  ListTargetsForPolicyCommand,
  PolicySummary,
} from '@aws-sdk/client-organizations';
import {
  Knowable,
  ORGANIZATION_POLICY_TYPES,
  OrganizationPoliciesPart,
  OrganizationPolicy,
  OtherPolicyTypeSnapshot,
  PolicyTargetType,
  ResourceControlPolicy,
  ServiceControlPolicy,
} from '@aws-governance/plugin-aws-organizations-common';
import { AwsReadError } from './errors';
import { PAGE_SIZE, ReadContext } from './context';
import { readOrganizationsTags } from './tags';

const service = 'organizations' as const;
const pageSize = PAGE_SIZE.organizations;
const SCP = 'SERVICE_CONTROL_POLICY';
const RCP = 'RESOURCE_CONTROL_POLICY';

/** A field AWS must send; its absence fails the listing. */
export function required<T>(
  value: T | undefined,
  operation: string,
  resource: string,
  field: string,
): T {
  if (value === undefined || value === null) {
    throw new AwsReadError({
      service,
      operation,
      resource,
      cause: Object.assign(new Error(`response has no ${field}`), {
        name: 'IncompleteResponse',
      }),
    });
  }
  return value;
}

function parseErrorOf(content: string): string | undefined {
  try {
    JSON.parse(content);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Describes one policy: its summary (type included) and document. */
export function describePolicy(ctx: ReadContext, id: string) {
  return ctx.send(
    { service, operation: 'DescribePolicy', resource: id },
    new DescribePolicyCommand({ PolicyId: id }),
  );
}

/**
 * One policy: its document, its targets and (customer managed) its tags.
 * With `described` (a DescribePolicy answer already in hand), the document
 * is not read again.
 */
export async function readPolicy(
  ctx: ReadContext,
  type: string,
  summary: PolicySummary,
  described?: Awaited<ReturnType<typeof describePolicy>>,
): Promise<OrganizationPolicy> {
  const id = required(summary.Id, 'ListPolicies', type, 'Id');
  const awsManaged = summary.AwsManaged ?? false;
  const [document, targets, tags] = await Promise.all([
    described ?? describePolicy(ctx, id),
    ctx.paginate(
      { service, operation: 'ListTargetsForPolicy', resource: id },
      NextToken =>
        new ListTargetsForPolicyCommand({
          PolicyId: id,
          NextToken,
          MaxResults: pageSize,
        }),
      out => out.Targets,
    ),
    // AWS managed policies are AWS's, not the organization's: no owner tag
    // to read there.
    awsManaged ? undefined : readOrganizationsTags(ctx, id),
  ]);
  const content = required(
    document.Policy?.Content,
    'DescribePolicy',
    id,
    'Policy.Content',
  );
  const parseError = parseErrorOf(content);
  if (parseError) {
    ctx.logger.warn(`Policy ${id} (${type}) is not valid JSON; kept raw`, {
      policyId: id,
      policyType: type,
      parseError,
    });
  }
  return {
    id,
    arn: summary.Arn ?? '',
    name: summary.Name ?? '',
    description: summary.Description ?? '',
    type,
    awsManaged,
    content,
    ...(parseError ? { parseError } : {}),
    targets: targets.map(t => ({
      targetId: required(t.TargetId, 'ListTargetsForPolicy', id, 'TargetId'),
      type: (t.Type ?? 'ACCOUNT') as PolicyTargetType,
      name: t.Name ?? '',
    })),
    ...(tags ? { tags } : {}),
  };
}

/**
 * The policies of one type: one listing (`ListPolicies` with the type as
 * filter), then per policy its document, targets and tags. Never a listing
 * per account.
 */
async function readPoliciesOfType(
  ctx: ReadContext,
  type: string,
): Promise<OrganizationPolicy[]> {
  const summaries = await ctx.paginate(
    { service, operation: 'ListPolicies', resource: type },
    NextToken =>
      new ListPoliciesCommand({
        Filter: type as never,
        NextToken,
        MaxResults: pageSize,
      }),
    out => out.Policies,
  );
  const policies = await Promise.all(
    summaries.map(s => readPolicy(ctx, type, s)),
  );
  return policies.sort((a, b) => a.id.localeCompare(b.id));
}

/** SCPs and RCPs as the snapshot holds them (without the type field). */
export function withoutType({
  type: _type,
  ...policy
}: OrganizationPolicy): ServiceControlPolicy {
  return policy;
}

/** The service control policies (or RCPs) with targets and tags. */
export async function readPolicies(
  ctx: ReadContext,
  type: typeof SCP | typeof RCP,
): Promise<ServiceControlPolicy[]> {
  return (await readPoliciesOfType(ctx, type)).map(withoutType);
}

/** Known types in the API's order, then the ones the list lacks, by name. */
function typeOrder(a: string, b: string): number {
  const known = ORGANIZATION_POLICY_TYPES as readonly string[];
  const ia = known.indexOf(a);
  const ib = known.indexOf(b);
  if (ia >= 0 && ib >= 0) return ia - ib;
  if (ia >= 0 || ib >= 0) return ia >= 0 ? -1 : 1;
  return a.localeCompare(b);
}

/**
 * The organization policies besides SCPs, for the types enabled on the
 * root: the RCPs (an empty list when the type is not enabled) and, per
 * other enabled type, its policies. Each part is optional: a listing that
 * fails (e.g. a delegated administrator not delegated that type) makes that
 * part unknown with a warning, never empty, and the read goes on.
 */
export async function readOrganizationPolicies(
  ctx: ReadContext,
  enabledPolicyTypes: string[],
): Promise<
  Required<Pick<OrganizationPoliciesPart, 'resourceControlPolicies'>> &
    Pick<OrganizationPoliciesPart, 'otherPolicyTypes'>
> {
  const listing = (type: string) => ({
    service,
    operation: 'ListPolicies',
    resource: type,
  });
  const rcps: Promise<Knowable<ResourceControlPolicy[]>> =
    enabledPolicyTypes.includes(RCP)
      ? ctx.optional(listing(RCP), optionalCtx =>
          readPolicies(optionalCtx, RCP),
        )
      : Promise.resolve([]);
  const others = [...new Set(enabledPolicyTypes)]
    .filter(type => type !== SCP && type !== RCP)
    .sort(typeOrder);
  const [resourceControlPolicies, otherPolicyTypes] = await Promise.all([
    rcps,
    Promise.all(
      others.map(
        async (type): Promise<OtherPolicyTypeSnapshot> => ({
          type,
          policies: await ctx.optional(listing(type), optionalCtx =>
            readPoliciesOfType(optionalCtx, type),
          ),
        }),
      ),
    ),
  ]);
  return { resourceControlPolicies, otherPolicyTypes };
}

/**
 * The organization policies other than SCPs in a snapshot: resource control
 * policies (evaluated beside SCPs) and the other policy types (declarative,
 * backup, tag, AI-services opt-out, chatbot, Security Hub, Inspector ...),
 * which are read and shown, not evaluated.
 *
 * Kept apart from ./snapshot.ts: {@link OrganizationSnapshot} extends
 * {@link OrganizationPoliciesPart}.
 */
import type {
  Knowable,
  OrganizationSnapshot,
  PolicyTarget,
  ResourceControlPolicy,
  Tags,
} from './snapshot';

/**
 * The policy types of AWS Organizations, as `ListPolicies`' `Filter` and
 * `ListRoots`' `PolicyTypes` name them
 * (https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListPolicies.html).
 * An endpoint may report a type that is not in this list (a newer one): the
 * reader keeps it under its own name.
 *
 * @public
 */
export const ORGANIZATION_POLICY_TYPES = [
  'SERVICE_CONTROL_POLICY',
  'RESOURCE_CONTROL_POLICY',
  'DECLARATIVE_POLICY_EC2',
  'BACKUP_POLICY',
  'TAG_POLICY',
  'CHATBOT_POLICY',
  'AISERVICES_OPT_OUT_POLICY',
  'SECURITYHUB_POLICY',
  'SECURITYHUB_CSPM_POLICY',
  'INSPECTOR_POLICY',
  'UPGRADE_ROLLOUT_POLICY',
  'BEDROCK_POLICY',
  'S3_POLICY',
  'NETWORK_SECURITY_DIRECTOR_POLICY',
  'GUARDDUTY_POLICY',
] as const;

/** One of {@link ORGANIZATION_POLICY_TYPES}. @public */
export type KnownOrganizationPolicyType =
  (typeof ORGANIZATION_POLICY_TYPES)[number];

/**
 * A policy type's name: a known one or one a newer endpoint reports.
 *
 * @public
 */
export type OrganizationPolicyType = KnownOrganizationPolicyType | string;

/**
 * The names AWS's documentation gives each policy type, for display.
 *
 * @public
 */
export const ORGANIZATION_POLICY_TYPE_TITLES: Record<
  KnownOrganizationPolicyType,
  string
> = {
  SERVICE_CONTROL_POLICY: 'Service control policy',
  RESOURCE_CONTROL_POLICY: 'Resource control policy',
  DECLARATIVE_POLICY_EC2: 'Declarative policy (EC2)',
  BACKUP_POLICY: 'Backup policy',
  TAG_POLICY: 'Tag policy',
  CHATBOT_POLICY: 'Chat applications policy',
  AISERVICES_OPT_OUT_POLICY: 'AI services opt-out policy',
  SECURITYHUB_POLICY: 'Security Hub policy',
  SECURITYHUB_CSPM_POLICY: 'Security Hub CSPM policy',
  INSPECTOR_POLICY: 'Amazon Inspector policy',
  UPGRADE_ROLLOUT_POLICY: 'Upgrade rollout policy',
  BEDROCK_POLICY: 'Amazon Bedrock policy',
  S3_POLICY: 'Amazon S3 policy',
  NETWORK_SECURITY_DIRECTOR_POLICY: 'Network security director policy',
  GUARDDUTY_POLICY: 'Amazon GuardDuty policy',
};

/**
 * A policy type's status on the root as `ListRoots` reports it.
 *
 * @public
 */
export type PolicyTypeStatus = 'ENABLED' | 'PENDING_ENABLE' | 'PENDING_DISABLE';

/** One entry of the root's `PolicyTypes`. @public */
export interface RootPolicyType {
  type: OrganizationPolicyType;
  status: PolicyTypeStatus;
}

/**
 * A policy of a type that is read and shown, not evaluated (tag, backup,
 * declarative, AI-services opt-out ...). Its document is the type's own
 * JSON syntax (management policy syntax with `@@assign` operators for most
 * types), kept exactly as AWS returned it.
 *
 * @public
 */
export interface OrganizationPolicy {
  id: string;
  arn: string;
  name: string;
  description: string;
  type: OrganizationPolicyType;
  awsManaged: boolean;
  /** The policy document exactly as AWS returned it. */
  content: string;
  /** Set when `content` is not valid JSON: the document is kept raw. */
  parseError?: string;
  targets: PolicyTarget[];
  /** The policy's tags; absent for AWS managed policies. */
  tags?: Knowable<Tags>;
}

/**
 * The policies of one type other than SCPs and RCPs, for a type enabled on
 * the root. `policies` is unknown when its listing failed (e.g. a delegated
 * administrator not delegated that type): unknown, never empty.
 *
 * @public
 */
export interface OtherPolicyTypeSnapshot {
  type: OrganizationPolicyType;
  policies: Knowable<OrganizationPolicy[]>;
}

/**
 * The organization-policy parts of a snapshot besides SCPs. All are absent
 * in snapshots from readers that do not read them.
 *
 * @public
 */
export interface OrganizationPoliciesPart {
  /**
   * Every policy type on the root with its status (`ENABLED`,
   * `PENDING_ENABLE`, `PENDING_DISABLE`), as `ListRoots` reports it.
   * `organization.enabledPolicyTypes` holds the enabled ones.
   */
  rootPolicyTypes?: RootPolicyType[];
  /**
   * The resource control policies with their documents, targets and tags
   * (RCPFullAWSAccess included). An empty list when the
   * RESOURCE_CONTROL_POLICY type is not enabled on the root. Unknown when
   * the listing failed; absent from readers that do not read RCPs. In both
   * cases their effect is unknown when the type is enabled.
   */
  resourceControlPolicies?: Knowable<ResourceControlPolicy[]>;
  /**
   * One entry per policy type other than SCPs and RCPs that is enabled on
   * the root, in the order of {@link ORGANIZATION_POLICY_TYPES} (types the
   * list does not know last, by name).
   */
  otherPolicyTypes?: OtherPolicyTypeSnapshot[];
}

/**
 * The resource control policies a snapshot holds, or undefined when they
 * are not known (not read, or their listing failed).
 *
 * @public
 */
export function knownResourceControlPolicies(
  snapshot: OrganizationSnapshot,
): ResourceControlPolicy[] | undefined {
  const rcps = snapshot.resourceControlPolicies;
  return Array.isArray(rcps) ? rcps : undefined;
}

/**
 * The display title of a policy type (its name when the type is not known).
 *
 * @public
 */
export function policyTypeTitle(type: OrganizationPolicyType): string {
  return (
    (ORGANIZATION_POLICY_TYPE_TITLES as Record<string, string>)[type] ?? type
  );
}

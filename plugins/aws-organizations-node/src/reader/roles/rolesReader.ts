import { IAMClient } from '@aws-sdk/client-iam';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import type {
  Account,
  IamManagedPolicy,
  IamSnapshot,
  IdentityCenterSnapshot,
} from '@aws-governance/plugin-aws-organizations-common';
import { isUnknown } from '@aws-governance/plugin-aws-organizations-common';
import type { RolesSourceConfig } from '../../config/reader';
import type { ReadContext } from '../context';
import { readRolesPerAccount } from './accountRole';
import { readRolesFromAggregator } from './configAggregator';
import { isAwsManagedPolicy, ManagedPolicyDocuments } from './managedPolicies';

/**
 * Options of {@link createIamRolesReader}.
 *
 * @public
 */
export interface IamRolesReaderOptions {
  /** Where the roles come from (`awsOrganizations.roles`). */
  source: RolesSourceConfig;
  /** Endpoint overrides (`awsOrganizations.endpoints.iam`, `.config`). */
  endpoints?: { iam?: string; config?: string };
  /** Attempts per call of the session clients, first try included. */
  maxAttempts?: number;
}

/**
 * The roles reader: reads the IAM part of a snapshot from the configured
 * source and the AWS managed policy documents the roles and permission
 * sets attach, which it caches across syncs by (ARN, default version).
 * Create one per backend (or CLI run) and pass it to every
 * `readOrganizationSnapshot` as `roles`.
 *
 * @public
 */
export interface IamRolesReader {
  readonly source: RolesSourceConfig['source'];
  /** @internal */
  read(
    ctx: ReadContext,
    accounts: Account[],
    identityCenter: Promise<IdentityCenterSnapshot>,
  ): Promise<IamSnapshot>;
}

function permissionSetPolicyArns(ic: IdentityCenterSnapshot): string[] {
  if (ic.status !== 'available') return [];
  return ic.permissionSets.flatMap(set => {
    const boundary = set.permissionsBoundary;
    return [
      ...set.managedPolicies.map(p => p.arn),
      ...(!isUnknown(boundary) && boundary.type === 'managed'
        ? [boundary.managedPolicyArn]
        : []),
    ];
  });
}

function attachedArns(iam: IamSnapshot['accounts']): string[] {
  const arns: string[] = [];
  for (const account of Object.values(iam)) {
    if (account.status !== 'known') continue;
    for (const entity of [...account.roles, ...account.users]) {
      arns.push(...entity.attachedPolicies.map(p => p.arn));
      if (typeof entity.permissionsBoundary === 'string') {
        arns.push(entity.permissionsBoundary);
      }
    }
  }
  return arns;
}

class RolesReader implements IamRolesReader {
  readonly #options: IamRolesReaderOptions;
  readonly #documents = new ManagedPolicyDocuments();

  constructor(options: IamRolesReaderOptions) {
    this.#options = options;
  }

  get source() {
    return this.#options.source.source;
  }

  #session<C>(
    make: (config: object) => C,
    base: { config: { requestHandler?: unknown } } | undefined,
    endpoint: string | undefined,
    region: string,
  ) {
    return (credentials: AwsCredentialIdentity): C =>
      make({
        region,
        credentials,
        ...(endpoint ? { endpoint } : {}),
        maxAttempts: this.#options.maxAttempts ?? 1,
        // One connection pool for every session client.
        ...(base?.config.requestHandler
          ? { requestHandler: base.config.requestHandler }
          : {}),
      });
  }

  async read(
    ctx: ReadContext,
    accounts: Account[],
    identityCenter: Promise<IdentityCenterSnapshot>,
  ): Promise<IamSnapshot> {
    const source = this.#options.source;
    const endpoints = this.#options.endpoints ?? {};
    const read =
      source.source === 'account-role'
        ? await readRolesPerAccount(ctx, accounts, {
            roleName: source.roleName,
            externalId: source.externalId,
            concurrency: source.concurrency,
            iamClient: this.#session(
              c => new IAMClient(c),
              ctx.clients.iam,
              endpoints.iam,
              'us-east-1',
            ),
          })
        : await readRolesFromAggregator(ctx, accounts, {
            aggregatorName: source.aggregatorName,
            accountId: source.accountId,
            roleName: source.roleName,
            externalId: source.externalId,
            client: ctx.clients.config,
            configClient: this.#session(
              c => new ConfigServiceClient(c),
              ctx.clients.config,
              endpoints.config,
              source.region,
            ),
          });
    const awsManaged = new Set(
      [
        ...attachedArns(read.accounts),
        ...permissionSetPolicyArns(await identityCenter),
      ].filter(isAwsManagedPolicy),
    );
    const managed = await this.#documents.read(ctx, [...awsManaged].sort());
    const local = new Map<string, IamManagedPolicy>();
    for (const policy of read.localPolicies) local.set(policy.arn, policy);
    return {
      accounts: read.accounts,
      managedPolicies: [...managed, ...local.values()],
    };
  }
}

/**
 * Creates the roles reader for a source; its managed policy cache lives as
 * long as it does.
 *
 * @public
 */
export function createIamRolesReader(
  options: IamRolesReaderOptions,
): IamRolesReader {
  return new RolesReader(options);
}

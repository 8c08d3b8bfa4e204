import { GetPolicyCommand, GetPolicyVersionCommand } from '@aws-sdk/client-iam';
import type { IamManagedPolicy } from '@aws-governance/plugin-aws-organizations-common';
import type { ReadContext } from '../context';
import { decodeDocument } from './shapes';

const AWS_MANAGED = /^arn:aws[a-z-]*:iam::aws:policy\//;

/** Whether the ARN is an AWS managed policy's. */
export function isAwsManagedPolicy(arn: string): boolean {
  return AWS_MANAGED.test(arn);
}

/**
 * AWS managed policy documents, cached by (ARN, default version): each
 * read asks `GetPolicy` for the default version and calls
 * `GetPolicyVersion` only for a version it has not read before. The cache
 * belongs to the reader instance and lives across syncs; AWS managed
 * policies are the same in every account, so the reader's own IAM client
 * reads them.
 */
export class ManagedPolicyDocuments {
  readonly #documents = new Map<string, string>();

  /** Documents cached, for tests and logs. */
  get size(): number {
    return this.#documents.size;
  }

  async read(ctx: ReadContext, arns: string[]): Promise<IamManagedPolicy[]> {
    return Promise.all(arns.map(arn => this.#readOne(ctx, arn)));
  }

  async #readOne(ctx: ReadContext, arn: string): Promise<IamManagedPolicy> {
    const name = arn.slice(arn.lastIndexOf('/') + 1);
    let defaultVersionId: string | undefined;
    const document = await ctx.optional(
      { service: 'iam', operation: 'GetPolicy', resource: arn },
      async optional => {
        const { Policy } = await optional.send(
          { service: 'iam', operation: 'GetPolicy', resource: arn },
          new GetPolicyCommand({ PolicyArn: arn }),
        );
        defaultVersionId = Policy?.DefaultVersionId;
        if (!defaultVersionId) {
          throw new Error(`GetPolicy returned no DefaultVersionId for ${arn}`);
        }
        const key = `${arn}#${defaultVersionId}`;
        const cached = this.#documents.get(key);
        if (cached !== undefined) return cached;
        const { PolicyVersion } = await optional.send(
          { service: 'iam', operation: 'GetPolicyVersion', resource: arn },
          new GetPolicyVersionCommand({
            PolicyArn: arn,
            VersionId: defaultVersionId,
          }),
        );
        if (!PolicyVersion?.Document) {
          throw new Error(`GetPolicyVersion returned no document for ${arn}`);
        }
        const decoded = decodeDocument(PolicyVersion.Document);
        this.#documents.set(key, decoded);
        return decoded;
      },
    );
    return {
      arn,
      name,
      awsManaged: true,
      ...(defaultVersionId ? { defaultVersionId } : {}),
      document,
    };
  }
}

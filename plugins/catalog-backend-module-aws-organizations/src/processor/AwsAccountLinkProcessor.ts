import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  awsAccountEntityName,
  AWS_RELATIONS,
  getAwsAccountIdAnnotation,
  isAwsAccountEntity,
} from '@aws-governance/plugin-aws-organizations-common';

/**
 * Links any entity annotated with `amazonaws.com/account-id` (a service
 * Component, an EKS cluster Resource, ...) to the account entity of that id:
 * `runsIn` from the entity, `hosts` back from the account, so an account page
 * lists the services running in it and a service finds its account.
 *
 * @public
 */
export class AwsAccountLinkProcessor implements CatalogProcessor {
  readonly #namespace: string;

  /**
   * @param options - `namespace`: namespace of the account entities
   *   (default `default`), the one the entity provider writes them to.
   */
  constructor(options?: { namespace?: string }) {
    this.#namespace = options?.namespace ?? 'default';
  }

  getProcessorName(): string {
    return 'AwsAccountLinkProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (isAwsAccountEntity(entity)) {
      return entity;
    }
    let accountId: string | undefined;
    try {
      accountId = getAwsAccountIdAnnotation(entity);
    } catch (error) {
      emit(processingResult.inputError(location, (error as Error).message));
      return entity;
    }
    if (!accountId) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    const account = {
      kind: 'Resource',
      namespace: this.#namespace,
      name: awsAccountEntityName(accountId),
    };
    emit(
      processingResult.relation({
        source: self,
        type: AWS_RELATIONS.runsIn,
        target: account,
      }),
    );
    emit(
      processingResult.relation({
        source: account,
        type: AWS_RELATIONS.hosts,
        target: self,
      }),
    );
    return entity;
  }
}

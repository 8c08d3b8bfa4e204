import type { CompiledRequest } from './compile';
import { buildRequestContext } from './context';
import {
  actionInfo,
  conditionKeyKind,
  IAM_REFERENCE_VERSION,
} from './iam/catalog';
import type { RequestResource } from './resources';
import type { ScpActionInfo, ScpRequest } from './types';

/** A what-if request ready for the compiled statements, with what the reference says of it. */
export interface PreparedRequest {
  compiled: CompiledRequest;
  action: ScpActionInfo;
  /** Plain-language notes about the request itself. */
  notes: string[];
}

const documentedMultivalued = (lowerKey: string) =>
  conditionKeyKind(lowerKey) === 'multivalued';

/**
 * Looks the action up in the IAM reference and builds the request the
 * statements see: an action AWS lists without a resource type is
 * authorized against `*`; otherwise an omitted resource (or `*`) means
 * "not specified".
 */
export function prepareRequest(
  request: ScpRequest,
  derived: readonly Record<string, string | string[]>[],
): PreparedRequest {
  const info = actionInfo(request.action);
  const notes: string[] = [];
  if (!info.known) {
    notes.push(
      info.serviceKnown
        ? `${request.action} is not an action of ${info.service} in AWS's Service Authorization Reference (IAM data ${IAM_REFERENCE_VERSION}): check the spelling`
        : `${request.action} names no service of AWS's Service Authorization Reference (IAM data ${IAM_REFERENCE_VERSION}): check the spelling`,
    );
  }
  let resource: RequestResource;
  if (info.resourceless) {
    resource = { kind: 'none', service: info.service, action: info.name };
    if (request.resource !== undefined && request.resource !== '*') {
      notes.push(
        `${info.name} takes no resource type: AWS authorizes it against "*", not ${request.resource}`,
      );
    }
  } else if (request.resource === undefined || request.resource === '*') {
    resource = { kind: 'unspecified' };
  } else {
    resource = { kind: 'arn', arn: request.resource };
  }
  return {
    compiled: {
      action: info.action,
      resource,
      context: buildRequestContext(request, derived, documentedMultivalued),
    },
    action: {
      name: info.name,
      known: info.known,
      serviceKnown: info.serviceKnown,
      resourceless: info.resourceless,
    },
    notes,
  };
}

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
  notes: readonly string[];
}

const documentedMultivalued = (lowerKey: string) =>
  conditionKeyKind(lowerKey) === 'multivalued';

/** What a request's action contributes, worked out once per action text. */
interface ActionEntry {
  action: string;
  public: ScpActionInfo;
  notes: readonly string[];
  resourceless?: RequestResource;
}

const UNSPECIFIED: RequestResource = { kind: 'unspecified' };
const entries = new Map<string, ActionEntry>();

function actionEntry(action: string): ActionEntry {
  const cached = entries.get(action);
  if (cached) return cached;
  const info = actionInfo(action);
  const notes: string[] = [];
  if (!info.known) {
    notes.push(
      info.serviceKnown
        ? `${action} is not an action of ${info.service} in AWS's Service Authorization Reference (IAM data ${IAM_REFERENCE_VERSION}): check the spelling`
        : `${action} names no service of AWS's Service Authorization Reference (IAM data ${IAM_REFERENCE_VERSION}): check the spelling`,
    );
  }
  const entry: ActionEntry = {
    action: info.action,
    public: Object.freeze({
      name: info.name,
      known: info.known,
      serviceKnown: info.serviceKnown,
      resourceless: info.resourceless,
    }),
    notes,
  };
  if (info.resourceless) {
    entry.resourceless = {
      kind: 'none',
      service: info.service,
      action: info.name,
    };
  }
  if (entries.size > 10_000) entries.clear();
  entries.set(action, entry);
  return entry;
}

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
  const entry = actionEntry(request.action);
  let notes = entry.notes;
  let resource: RequestResource;
  if (entry.resourceless) {
    resource = entry.resourceless;
    if (request.resource !== undefined && request.resource !== '*') {
      notes = [
        ...notes,
        `${entry.public.name} takes no resource type: AWS authorizes it against "*", not ${request.resource}`,
      ];
    }
  } else if (request.resource === undefined || request.resource === '*') {
    resource = UNSPECIFIED;
  } else {
    resource = { kind: 'arn', arn: request.resource };
  }
  return {
    compiled: {
      action: entry.action,
      resource,
      context: buildRequestContext(request, derived, documentedMultivalued),
    },
    action: entry.public,
    notes,
  };
}

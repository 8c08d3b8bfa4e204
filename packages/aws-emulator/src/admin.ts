import {
  AwsError,
  EmulatedService,
  EMULATED_SERVICES,
} from './protocol/errors';
import { AdminHandler, AwsCall } from './protocol/server';
import { FaultConfig } from './knobs/faults';
import { EmulatorStats } from './knobs/stats';
import { countState } from './state/counts';
import { setAccountState } from './state/organizations';
import { AccountState, EmulatorState } from './state/types';

const ACCOUNT_STATES: AccountState[] = [
  'PENDING_ACTIVATION',
  'ACTIVE',
  'SUSPENDED',
  'PENDING_CLOSURE',
  'CLOSED',
];

function isFaultConfig(body: unknown): body is FaultConfig {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return false;
  }
  const { accessDenied } = body as FaultConfig;
  return (
    accessDenied === undefined ||
    (Array.isArray(accessDenied) &&
      accessDenied.every(s => EMULATED_SERVICES.includes(s)))
  );
}

/** What the events feature delivered, for `GET events`. @public */
export interface EventsStatus {
  queueUrl?: string;
  delivered: number;
  undelivered: number;
}

/**
 * `POST calls/{service}/{operation}`: runs the AWS operation with the body
 * as its input, on the same path as the AWS APIs (state change and
 * CloudTrail event) but without the knobs (latency, throttling, faults).
 */
async function adminCall(
  call: (call: AwsCall) => Promise<unknown>,
  service: string,
  operation: string,
  body: unknown,
) {
  if (!EMULATED_SERVICES.includes(service as EmulatedService)) {
    return {
      status: 404,
      body: { error: `service must be one of ${EMULATED_SERVICES.join(', ')}` },
    };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { status: 400, body: { error: 'Body must be a JSON object' } };
  }
  try {
    const answer = await call({
      service: service as EmulatedService,
      operation,
      body: body as Record<string, unknown>,
    });
    return { status: 200, body: answer ?? {} };
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    return {
      status: error.statusCode,
      body: { __type: error.code, message: error.message, ...error.fields },
    };
  }
}

/**
 * The admin endpoint, plain JSON under `/_emulator/`:
 * `GET stats`, `POST reset` (stats), `GET counts`, `GET|PUT|POST faults`
 * (PUT/POST replace the faults), `POST accounts/{id}/state` with
 * `{"state": "SUSPENDED"}`, `POST calls/{service}/{operation}` (an AWS
 * write without the knobs, recorded as the API call is) and `GET events`.
 *
 * @public
 */
export function createAdminHandler(emulator: {
  state: EmulatorState;
  stats(): EmulatorStats;
  resetStats(): void;
  setFaults(faults: FaultConfig): void;
  getFaults(): FaultConfig;
  /** Runs an AWS operation as the APIs do, knobs aside. */
  call?(call: AwsCall): Promise<unknown>;
  /** What the events feature delivered; undefined when it is off. */
  events?(): EventsStatus | undefined;
}): AdminHandler {
  return async ({ method, path, body }) => {
    const route = `${method} ${path.replace(/\/+$/, '')}`;
    const call = /^POST calls\/([A-Za-z]+)\/([A-Za-z]+)$/.exec(route);
    if (call && emulator.call) {
      return adminCall(emulator.call, call[1], call[2], body ?? {});
    }
    if (route === 'GET events') {
      const events = emulator.events?.();
      return events
        ? { status: 200, body: events }
        : { status: 404, body: { error: 'Events are off (no events queue)' } };
    }
    if (route === 'GET stats') return { status: 200, body: emulator.stats() };
    if (route === 'GET counts') {
      return { status: 200, body: countState(emulator.state) };
    }
    if (route === 'POST reset') {
      emulator.resetStats();
      return { status: 200, body: emulator.stats() };
    }
    if (route === 'GET faults') {
      return { status: 200, body: emulator.getFaults() };
    }
    if (route === 'PUT faults' || route === 'POST faults') {
      if (!isFaultConfig(body)) {
        return { status: 400, body: { error: 'Body must be a FaultConfig' } };
      }
      emulator.setFaults(body);
      return { status: 200, body: emulator.getFaults() };
    }
    const match = /^POST accounts\/(\d{12})\/state$/.exec(route);
    if (match) {
      const next = (body as { state?: AccountState } | undefined)?.state;
      if (!next || !ACCOUNT_STATES.includes(next)) {
        return {
          status: 400,
          body: { error: `state must be one of ${ACCOUNT_STATES.join(', ')}` },
        };
      }
      if (!emulator.state.accounts.has(match[1])) {
        return { status: 404, body: { error: `No account ${match[1]}` } };
      }
      setAccountState(emulator.state, match[1], next);
      return { status: 200, body: { accountId: match[1], state: next } };
    }
    return { status: 404, body: { error: `No admin route ${route}` } };
  };
}

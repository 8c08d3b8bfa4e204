import { EMULATED_SERVICES } from './protocol/errors';
import { AdminHandler } from './protocol/server';
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

/**
 * The admin endpoint, plain JSON under `/_emulator/`:
 * `GET stats`, `POST reset` (stats), `GET counts`, `GET|PUT|POST faults`
 * (PUT/POST replace the faults) and `POST accounts/{id}/state` with
 * `{"state": "SUSPENDED"}`.
 *
 * @public
 */
export function createAdminHandler(emulator: {
  state: EmulatorState;
  stats(): EmulatorStats;
  resetStats(): void;
  setFaults(faults: FaultConfig): void;
  getFaults(): FaultConfig;
}): AdminHandler {
  return async ({ method, path, body }) => {
    const route = `${method} ${path.replace(/\/+$/, '')}`;
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

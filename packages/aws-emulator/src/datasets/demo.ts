import { createEmptyState } from '../state/organizations';
import { EmulatorState } from '../state/types';
import { seedDemoIdentityCenter } from './demoIdentityCenter';
import { seedDemoOrganization } from './demoOrganization';
import { seedDemoIam } from './demoIam';
import { seedDemoSignals } from './demoSignals';

/** The seed of the demo data set's generated ids (user, group, PS ids). */
const DEMO_SEED = 20240601;

/**
 * The demo company, Acme Corp: the organization, teams, people and
 * accounts of examples/org.yaml and examples/entities.yaml. Always the same,
 * whatever seed the emulator runs with.
 *
 * @public
 */
export function buildDemoDataset(): EmulatorState {
  const state = createEmptyState(DEMO_SEED);
  seedDemoOrganization(state);
  seedDemoIdentityCenter(state);
  seedDemoIam(state);
  seedDemoSignals(state);
  return state;
}

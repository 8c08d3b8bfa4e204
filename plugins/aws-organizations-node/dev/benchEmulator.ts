/*
 * Child process of the benchmark: runs the emulator so that the reader's
 * memory is measured alone, and sends its URL, expected counts and the
 * call lower bound to the parent. It stops when the parent disconnects.
 */
import { countIam, startEmulator } from '@aws-governance/aws-emulator';
import { lowerBound, rolesLowerBound } from './lowerBound';

async function main() {
  const options = JSON.parse(process.argv[2] ?? '{}');
  const emu = await startEmulator(options);
  process.on('disconnect', () => {
    emu.close().finally(() => process.exit(0));
  });
  process.send!({
    url: emu.url,
    expected: emu.expected,
    lowerBound: lowerBound(emu.state),
    ...(options.withRoles
      ? {
          rolesLowerBound: rolesLowerBound(emu.state),
          expectedRoles: countIam(emu.state).roles,
          aggregatorAccountId: [
            ...(emu.state.iam?.aggregators.values() ?? []),
          ][0]?.accountId,
        }
      : {}),
  });
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});

#!/usr/bin/env node
/*
 * Fails on any import cycle between the modules of the plugins and
 * packages (ARCHITECTURE.md: dependencies point one way, inside a package
 * too). Reads every TypeScript source below plugins/* and packages/*
 * (src, dev, examples, migrations) with madge and prints each cycle as the
 * chain of files that closes it.
 *
 * Value imports count; `import type` and `import { type X }` do not: the
 * compiler erases them, so they cannot change the order modules load in or
 * leave a module half-initialised. (The snapshot model's aggregate type in
 * -common's snapshot.ts and the parts it is made of refer to each other by
 * type only, by design.)
 *
 * Usage: node scripts/checkImportCycles.js [dir ...]   (default: the above)
 */
const fs = require('node:fs');
const path = require('node:path');
const madge = require('madge');

const ROOT = path.resolve(__dirname, '..');
const SOURCE_DIRS = ['src', 'dev', 'examples', 'migrations'];

function defaultDirs() {
  const dirs = [];
  for (const parent of ['plugins', 'packages']) {
    for (const name of fs.readdirSync(path.join(ROOT, parent))) {
      for (const sub of SOURCE_DIRS) {
        const dir = path.join(parent, name, sub);
        if (fs.existsSync(path.join(ROOT, dir))) dirs.push(dir);
      }
    }
  }
  return dirs;
}

async function main() {
  const args = process.argv.slice(2);
  const dirs = args.length > 0 ? args : defaultDirs();
  const skipTypes = { skipTypeImports: true, skipAsyncImports: false };
  const result = await madge(
    dirs.map(dir => path.resolve(ROOT, dir)),
    {
      baseDir: ROOT,
      fileExtensions: ['ts', 'tsx', 'js'],
      tsConfig: path.join(ROOT, 'tsconfig.json'),
      excludeRegExp: [/node_modules/, /\.d\.ts$/],
      detectiveOptions: { ts: skipTypes, tsx: skipTypes, es6: skipTypes },
    },
  );
  const files = Object.keys(result.obj()).length;
  const skipped = result.warnings().skipped;
  const cycles = result.circular();
  if (cycles.length === 0) {
    console.log(`No import cycles in ${files} modules of ${dirs.join(', ')}`);
    return;
  }
  console.error(`${cycles.length} import cycle(s) in ${files} modules:`);
  cycles.forEach((cycle, i) => {
    console.error(`${i + 1}) ${[...cycle, cycle[0]].join(' -> ')}`);
  });
  if (skipped.length > 0) {
    console.error(`(imports madge could not resolve: ${skipped.join(', ')})`);
  }
  process.exitCode = 1;
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});

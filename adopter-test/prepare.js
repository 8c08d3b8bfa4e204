#!/usr/bin/env node
/*
 * Prepares the adopter test's app in a folder outside this repository:
 * packs every published package, checks each tarball, copies the fixture app
 * (adopter-test/app, a lean @backstage/create-app app that knows nothing of
 * this repo) and applies the packages' README steps to it: the install
 * commands (against the tarballs), the backend wiring, the app-config blocks
 * and the emulator command. Names the README imports are checked against the
 * packed type declarations.
 *
 * Usage: node adopter-test/prepare.js <work dir>
 * Writes <work dir>/app and <work dir>/app/adopter-test-steps.json; exits 1
 * listing every problem found.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { publishablePackages } = require('./lib/publishable');
const { extractTarball, checkPackageDir } = require('./lib/checkTarball');
const { readReadmeSteps } = require('./lib/readmeSteps');
const { exportedNames } = require('./lib/exportedNames');

const ROOT = path.resolve(__dirname, '..');
const SCOPE = '@aws-governance/';
const problems = [];

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function writeJson(file, value) {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

function packAll(packages, tarballs) {
  fs.mkdirSync(tarballs, { recursive: true });
  for (const pkg of packages) {
    const out = path.join(tarballs, `${pkg.slug}.tgz`);
    try {
      execFileSync('yarn', ['workspace', pkg.name, 'pack', '--out', out], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      problems.push(
        `${pkg.name} cannot be packed:\n${error.stdout}${error.stderr}`,
      );
      continue;
    }
    pkg.tarball = out;
    pkg.unpacked = extractTarball(
      out,
      path.join(tarballs, 'unpacked', pkg.slug),
    );
    for (const problem of checkPackageDir(pkg.unpacked)) {
      problems.push(`${pkg.name} tarball: ${problem}`);
    }
  }
}

function checkImports(imports, packages) {
  for (const { specifier, names, where } of imports) {
    const pkg = packages.find(
      p => specifier === p.name || specifier.startsWith(`${p.name}/`),
    );
    if (!pkg) {
      problems.push(
        `${where}: imports ${specifier}, which this repo does not publish`,
      );
      continue;
    }
    if (!pkg.unpacked) continue;
    const subpath = `.${specifier.slice(pkg.name.length)}`;
    const exported = exportedNames(pkg.unpacked, subpath);
    if (!exported) {
      problems.push(
        `${where}: ${specifier} is not an entry point of the package`,
      );
      continue;
    }
    for (const name of names.filter(n => !exported.has(n))) {
      problems.push(`${where}: ${specifier} exports no '${name}'`);
    }
  }
}

function applyInstalls(app, steps, packages) {
  const manifest = path.join(app, 'package.json');
  const root = readJson(manifest);
  root.resolutions = { ...root.resolutions };
  for (const pkg of packages.filter(p => p.tarball)) {
    const target = path.relative(app, pkg.tarball).split(path.sep).join('/');
    root.resolutions[pkg.name] = `file:./${target}`;
  }
  writeJson(manifest, root);
  for (const { cwd, dev, packages: names, where } of steps.installs) {
    const file = path.join(app, cwd, 'package.json');
    if (!fs.existsSync(file)) {
      problems.push(
        `${where}: --cwd ${cwd} is not a package of a create-app app`,
      );
      continue;
    }
    const workspace = readJson(file);
    const field = dev ? 'devDependencies' : 'dependencies';
    workspace[field] = { ...workspace[field] };
    for (const name of names) {
      const pkg = packages.find(p => p.name === name);
      if (!pkg) {
        problems.push(
          `${where}: installs ${name}, which this repo does not publish`,
        );
        continue;
      }
      workspace[field][name] = `^${pkg.version}`;
    }
    writeJson(file, workspace);
  }
}

function applyBackendWiring(app, steps) {
  const backendDir = path.join(app, 'packages/backend');
  const installed = readJson(
    path.join(backendDir, 'package.json'),
  ).dependencies;
  const indexFile = path.join(backendDir, 'src/index.ts');
  let index = fs.readFileSync(indexFile, 'utf8');
  const added = [];
  for (const { pkg, where } of steps.backendAdds) {
    const line = `backend.add(import('${pkg}'));`;
    if (index.includes(`import('${pkg}')`) || added.includes(line)) continue;
    if (!installed[pkg]) {
      problems.push(
        `${where}: wires ${pkg}, which no install step adds to packages/backend`,
      );
      continue;
    }
    added.push(line);
  }
  if (!index.includes('backend.start();')) {
    throw new Error('The fixture backend has no backend.start();');
  }
  index = index.replace(
    'backend.start();',
    `${added.join('\n')}\n\nbackend.start();`,
  );
  fs.writeFileSync(indexFile, index);
}

function applyAppConfigs(app, steps) {
  return steps.appConfigs.map(({ yaml, where }, i) => {
    const name = `app-config.readme-${i + 1}.yaml`;
    fs.writeFileSync(path.join(app, name), `# ${where}\n${yaml}`);
    return name;
  });
}

function emulatorCommand(steps, packages) {
  if (!steps.emulator) {
    problems.push(
      'No README has an emulator step (npx <emulator package> ...)',
    );
    return undefined;
  }
  const { package: name, args, where } = steps.emulator;
  const pkg = packages.find(p => p.name === name);
  if (!pkg?.unpacked) {
    problems.push(`${where}: runs ${name}, which this repo does not publish`);
    return undefined;
  }
  const { bin, dependencies = {} } = readJson(
    path.join(pkg.unpacked, 'package.json'),
  );
  const binName =
    typeof bin === 'string' ? name.split('/').pop() : Object.keys(bin ?? {})[0];
  if (!binName || (typeof bin === 'object' && Object.keys(bin).length !== 1)) {
    problems.push(
      `${where}: ${name} must have exactly one bin for npx to run it`,
    );
    return undefined;
  }
  const port = args.includes('--port')
    ? args[args.indexOf('--port') + 1]
    : '4566';
  // npx caches what it installed by the package spec: a file name of the
  // tarball's content keeps a reused work folder from running an old build.
  const withDigest = p => {
    const digest = createHash('sha256')
      .update(fs.readFileSync(p.tarball))
      .digest('hex');
    const tarball = p.tarball.replace(/\.tgz$/, `-${digest.slice(0, 12)}.tgz`);
    fs.copyFileSync(p.tarball, tarball);
    return tarball;
  };
  // The packages of this repo it depends on come from their tarballs too,
  // as they would come from the registry once published together.
  const siblings = packages.filter(p => p.tarball && p.name in dependencies);
  const specs = [...siblings, pkg].map(p => `--package=${withDigest(p)}`);
  return {
    command: ['npx', '--yes', ...specs, binName, ...args],
    url: `http://127.0.0.1:${port}`,
  };
}

function main() {
  const work = path.resolve(process.argv[2] ?? '');
  if (!process.argv[2]) throw new Error('Usage: prepare.js <work dir>');
  const app = path.join(work, 'app');
  // A reused work folder keeps the app's node_modules and Yarn's install state:
  // the next install only replaces what changed.
  fs.mkdirSync(app, { recursive: true });
  for (const entry of fs.readdirSync(app)) {
    if (entry !== 'node_modules' && entry !== '.yarn') {
      fs.rmSync(path.join(app, entry), { recursive: true, force: true });
    }
  }
  fs.cpSync(path.join(__dirname, 'app'), app, { recursive: true });
  fs.cpSync(
    path.join(ROOT, '.yarn/releases'),
    path.join(app, '.yarn/releases'),
    {
      recursive: true,
    },
  );
  fs.copyFileSync(
    path.join(__dirname, 'app-config.adopter-test.yaml'),
    path.join(app, 'app-config.adopter-test.yaml'),
  );

  const packages = publishablePackages(ROOT);
  packAll(packages, path.join(app, 'tarballs'));

  const readmes = [
    { path: path.join(ROOT, 'README.md'), label: 'README.md' },
    ...packages.map(p => {
      const label = path.relative(ROOT, path.join(p.dir, 'README.md'));
      return { path: path.join(p.dir, 'README.md'), label };
    }),
  ];
  const steps = readReadmeSteps(readmes, { scope: SCOPE });
  checkImports(steps.imports, packages);
  applyInstalls(app, steps, packages);
  applyBackendWiring(app, steps);
  const configs = applyAppConfigs(app, steps);
  const emulator = emulatorCommand(steps, packages);
  writeJson(path.join(app, 'adopter-test-steps.json'), { configs, emulator });

  const summary = {
    tarballs: packages
      .filter(p => p.tarball)
      .map(p => path.basename(p.tarball)),
    installs: steps.installs.map(i => `${i.cwd}: ${i.packages.join(' ')}`),
    backendAdds: steps.backendAdds.map(a => a.pkg),
    configs: steps.appConfigs.map(c => c.where),
    imports: steps.imports.length,
    emulator: emulator?.command.join(' '),
  };
  console.log(JSON.stringify(summary, null, 2));
  if (problems.length) {
    console.error(
      `\n${problems.length} problem(s):\n- ${problems.join('\n- ')}`,
    );
    process.exit(1);
  }
}

main();

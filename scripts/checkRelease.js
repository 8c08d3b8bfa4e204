#!/usr/bin/env node
/*
 * Checks that a release can version the published packages: on a copy of
 * the manifests, changelogs and pending changesets, it adds a minor
 * changeset for the common package and runs `changeset version`, then
 * checks that the common package got the minor bump, that every published
 * package depending on it got a patch bump with a changelog entry, that the
 * pending changesets were consumed and that the private demo packages kept
 * their versions. A malformed or unknown-package changeset fails it too.
 *
 * Usage: node scripts/checkRelease.js
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const COMMON = '@aws-governance/plugin-aws-organizations-common';

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function workspaces(root) {
  const { workspaces: globs } = readJson(path.join(root, 'package.json'));
  return globs.flatMap(glob => {
    const parent = glob.slice(0, -2);
    return fs
      .readdirSync(path.join(root, parent))
      .map(entry => path.join(parent, entry))
      .filter(dir => fs.existsSync(path.join(root, dir, 'package.json')));
  });
}

function bump(version, level) {
  const [major, minor, patch] = version.split('.').map(Number);
  return level === 'minor'
    ? `${major}.${minor + 1}.0`
    : `${major}.${minor}.${patch + 1}`;
}

/** Whether version `a` is at least `b` (plain x.y.z). */
function atLeast(a, b) {
  const [x, y] = [a, b].map(v => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) {
    if (x[i] !== y[i]) return x[i] > y[i];
  }
  return true;
}

function main() {
  const copy = fs.mkdtempSync(
    path.join(os.tmpdir(), 'aws-governance-release-'),
  );
  const problems = [];
  try {
    fs.copyFileSync(
      path.join(ROOT, 'package.json'),
      path.join(copy, 'package.json'),
    );
    fs.cpSync(path.join(ROOT, '.changeset'), path.join(copy, '.changeset'), {
      recursive: true,
    });
    fs.symlinkSync(
      path.join(ROOT, 'node_modules'),
      path.join(copy, 'node_modules'),
    );
    const before = new Map();
    for (const dir of workspaces(ROOT)) {
      fs.mkdirSync(path.join(copy, dir), { recursive: true });
      for (const file of ['package.json', 'CHANGELOG.md']) {
        if (fs.existsSync(path.join(ROOT, dir, file))) {
          fs.copyFileSync(
            path.join(ROOT, dir, file),
            path.join(copy, dir, file),
          );
        }
      }
      const pkg = readJson(path.join(ROOT, dir, 'package.json'));
      before.set(dir, pkg);
      if (
        !pkg.private &&
        !fs.existsSync(path.join(ROOT, dir, 'CHANGELOG.md'))
      ) {
        problems.push(`${pkg.name} has no CHANGELOG.md`);
      }
    }
    const pending = fs
      .readdirSync(path.join(copy, '.changeset'))
      .filter(file => file.endsWith('.md') && file !== 'README.md');
    fs.writeFileSync(
      path.join(copy, '.changeset', 'release-check.md'),
      `---\n'${COMMON}': minor\n---\n\nRelease check.\n`,
    );
    execFileSync(path.join(ROOT, 'node_modules/.bin/changeset'), ['version'], {
      cwd: copy,
      stdio: ['ignore', 'ignore', 'pipe'],
    });

    const left = fs
      .readdirSync(path.join(copy, '.changeset'))
      .filter(file => file.endsWith('.md') && file !== 'README.md');
    if (left.length)
      problems.push(`changesets left after versioning: ${left.join(', ')}`);
    for (const [dir, old] of before) {
      const now = readJson(path.join(copy, dir, 'package.json'));
      const changelog = path.join(copy, dir, 'CHANGELOG.md');
      if (old.private) {
        if (now.version !== old.version) {
          problems.push(
            `private ${old.name} was versioned ${old.version} -> ${now.version}`,
          );
        }
        continue;
      }
      const dependsOnCommon = Object.keys(old.dependencies ?? {}).includes(
        COMMON,
      );
      const expected =
        old.name === COMMON
          ? bump(old.version, 'minor')
          : dependsOnCommon
          ? bump(old.version, 'patch')
          : undefined;
      if (expected && !atLeast(now.version, expected)) {
        problems.push(
          `${old.name}: ${old.version} -> ${now.version}, expected at least ${expected}`,
        );
      }
      if (
        expected &&
        !fs.readFileSync(changelog, 'utf8').includes(`## ${now.version}`)
      ) {
        problems.push(
          `${old.name}: CHANGELOG.md has no entry for ${now.version}`,
        );
      }
      console.log(`${old.name}: ${old.version} -> ${now.version}`);
    }
    console.log(
      `(${pending.length} pending changeset(s) applied with the check's own)`,
    );
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
  if (problems.length) {
    console.error(`Release check failed:\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
}

main();

/*
 * Checks a packed tarball the way an installing app would meet it: every
 * entry point its package.json names exists in it, every module its code and
 * type declarations import is a declared dependency (or the package itself, or
 * a Node built-in), no `workspace:` range is left, and every folder the code
 * resolves at run time through `resolvePackagePath` was packed.
 */
const fs = require('node:fs');
const path = require('node:path');
const { builtinModules } = require('node:module');
const { execFileSync } = require('node:child_process');

const IMPORT_PATTERNS = [
  /\bfrom\s*['"]([^'"\s]+)['"]/g,
  /\bimport\s*['"]([^'"\s]+)['"]/g,
  /\brequire\(\s*['"]([^'"\s]+)['"]\s*\)/g,
  /\bimport\(\s*['"]([^'"\s]+)['"]\s*\)/g,
  /\/\/\/\s*<reference\s+types=['"]([^'"\s]+)['"]/g,
];
const RESOLVE_PACKAGE_PATH =
  /resolvePackagePath\(\s*['"]([^'"]+)['"]\s*,\s*['"]([^'"]+)['"]/g;
const CODE_FILE = /\.(c|m)?js$|\.d\.ts$/;
const DEPENDENCY_FIELDS = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
];

/** Unpacks `tarball` under `into` and returns the package folder. */
function extractTarball(tarball, into) {
  fs.mkdirSync(into, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', into]);
  return path.join(into, 'package');
}

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every file a package.json field points at, as `[field, relative path]`. */
function entryPoints(pkg) {
  const entries = [];
  for (const field of ['main', 'module', 'types', 'typings', 'browser']) {
    if (typeof pkg[field] === 'string') entries.push([field, pkg[field]]);
  }
  if (typeof pkg.configSchema === 'string') {
    entries.push(['configSchema', pkg.configSchema]);
  }
  const bins = typeof pkg.bin === 'string' ? { [pkg.name]: pkg.bin } : pkg.bin;
  for (const [name, file] of Object.entries(bins ?? {})) {
    entries.push([`bin.${name}`, file]);
  }
  const walk = (value, at) => {
    if (typeof value === 'string') {
      if (value.startsWith('./')) entries.push([at, value]);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${at}[${i}]`));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value))
        walk(item, `${at}.${key}`);
    }
  };
  walk(pkg.exports, 'exports');
  walk(pkg.typesVersions, 'typesVersions');
  return entries;
}

/** The package a bare specifier names, or undefined for a relative or built-in one. */
function packageOf(specifier) {
  if (/^(\.|\/|node:)/.test(specifier)) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@')
    ? parts.slice(0, 2).join('/')
    : parts[0];
  if (builtinModules.includes(name) || name === 'node') return undefined;
  return name;
}

/** Problems of one unpacked package, as sentences; empty when it is fine. */
function checkPackageDir(dir) {
  const pkg = JSON.parse(
    fs.readFileSync(path.join(dir, 'package.json'), 'utf8'),
  );
  const problems = [];
  for (const [field, file] of entryPoints(pkg)) {
    if (!fs.existsSync(path.join(dir, file))) {
      problems.push(`${field} names ${file}, which is not in the tarball`);
    }
  }
  const declared = new Set([pkg.name]);
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, range] of Object.entries(pkg[field] ?? {})) {
      declared.add(name);
      if (String(range).startsWith('workspace:')) {
        problems.push(`${field}.${name} is still '${range}'`);
      }
    }
  }
  const undeclared = new Map();
  for (const file of filesUnder(dir).filter(f => CODE_FILE.test(f))) {
    const source = fs.readFileSync(file, 'utf8');
    for (const pattern of IMPORT_PATTERNS) {
      for (const [, specifier] of source.matchAll(pattern)) {
        const name = packageOf(specifier);
        if (name && !declared.has(name) && !undeclared.has(name)) {
          undeclared.set(name, path.relative(dir, file));
        }
      }
    }
    for (const [, owner, folder] of source.matchAll(RESOLVE_PACKAGE_PATH)) {
      if (owner === pkg.name && !fs.existsSync(path.join(dir, folder))) {
        problems.push(
          `${path.relative(
            dir,
            file,
          )} resolves ${folder}/, which is not in the tarball`,
        );
      }
    }
  }
  for (const [name, file] of undeclared) {
    problems.push(
      `${file} imports ${name}, which package.json does not declare`,
    );
  }
  return problems;
}

module.exports = { extractTarball, checkPackageDir, entryPoints };

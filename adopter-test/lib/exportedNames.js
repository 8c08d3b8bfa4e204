/*
 * The names an entry point of an unpacked package exports, read from its
 * rolled-up type declarations (one .d.ts per entry point, as
 * `backstage-cli package build` writes them).
 */
const fs = require('node:fs');
const path = require('node:path');

const DECLARATION =
  /export\s+(?:declare\s+)?(?:abstract\s+)?(?:const|let|var|function|class|interface|type|enum|namespace)\s+([\w$]+)/g;
const EXPORT_LIST = /export\s+(?:type\s+)?\{([^}]*)\}/g;

function typesFile(dir, subpath) {
  const pkg = JSON.parse(
    fs.readFileSync(path.join(dir, 'package.json'), 'utf8'),
  );
  const entry = pkg.exports?.[subpath];
  if (entry && typeof entry === 'object' && entry.types) return entry.types;
  if (typeof entry === 'string') return entry.replace(/\.(c|m)?js$/, '.d.ts');
  return subpath === '.' ? pkg.types ?? pkg.typings : undefined;
}

/** The exported names of `subpath` ('.' or './alpha'), or undefined if no such entry point. */
function exportedNames(dir, subpath) {
  const file = typesFile(dir, subpath);
  if (!file || !fs.existsSync(path.join(dir, file))) return undefined;
  const source = fs.readFileSync(path.join(dir, file), 'utf8');
  const names = new Set();
  for (const [, name] of source.matchAll(DECLARATION)) names.add(name);
  for (const [, list] of source.matchAll(EXPORT_LIST)) {
    for (const item of list.split(',')) {
      const name = item
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop();
      if (name) names.add(name);
    }
  }
  if (/export\s+default\b/.test(source)) names.add('default');
  return names;
}

module.exports = { exportedNames };

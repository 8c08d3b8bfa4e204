/*
 * The packages this repository publishes: every workspace that is not
 * private (the plugins and the AWS emulator; the demo app and backend are
 * private).
 */
const fs = require('node:fs');
const path = require('node:path');

/**
 * Reads the root package.json's workspace globs (`dir/*` only) and returns
 * the public workspaces as `{ name, version, dir, slug }`, `slug` being the
 * tarball's file name without `.tgz`.
 */
function publishablePackages(root) {
  const { workspaces } = JSON.parse(
    fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
  );
  const packages = [];
  for (const glob of workspaces) {
    if (!glob.endsWith('/*')) {
      throw new Error(`Unsupported workspace glob '${glob}'`);
    }
    const parent = path.join(root, glob.slice(0, -2));
    for (const entry of fs.readdirSync(parent).sort()) {
      const manifest = path.join(parent, entry, 'package.json');
      if (!fs.existsSync(manifest)) continue;
      const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8'));
      if (pkg.private) continue;
      packages.push({
        name: pkg.name,
        version: pkg.version,
        dir: path.join(parent, entry),
        slug: pkg.name.replace(/^@/, '').replace('/', '-'),
      });
    }
  }
  return packages;
}

module.exports = { publishablePackages };

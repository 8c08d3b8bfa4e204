/*
 * The README steps an adopter follows, read from the READMEs themselves.
 * A step is the fenced code block right after a marker comment:
 *
 *   <!-- adopter-test: install -->     yarn [--cwd <dir>] add [--dev] <packages>
 *   <!-- adopter-test: backend -->     backend.add(import('<package>')) lines
 *   <!-- adopter-test: app-config -->  YAML written as an app-config file
 *   <!-- adopter-test: emulator -->    npx <emulator package> <arguments>
 *
 * Besides, every `import ... from '<one of our packages>'` in any code block
 * is collected, so that the names can be checked against the packed types.
 */
const fs = require('node:fs');

const MARKER = /^<!--\s*adopter-test:\s*([a-z-]+)\s*-->\s*$/;
const FENCE = /^```(\w*)\s*$/;

/** Fenced code blocks of a Markdown file: `{ lang, code, step?, line }`. */
function codeBlocks(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const blocks = [];
  let step;
  for (let i = 0; i < lines.length; i++) {
    const marker = lines[i].match(MARKER);
    if (marker) {
      step = marker[1];
      continue;
    }
    const fence = lines[i].match(FENCE);
    if (!fence || !fence[1]) {
      if (lines[i].trim()) step = undefined;
      continue;
    }
    const start = i;
    const body = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) {
      body.push(lines[i]);
    }
    blocks.push({
      lang: fence[1],
      code: body.join('\n'),
      step,
      line: start + 1,
    });
    step = undefined;
  }
  return blocks;
}

/** Shell commands of a block: continued lines joined, no comments or blanks. */
function commands(code) {
  return code
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map(line => line.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean);
}

/** `yarn [--cwd dir] add [--dev] pkgs...` as `{ cwd, dev, packages }`. */
function parseInstall(command, where) {
  const words = command.split(/\s+/);
  if (words[0] !== 'yarn')
    throw new Error(`${where}: not a yarn command: ${command}`);
  let i = 1;
  let cwd = '.';
  if (words[i] === '--cwd') {
    cwd = words[i + 1];
    i += 2;
  }
  if (words[i] !== 'add')
    throw new Error(`${where}: not 'yarn add': ${command}`);
  i++;
  let dev = false;
  const packages = [];
  for (; i < words.length; i++) {
    if (words[i] === '--dev' || words[i] === '-D') dev = true;
    else packages.push(words[i]);
  }
  if (!packages.length)
    throw new Error(`${where}: installs nothing: ${command}`);
  return { cwd, dev, packages };
}

/** The packages of `backend.add(import('...'))` statements. */
function parseBackendAdds(code, where) {
  const found = [
    ...code.matchAll(/backend\.add\(\s*import\(\s*'([^']+)'\s*\)\s*,?\s*\)/g),
  ];
  if (!found.length)
    throw new Error(`${where}: no backend.add(import(...)) in the block`);
  return found.map(match => match[1]);
}

/** `npx <package> <args...>` as `{ package, args }`. */
function parseEmulator(code, where) {
  const lines = commands(code);
  const words = (lines[0] ?? '').split(/\s+/);
  if (lines.length !== 1 || words[0] !== 'npx') {
    throw new Error(`${where}: expected one 'npx <package> ...' command`);
  }
  return { package: words[1], args: words.slice(2) };
}

/** Imported names per module specifier of ours, with where they were read. */
function parseImports(code, scope, where) {
  const imports = [];
  const pattern =
    /import\s+(type\s+)?([\w$]+)?\s*,?\s*(\{[^}]*\})?\s*from\s*'([^']+)'/g;
  for (const [, , defaultName, named, specifier] of code.matchAll(pattern)) {
    if (!specifier.startsWith(scope)) continue;
    const names = (named ?? '')
      .replace(/[{}]/g, '')
      .split(',')
      .map(
        name =>
          name
            .trim()
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)[0],
      )
      .filter(Boolean);
    if (defaultName) names.push('default');
    imports.push({ specifier, names, where });
  }
  return imports;
}

/**
 * Reads the steps of `readmes` (paths relative to `root` for messages):
 * `{ installs, backendAdds, appConfigs, emulator, imports }`.
 */
function readReadmeSteps(readmes, { scope }) {
  const steps = {
    installs: [],
    backendAdds: [],
    appConfigs: [],
    emulator: undefined,
    imports: [],
  };
  for (const readme of readmes) {
    for (const block of codeBlocks(readme.path)) {
      const where = `${readme.label}:${block.line}`;
      steps.imports.push(...parseImports(block.code, scope, where));
      switch (block.step) {
        case undefined:
          break;
        case 'install':
          for (const command of commands(block.code)) {
            steps.installs.push({ ...parseInstall(command, where), where });
          }
          break;
        case 'backend':
          steps.backendAdds.push(
            ...parseBackendAdds(block.code, where).map(pkg => ({ pkg, where })),
          );
          break;
        case 'app-config':
          steps.appConfigs.push({ yaml: `${block.code}\n`, where });
          break;
        case 'emulator': {
          const emulator = { ...parseEmulator(block.code, where), where };
          const first = steps.emulator;
          if (
            first &&
            [first.package, ...first.args].join(' ') !==
              [emulator.package, ...emulator.args].join(' ')
          ) {
            throw new Error(
              `${where}: runs the emulator otherwise than ${first.where}`,
            );
          }
          steps.emulator = first ?? emulator;
          break;
        }
        default:
          throw new Error(
            `${where}: unknown adopter-test step '${block.step}'`,
          );
      }
    }
  }
  return steps;
}

module.exports = { readReadmeSteps, codeBlocks };

// The house's one-way rule, as an ESLint rule: every folder of src/ has a floor, and a file may
// import only from its own folder or from a lower floor. No arrow back up, so no circle
// between folders; circles inside a folder are refused too (import cycles are found by walking
// the folder's own imports). Only read/, write/ and cache/ touch the file system, whether node:fs
// is imported, required or loaded by createRequire. docs/architecture.md explains what each
// folder owns (tests/docs/architecture.test.ts holds its table to FLOORS).
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

/** Folder (or root file) of src/ → floor. Lower floors know nothing of higher ones. */
export const FLOORS = {
  util: 0,
  text: 1,
  personal: 1,
  messages: 2,
  yaml: 3,
  schema: 4,
  model: 5,
  check: 6,
  build: 7,
  audit: 7,
  stats: 7,
  status: 7,
  write: 9,
  cache: 10,
  read: 11,
  pipeline: 12,
  render: 12,
  export: 13,
  report: 13,
  init: 13,
  // The feedback sheets are laid out like the report (Word) and the workbook (xlsx): above both.
  feedback: 13.5,
  format: 14,
  cli: 15,
  'main.ts': 16,
  'index.ts': 17,
};

/** Folders whose files may touch the file system directly (node:fs): the I/O ends of the house. */
export const IO_FOLDERS = new Set(['write', 'cache', 'read']);

const FS_MODULE = /^(node:)?fs(\/promises)?$/;

/** The text of a string literal or a template without `${}`, else undefined. */
function literalText(node) {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** `createRequire(…)` or `module.createRequire(…)`: a call that makes a require function. */
function makesRequire(node) {
  if (node?.type !== 'CallExpression') return false;
  const c = node.callee;
  return (c.type === 'Identifier' && c.name === 'createRequire') || (c.type === 'MemberExpression' && c.property.name === 'createRequire');
}

/**
 * Whether a call loads a module by name outside an import declaration: `require(x)`, a require
 * made by createRequire (called at once or kept in a variable) or `process.getBuiltinModule(x)`.
 */
function loadsModule(call, requires) {
  const c = call.callee;
  if (c.type === 'Identifier') return c.name === 'require' || requires.has(c.name);
  if (c.type === 'MemberExpression') return c.property.name === 'getBuiltinModule' || c.property.name === 'require';
  return makesRequire(c);
}

function roomOf(srcDir, file) {
  const rel = path.relative(srcDir, file).split(path.sep);
  if (rel[0] === '..' || rel.length === 0) return null;
  return rel.length === 1 ? rel[0].replace(/\.js$/, '.ts') : rel[0];
}

const IMPORT = /(?:^|[^.\w])(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function localImports(file) {
  const out = [];
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return out;
  }
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    const target = path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts');
    if (existsSync(target)) out.push(target);
  }
  return out;
}

/** A cycle through `start` among files of its own folder, as a list of files, or null. */
function cycleFrom(start, folder) {
  const stack = [[start, [start]]];
  const seen = new Set();
  while (stack.length) {
    const [file, trail] = stack.pop();
    for (const next of localImports(file)) {
      if (path.dirname(next) !== folder && !next.startsWith(folder + path.sep)) continue;
      if (next === start) return trail;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push([next, [...trail, next]]);
    }
  }
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'imports run one way: own folder or a lower floor (docs/architecture.md)' },
    schema: [],
    messages: {
      up: '{{from}} (floor {{a}}) may not import {{to}} (floor {{b}}): imports run down the floors only (docs/architecture.md)',
      unknown: 'src/{{room}} has no floor: add it to FLOORS in scripts/lint/layers.mjs and to docs/architecture.md',
      fs: '{{room}}/ may not touch the file system: file access belongs to read/, write/ and cache/ (docs/architecture.md)',
      cycle: 'import cycle inside {{room}}/: {{trail}}',
    },
  },
  create(context) {
    const file = context.filename;
    const srcDir = path.join(context.cwd, 'src');
    const room = roomOf(srcDir, file);
    if (room === null || /\.test\.ts$/.test(file)) return {};
    const floor = FLOORS[room];
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      if (FS_MODULE.test(spec) && !IO_FOLDERS.has(room)) {
        context.report({ node, messageId: 'fs', data: { room } });
        return;
      }
      if (!spec.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), spec);
      const to = roomOf(srcDir, target);
      if (to === null || to === room) return;
      const b = FLOORS[to];
      if (b === undefined) return context.report({ node, messageId: 'unknown', data: { room: to } });
      if (!(b < floor)) context.report({ node, messageId: 'up', data: { from: room, a: floor, to, b } });
    };
    // Calls are judged at the end of the file, once every `const req = createRequire(…)` is known.
    const requires = new Set();
    const calls = [];
    return {
      Program(node) {
        if (floor === undefined) context.report({ node, messageId: 'unknown', data: { room } });
        else if (!room.endsWith('.ts')) {
          const trail = cycleFrom(file, path.join(srcDir, room));
          if (trail) context.report({ node, messageId: 'cycle', data: { room, trail: trail.map((f) => path.basename(f)).join(' → ') } });
        }
      },
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => check(node.source, literalText(node.source)),
      TSExternalModuleReference: (node) => check(node.expression, literalText(node.expression)),
      VariableDeclarator: (node) => node.id.type === 'Identifier' && makesRequire(node.init) && requires.add(node.id.name),
      CallExpression: (node) => calls.push(node),
      'Program:exit'() {
        for (const call of calls) {
          const spec = literalText(call.arguments[0]);
          // node:fs is refused however it is loaded; a local file loaded by require obeys the floors too.
          if (spec !== undefined && (FS_MODULE.test(spec) || spec.startsWith('.')) && loadsModule(call, requires))
            check(call.arguments[0], spec);
        }
      },
    };
  },
};

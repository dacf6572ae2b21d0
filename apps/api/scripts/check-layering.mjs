#!/usr/bin/env node
// The layering rule, enforced (docs/ARCHITECTURE.md, "Layers"): resolvers, HTTP routes and the HTTP middleware
// never touch the EntityManager. They may hold the request's unit of work — the GraphQL context's `em`, or
// `unitOfWork(orm)` in a route — only to hand it to a service; services are the only code that queries, writes
// or opens transactions. Fails naming the file and line of every violation.
//
//   node scripts/check-layering.mjs [source folder, default src]

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Files under src/http/ that may touch the EntityManager, each with the reason. None today. */
export const ALLOWED = new Map([
  // ['http/example.ts', 'why it cannot go through a service'],
]);

const RULES = [
  { pattern: /\bEntityManager\b/, says: 'names the EntityManager type: take the data from a service instead' },
  { pattern: /\.em\b/, says: 'reaches for an EntityManager through an object (orm.em, context.em): destructure `em` and hand it to a service' },
  { pattern: /\bem\s*\??\.\s*[A-Za-z_$]/, says: 'calls a method on the EntityManager: move the query or write into a service' },
  { pattern: /\b(getEntityManager|entityManager)\s*\(/, says: 'takes the global EntityManager: open a unit of work with unitOfWork(orm) and hand it to a service' },
  { pattern: /\bunitOfWork\s*\([^()]*\)\s*\??\./, says: 'calls a method on a unit of work: hand it to a service instead' },
  { pattern: /\bfindPage\s*\(/, says: 'pages through an entity itself: a service should (findPage queries the database)' },
  { pattern: /\bfrom\s+['"][^'"]*\bdb\/(orm|open|entities|request-loader)\.js['"]/, says: 'imports the database layer (src/db): routes open a unit of work with db/unit-of-work.js, services do the rest' },
  { pattern: /^\s*import\s+(?!type\b)[^;]*\bfrom\s+['"]@mikro-orm\//, says: 'imports MikroORM at runtime (type-only imports are fine): querying belongs in a service' },
];

/** Whether a file (path relative to the source folder, with /) is one the rule covers. */
export function isCovered(path) {
  if (/\.test\.ts$/.test(path) || !path.endsWith('.ts')) return false;
  return /\.(resolver|routes|route)\.ts$/.test(path) || path.startsWith('http/');
}

function* walk(folder) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Strips // comments and the insides of block comments, keeping line numbers. */
function codeLines(text) {
  let inBlock = false;
  return text.split('\n').map((line) => {
    let code = '';
    for (let i = 0; i < line.length; i++) {
      if (inBlock) {
        if (line.startsWith('*/', i)) {
          inBlock = false;
          i++;
        }
      } else if (line.startsWith('/*', i)) {
        inBlock = true;
        i++;
      } else if (line.startsWith('//', i) && !/['"`][^'"`]*$/.test(line.slice(0, i))) {
        break;
      } else {
        code += line[i];
      }
    }
    return code;
  });
}

/** Every violation under a source folder: { file, line, text, says }. */
export function findViolations(sourceFolder) {
  const violations = [];
  for (const absolute of walk(sourceFolder)) {
    const path = relative(sourceFolder, absolute).split(sep).join('/');
    if (!isCovered(path) || ALLOWED.has(path)) continue;
    codeLines(readFileSync(absolute, 'utf8')).forEach((code, index) => {
      for (const rule of RULES) {
        if (rule.pattern.test(code)) violations.push({ file: path, line: index + 1, text: code.trim(), says: rule.says });
      }
    });
  }
  return violations;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const folder = process.argv[2] ?? fileURLToPath(new URL('../src', import.meta.url));
  const violations = findViolations(folder);
  for (const v of violations) console.error(`${join(folder, v.file)}:${v.line}: ${v.says}\n    ${v.text}`);
  if (violations.length) {
    console.error(`\n${violations.length} layering violation${violations.length === 1 ? '' : 's'}: resolvers and routes hand the EntityManager to services and never use it themselves (docs/ARCHITECTURE.md, "Layers").`);
    process.exit(1);
  }
  console.log('Layering: no resolver, route or HTTP middleware touches the EntityManager.');
}

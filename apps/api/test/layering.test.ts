import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// The layering check CI runs (scripts/check-layering.mjs, `npm run check:layering`), run here as CI runs it:
// on the real source tree, and on planted violations so it is known to fail when it should.

const SCRIPT = fileURLToPath(new URL('../scripts/check-layering.mjs', import.meta.url));
const SOURCE = fileURLToPath(new URL('../src', import.meta.url));

function check(folder: string) {
  const run = spawnSync(process.execPath, [SCRIPT, folder], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

let fixture: string | null = null;
function plant(files: Record<string, string>): string {
  fixture = mkdtempSync(join(tmpdir(), 'layering-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(fixture, path)), { recursive: true });
    writeFileSync(join(fixture, path), text);
  }
  return fixture;
}

afterEach(() => {
  if (fixture) rmSync(fixture, { recursive: true, force: true });
  fixture = null;
});

const THIN_RESOLVER = `import { widgets } from './widget.service.js';
export class WidgetResolver {
  widgets({ em, viewer }: Context) {
    return widgets(em, viewer);
  }
}
`;

describe('the layering check', () => {
  it('passes on the code as it is', () => {
    const { status, output } = check(SOURCE);
    expect(output).toContain('no resolver, route or HTTP middleware touches the EntityManager');
    expect(status).toBe(0);
  });

  it('passes resolvers that hand the EntityManager to a service, and services that use it', () => {
    const folder = plant({
      'modules/widget/widget.resolver.ts': THIN_RESOLVER,
      'modules/widget/widget.service.ts': 'export const widgets = (em: EntityManager) => em.find(Widget, {});\n',
    });
    expect(check(folder)).toMatchObject({ status: 0 });
  });

  it('fails on a resolver that queries, naming the file and line', () => {
    const folder = plant({
      'modules/widget/widget.resolver.ts': THIN_RESOLVER.replace('return widgets(em, viewer);', "// one day\n    return em.find(Widget, { owner: viewer.id });"),
    });
    const { status, output } = check(folder);
    expect(status).toBe(1);
    expect(output).toContain(`${join(folder, 'modules/widget/widget.resolver.ts')}:5: calls a method on the EntityManager`);
    expect(output).toContain('1 layering violation:');
  });

  it('fails on a route that takes the global EntityManager, or queries through its unit of work', () => {
    const folder = plant({
      'modules/widget/widget.routes.ts': `import { entityManager } from '../../db/orm.js';
import { unitOfWork } from '../../db/unit-of-work.js';
export const a = () => entityManager(orm).fork();
export const b = () => unitOfWork(orm).findOne(Widget, { slug });
export const c = () => widgetBySlug(unitOfWork(orm), slug);
`,
    });
    const { status, output } = check(folder);
    expect(status).toBe(1);
    expect(output).toMatch(/widget\.routes\.ts:1: imports the database layer/);
    expect(output).toMatch(/widget\.routes\.ts:3: takes the global EntityManager/);
    expect(output).toMatch(/widget\.routes\.ts:4: calls a method on a unit of work/);
    expect(output).not.toMatch(/widget\.routes\.ts:[25]:/);
  });

  it('fails on HTTP middleware that reaches for orm.em or names the EntityManager type', () => {
    const folder = plant({
      'http/widget-counter.ts': "import type { EntityManager } from '../db/orm.js';\nexport const count = (orm: MikroORM) => orm.em.count(Widget);\n",
    });
    const { status, output } = check(folder);
    expect(status).toBe(1);
    expect(output).toMatch(/widget-counter\.ts:1: names the EntityManager type/);
    expect(output).toMatch(/widget-counter\.ts:2: reaches for an EntityManager through an object/);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { ESLint } from 'eslint'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The import rules of issue 12 (eslint.config.js), each shown to report a deliberate violation
// and to let the allowed import through. Code is linted as if it lived at the given path; the
// imported files must exist, because the rules classify the file an import resolves to.

const root = path.resolve(import.meta.dirname, '../../..')
const configFile = path.join(root, 'eslint.config.js')

const ruleIds = ['boundaries/dependencies', 'import-x/no-cycle']

type Finding = { ruleId: string | null; message: string }

async function lint(eslint: ESLint, cwd: string, filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(cwd, filePath) })
  // A parse error or a file the config does not cover would make every "passes" case pass.
  expect(result.messages.filter((m) => m.fatal)).toEqual([])
  return result.messages
    .filter((m) => ruleIds.includes(m.ruleId ?? ''))
    .map((m): Finding => ({ ruleId: m.ruleId, message: m.message }))
}

const importing = (specifier: string) =>
  `import * as target from '${specifier}'\nexport { target }\n`

// The first lint that reaches payload.config.ts parses the whole import graph (no-cycle), ~10 s.
describe('boundary rules on the real tree', { timeout: 60_000 }, () => {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: configFile })
  const check = (filePath: string, specifier: string) =>
    lint(eslint, root, filePath, importing(specifier))

  it('covers the files it should (the rules are on for plugins and host, off for tests)', async () => {
    const rulesFor = async (file: string) =>
      (await eslint.calculateConfigForFile(path.join(root, file))).rules ?? {}
    expect((await rulesFor('plugins/consent/x.ts'))['boundaries/dependencies']?.[0]).toBe(2)
    expect((await rulesFor('src/foo.ts'))['boundaries/dependencies']?.[0]).toBe(2)
    expect((await rulesFor('payload.config.ts'))['import-x/no-cycle']?.[0]).toBe(2)
    expect((await rulesFor('tests/unit/x.test.ts'))['boundaries/dependencies']).toBeUndefined()
    expect((await rulesFor('tests/unit/x.test.ts'))['import-x/no-cycle']).toBeUndefined()
  })

  it('rule 1: a plugin importing host code fails', async () => {
    const findings = await check('plugins/consent/x.ts', '../../src/slugs')
    expect(findings).toEqual([
      { ruleId: 'boundaries/dependencies', message: expect.stringContaining('Rule 1') },
    ])
    expect(findings[0].message).toContain('src/slugs.ts')
  })

  it('rule 1: a plugin importing payload.config.ts (also through the @payload-config alias) fails', async () => {
    for (const specifier of ['../../payload.config', '@payload-config']) {
      expect(await check('plugins/scheduler/x.ts', specifier)).toEqual([
        { ruleId: 'boundaries/dependencies', message: expect.stringContaining('Rule 1') },
      ])
    }
  })

  it("rule 2: a plugin importing another plugin's internals fails", async () => {
    const findings = await check('plugins/consent/x.ts', '../scheduler/dispatch/claim')
    expect(findings).toEqual([
      { ruleId: 'boundaries/dependencies', message: expect.stringContaining('Rules 2/3') },
    ])
    expect(findings[0].message).toContain('plugins/scheduler/dispatch/claim.ts')
  })

  it("rule 2: a plugin importing another plugin's index passes", async () => {
    expect(await check('plugins/consent/x.ts', '../scheduler')).toEqual([])
    expect(await check('plugins/consent/x.ts', '../scheduler/index')).toEqual([])
  })

  it('rule 2: re-exports and dynamic imports of internals fail too', async () => {
    const reExport = await lint(
      eslint,
      root,
      'plugins/consent/x.ts',
      "export { claim } from '../scheduler/dispatch/claim'\n",
    )
    const dynamic = await lint(
      eslint,
      root,
      'src/x.ts',
      "export const load = () => import('../plugins/scheduler/lib/secrets')\n",
    )
    for (const findings of [reExport, dynamic]) {
      expect(findings).toEqual([
        { ruleId: 'boundaries/dependencies', message: expect.stringContaining('Rules 2/3') },
      ])
    }
  })

  it('rule 2: a plugin importing its own internals passes', async () => {
    expect(await check('plugins/scheduler/x.ts', './dispatch/claim')).toEqual([])
    expect(await check('plugins/scheduler/endpoints/x.ts', '../lib/secrets')).toEqual([])
    // A plugin's own collections/ folder is not the host's collections/.
    expect(
      await check('plugins/scheduler/dispatch/x.ts', '../collections/publications/relationId'),
    ).toEqual([])
  })

  it("rule 3: host code importing a plugin's internals fails", async () => {
    for (const file of [
      'src/foo.ts',
      'collections/Foo/index.ts',
      'seed/x.ts',
      'scripts/x.ts',
      'bench/x.ts',
    ]) {
      const up = '../'.repeat(file.split('/').length - 1)
      expect(await check(file, `${up}plugins/scheduler/lib/secrets`), file).toEqual([
        { ruleId: 'boundaries/dependencies', message: expect.stringContaining('Rules 2/3') },
      ])
    }
    expect(await check('payload.config.ts', './plugins/scheduler/dispatch/claim')).toEqual([
      { ruleId: 'boundaries/dependencies', message: expect.stringContaining('Rules 2/3') },
    ])
  })

  it("rule 3: host code importing a plugin's index passes", async () => {
    expect(await check('src/foo.ts', '../plugins/scheduler')).toEqual([])
    expect(await check('payload.config.ts', './plugins/scheduler')).toEqual([])
  })

  it('rule 4: tests may import internals and host code', async () => {
    expect(await check('tests/unit/x.test.ts', '../../plugins/scheduler/dispatch/claim')).toEqual(
      [],
    )
    expect(await check('tests/unit/x.test.ts', '../../src/slugs')).toEqual([])
    expect(await check('tests/support/x.ts', '../../plugins/scheduler/lib/secrets')).toEqual([])
  })
})

// Rule 5 needs both files of a cycle on disk, and exports/** and a new plugin name need files that
// do not exist in the tree: a throw-away tree outside the repo, linted with the repo's config.
describe('boundary rules on a throw-away tree', () => {
  let dir: string
  let eslint: ESLint
  const check = (filePath: string, code: string) => lint(eslint, dir, filePath, code)

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'carecast-lint-'))
    const files: Record<string, string> = {
      'tsconfig.json':
        '{ "compilerOptions": { "module": "esnext", "moduleResolution": "bundler" } }\n',
      'src/a.ts': "import { b } from './b'\nexport const a = () => b()\n",
      'src/b.ts': "import { a } from './a'\nexport const b = () => a()\n",
      'src/c.ts': "import { b } from './b'\nexport const c = () => b()\n",
      'tests/a.ts': "import { b } from './b'\nexport const a = () => b()\n",
      'tests/b.ts': "import { a } from './a'\nexport const b = () => a()\n",
      'plugins/scheduler/index.ts': 'export const plugin = 1\n',
      'plugins/scheduler/exports/fields.ts': 'export const fields = 1\n',
      'plugins/scheduler/lib/secrets.ts': 'export const secret = 1\n',
      'plugins/foo/x.ts': 'export const x = 1\n',
    }
    for (const [file, code] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
      writeFileSync(path.join(dir, file), code)
    }
    eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: configFile,
      // The config anchors the boundary patterns at the repo root; here the root is this tree.
      overrideConfig: { settings: { 'boundaries/root-path': dir } },
    })
  })

  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('rule 5: a two-file import cycle in non-test code fails', async () => {
    expect(
      await check('src/a.ts', "import { b } from './b'\nexport const a = () => b()\n"),
    ).toEqual([{ ruleId: 'import-x/no-cycle', message: expect.stringContaining('cycle') }])
    // Importing a file of the cycle without being in it is fine.
    expect(
      await check('src/c.ts', "import { b } from './b'\nexport const c = () => b()\n"),
    ).toEqual([])
  })

  it('rule 4: a cycle among test files is not checked', async () => {
    expect(
      await check('tests/a.ts', "import { b } from './b'\nexport const a = () => b()\n"),
    ).toEqual([])
  })

  it("rules 2 and 3: a plugin's exports/** is public", async () => {
    expect(await check('plugins/foo/x.ts', importing('../scheduler/exports/fields'))).toEqual([])
    expect(await check('src/x.ts', importing('../plugins/scheduler/exports/fields'))).toEqual([])
  })

  it('rule 2 covers a plugin folder the config does not name', async () => {
    expect(await check('plugins/foo/x.ts', importing('../scheduler/lib/secrets'))).toEqual([
      { ruleId: 'boundaries/dependencies', message: expect.stringContaining('Rules 2/3') },
    ])
    expect(await check('plugins/scheduler/x.ts', importing('../foo/x'))).toEqual([
      { ruleId: 'boundaries/dependencies', message: expect.stringContaining('plugins/foo') },
    ])
  })
})

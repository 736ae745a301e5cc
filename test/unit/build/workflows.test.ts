import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../support/temp-dirs'

// The GitHub Actions workflows cannot run here, so a broken one would only show up on
// GitHub. @action-validator/cli checks each against the workflow schema (WASM, offline);
// the shape checks below pin what the desktop workflow must prove on which OS.

const ROOT = resolve(import.meta.dirname, '../../..')
const WORKFLOWS = join(ROOT, '.github/workflows')
const VALIDATOR = join(ROOT, 'node_modules/@action-validator/cli/cli.mjs')

function validate(file: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [VALIDATOR, file], { encoding: 'utf8' })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

interface Step {
  name?: string
  run?: string
  uses?: string
  if?: string
}
interface Workflow {
  jobs: Record<
    string,
    { 'runs-on': string; strategy?: { matrix?: { os?: string[] } }; steps: Step[] }
  >
}

describe('GitHub workflows', () => {
  const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f))

  it('exist, and every one passes the workflow schema', () => {
    expect(files).toContain('desktop.yml')
    for (const file of files) {
      const { status, output } = validate(join(WORKFLOWS, file))
      expect(status, `${file}: ${output}`).toBe(0)
    }
  })

  it('the validator does reject a broken workflow', () => {
    const dir = tempDir('songshelf-workflow-')
    const broken = join(dir, 'broken.yml')
    writeFileSync(
      broken,
      'name: broken\non: [push]\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: 42\n        wat: true\n'
    )
    expect(validate(broken).status).not.toBe(0)
  })

  it('runs the desktop proof on Linux, macOS and Windows, in the order the issue lists', () => {
    const workflow = load(readFileSync(join(WORKFLOWS, 'desktop.yml'), 'utf8')) as Workflow
    const job = workflow.jobs['electron']!
    expect(job.strategy?.matrix?.os).toEqual(['ubuntu-24.04', 'macos-14', 'windows-2022'])
    const runs = job.steps.map((s) => s.run ?? s.uses ?? '')
    const at = (pattern: RegExp): number => {
      const index = runs.findIndex((r) => pattern.test(r))
      expect(index, String(pattern)).toBeGreaterThanOrEqual(0)
      return index
    }
    const order = [
      at(/^npm ci/),
      at(/install-electron/),
      at(/ELECTRON_RUN_AS_NODE=1 .*electron-probe\.cjs/),
      at(/npm run build:app/),
      at(/^xvfb-run -a npx playwright test test\/e2e\/electron\.smoke\.spec\.ts/),
      at(/electron-builder --dir -c electron-builder\.e2e\.yml/),
      at(/xvfb-run -a npx playwright test test\/e2e\/electron\.packaged\.spec\.ts/),
      at(/^npx electron-builder --publish never/),
      at(/actions\/upload-artifact/)
    ]
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    // xvfb only where there is X to fake; the other OSes run the same specs directly.
    for (const step of job.steps.filter((s) => s.run?.startsWith('xvfb-run'))) {
      expect(step.if).toBe("runner.os == 'Linux'")
    }
    expect(
      job.steps.filter(
        (s) => s.run?.startsWith('npx playwright test') && s.if === "runner.os != 'Linux'"
      )
    ).toHaveLength(2)
    // The mini player window's real-runner proof (issue 15) runs with the smoke spec on
    // every OS.
    const smoke = job.steps.filter((s) => s.run?.includes('test/e2e/electron.smoke.spec.ts'))
    expect(smoke).toHaveLength(2)
    for (const step of smoke) expect(step.run).toContain('test/e2e/electron.mini-player.spec.ts')
  })
})

import { describe, expect, it } from 'vitest'
import { cli } from '../../support/cli-harness'

describe('songshelf --help', () => {
  it('warns that --key shows in the process list and recommends SONGSHELF_API_KEY', async () => {
    const help = await cli(['--help'])
    expect(help.code).toBe(0)
    const text = help.out.join('\n')
    expect(text).toContain('--key K        (SONGSHELF_API_KEY)')
    expect(text).toMatch(/Prefer the environment variable: .* process list \(ps\)/su)
    const sync = (await cli(['sync', '--help'])).out.join('\n')
    expect(sync).toContain('prefer SONGSHELF_API_KEY')
    expect(sync).toContain('process list (ps)')
  })

  it('prints help as plain lines, not escaped text', async () => {
    for (const args of [['--help'], ['list', '--help'], ['sync', '--help'], ['add', '--help']]) {
      const { out } = await cli(args)
      expect(out.length).toBeGreaterThan(1)
      expect(out.join('\n')).not.toContain('\\x0a')
    }
  })
})

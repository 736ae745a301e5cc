import {
  createSongshelfCore,
  type CoreOptions,
  type SongshelfCore
} from '../main/core/app/create-core'
import { createHeadlessHost } from '../main/core/app/headless-host'
import type { CommonOptions } from './options'
import { readPackageVersion } from './version'

/** The same core the app runs, hosted headless. */
export function openCore(common: CommonOptions, options: CoreOptions = {}): SongshelfCore {
  const host = createHeadlessHost({
    transport: 'cli',
    version: readPackageVersion(),
    dataDir: common.dataDir,
    libraryDir: common.libraryDir,
    baseUrl: common.baseUrl,
    apiKey: common.apiKey
  })
  return createSongshelfCore(host, options)
}

export interface Output {
  out: (line: string) => void
  err: (line: string) => void
  isTTY: boolean
}

export const stdOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  isTTY: Boolean(process.stdout.isTTY)
}

import { readFileSync } from 'node:fs'
import { join } from 'node:path'

// Whole task answers in the four clip shapes, kept in test/fixtures/gateway.
const DIR = join(__dirname, '../../../fixtures/gateway')

export type GatewayFixture = 'snake-case' | 'camel-official' | 'goapi-map' | 'upstream-full'

/** A fresh copy of a fixture answer (tests may change it). */
export function gatewayFixture(name: GatewayFixture | string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as Record<string, unknown>
}

import type { Protocol } from 'electron'
import { APP_SCHEME_PRIVILEGES } from './app-scheme'
import { MEDIA_SCHEME_PRIVILEGES } from './media-scheme'

/** `registerSchemesAsPrivileged` may be called once, before `ready` (docs/api/protocol.md):
 * both of our schemes go in that one call. */
export function registerSchemePrivileges(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([MEDIA_SCHEME_PRIVILEGES, APP_SCHEME_PRIVILEGES])
}

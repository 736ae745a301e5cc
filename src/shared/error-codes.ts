// Every code a failure can carry across the bridge, in one place (issue 13, defect 11).
// The core throws with one of these codes and an English message (for logs and the CLI);
// the renderer shows `errors.<code>` in the user's language, with the error's params.
// test/unit/shared/error-codes.test.ts fails when a code here has no en or zh-CN text.

/** What the gateway client reports (GATEWAY.md#auth, #errors). */
export const GATEWAY_ERROR_CODES = [
  'auth_invalid_key',
  'auth_no_credit',
  'auth_ip_not_allowed',
  'auth_forbidden',
  'not_found',
  'rate_limited',
  'server',
  'network',
  'dns',
  'refused',
  'tls',
  'timeout',
  'malformed',
  'not_gateway',
  'bad_request'
] as const

/** What the app's handlers, the library and the bridge itself refuse with. */
export const APP_ERROR_CODES = [
  'internal',
  'invalid_request',
  'unknown_method',
  'forbidden_sender',
  'unsupported',
  'not_configured',
  'invalid_url',
  'invalid_base_url',
  'invalid_folder',
  'folder_not_chosen',
  'folder_not_empty',
  'cross_device',
  'library_unavailable',
  'library_empty',
  'data_dir_in_library',
  'schema_too_new',
  'not_downloaded',
  'invalid_tag',
  'not_mp3',
  'trash_failed',
  'undo_failed',
  'index_damaged',
  'playlist_not_found',
  'smart_playlist',
  'not_smart',
  'already_syncing',
  'invalid_path',
  'import_plan_gone',
  'import_busy',
  'upload_too_large',
  'upload_failed',
  // The bridge itself: the call never reached the core (the preview stopped, or its
  // loopback connection broke), so no code of the core's could be given.
  'transport'
] as const

/** The connection test's reasons beyond the gateway's own codes. */
export const CONNECTION_TEST_CODES = [
  'connected',
  'connected_single',
  'no_address',
  'no_key',
  'key_for_address'
] as const

/** Why a file is not (yet) in the library, stored beside its English text in the index
 * (files.error_code, migration 10) so the UI can say it in its own language. */
export const FILE_ERROR_CODES = [
  'file_html_page',
  'file_wrong_type',
  'file_truncated',
  'file_too_large',
  'file_http_4xx',
  'file_forbidden',
  'file_not_found',
  'file_http_5xx',
  'file_rate_limited',
  'file_network',
  'file_timeout',
  'file_disk_full',
  'file_aborted',
  'file_range_mismatch',
  'file_invalid_url',
  'file_io',
  'file_not_verified',
  'file_library_missing',
  'file_stream_link',
  'file_forbidden_link',
  'file_invalid_link',
  'file_generation_failed'
] as const

export type FileErrorCode = (typeof FILE_ERROR_CODES)[number]

export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number]
export type AppErrorCode = (typeof APP_ERROR_CODES)[number] | GatewayErrorCode
export type ConnectionTestCode = (typeof CONNECTION_TEST_CODES)[number] | GatewayErrorCode

export const ERROR_CODES: readonly string[] = [
  ...new Set<string>([
    ...GATEWAY_ERROR_CODES,
    ...APP_ERROR_CODES,
    ...CONNECTION_TEST_CODES,
    ...FILE_ERROR_CODES
  ])
]

const KNOWN = new Set(ERROR_CODES)

export function isErrorCode(code: unknown): code is AppErrorCode | ConnectionTestCode {
  return typeof code === 'string' && KNOWN.has(code)
}

/** Values a message may interpolate (a folder entry's name, a number of seconds). */
export type ErrorParams = Record<string, string | number>

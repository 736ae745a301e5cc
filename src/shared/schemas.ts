import { z } from 'zod'
import {
  BASE_URL_MAX,
  DOWNLOAD_CONCURRENCY,
  ID3_TEXT_MAX,
  LANGUAGES,
  MAX_IDS_PER_CALL,
  POLL_SECONDS,
  THEMES
} from './limits'
import { cleanTagName, TAG_MAX_LENGTH } from './text'
import { MEDIA_KINDS } from './domain'

// Request schemas for the bridge. Everything is strict (unknown keys, including
// `__proto__`, are refused) and bounded (string lengths, array sizes), because the
// renderer is treated as untrusted.

const MAX_IDS = MAX_IDS_PER_CALL
export const clipId = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'not a clip id')
export const taskId = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'not a task id')
// The core's own rule (shared/text.ts): control characters go, over-long names are cut
// to TAG_MAX_LENGTH code points. The raw bound only keeps a huge string off the bridge.
const tagName = z
  .string()
  .max(4 * TAG_MAX_LENGTH)
  .transform((t) => cleanTagName(t) ?? '')
  .pipe(z.string().min(1, 'a tag needs a name'))
const fileState = z.enum(['done', 'pending', 'failed', 'absent'])
const mediaKind = z.enum(MEDIA_KINDS)
const epochMs = z.number().int().min(0).max(8.64e15)

export const noArgs = z.union([z.undefined(), z.null()]).optional()

export const libraryFilter = z.strictObject({
  search: z.string().max(500).optional(),
  /** Where the search looks: 'all' (the default: lyrics too), 'fields' (title, styles,
   * prompt and user tags), 'auto' ('fields' when anything matches there, else 'all'). */
  searchIn: z.enum(['all', 'fields', 'auto']).optional(),
  userTags: z.array(tagName).max(50).optional(),
  styleTag: z.string().max(200).optional(),
  /** Style facets chosen together: a clip has every one of them (exact style names). */
  styleTags: z.array(z.string().max(200)).max(20).optional(),
  model: z.string().max(200).optional(),
  favorite: z.boolean().optional(),
  hasVideo: z.boolean().optional(),
  /** Only clips upstream marked as without vocals (true), or only the others (false). */
  instrumental: z.boolean().optional(),
  createdFrom: epochMs.optional(),
  createdTo: epochMs.optional(),
  addedSince: epochMs.optional(),
  durationMin: z.number().min(0).max(86400).optional(),
  durationMax: z.number().min(0).max(86400).optional(),
  downloadState: fileState.optional(),
  /** true: only failed generations; false: everything else (the library's default view). */
  generationFailed: z.boolean().optional(),
  /** Only the clips of one task ("Show songs of this task"; indexed by clips_task). */
  taskId: taskId.optional()
})

/** Every list order (queue and smart playlist sources use the same). */
export const sortKey = z.enum([
  'created',
  'added',
  'title',
  'duration',
  'plays',
  'lastPlayed',
  'style',
  'model'
])
export const sortDir = z.enum(['asc', 'desc'])

export const libraryQuery = libraryFilter.extend({
  sort: sortKey.optional(),
  dir: sortDir.optional(),
  offset: z.number().int().min(0).max(10_000_000).optional(),
  limit: z.number().int().min(1).max(500).optional()
})

/** The list's type-ahead: the first clip of this view whose title starts with `prefix`. */
export const titlePrefixQuery = libraryFilter.extend({
  sort: sortKey.optional(),
  dir: sortDir.optional(),
  prefix: z.string().min(1).max(100)
})

export const clipIdArg = z.strictObject({ id: clipId })
/** The rows a library change names (at most 500 per read, the largest page). */
export const clipRowsArgs = z.strictObject({
  ids: z.array(clipId).min(1).max(500),
  filter: libraryFilter.optional()
})
export const clipIdsArg = z.strictObject({ ids: z.array(clipId).min(1).max(MAX_IDS) })
export const clipFileArg = z.strictObject({ id: clipId, kind: mediaKind.optional() })
export const favoriteArgs = z.strictObject({
  ids: z.array(clipId).min(1).max(MAX_IDS),
  favorite: z.boolean()
})
export const tagArgs = z.strictObject({
  ids: z.array(clipId).min(1).max(MAX_IDS),
  add: z.array(tagName).max(50).default([]),
  remove: z.array(tagName).max(50).default([])
})
export const tagNameArg = z.strictObject({ name: tagName })
export const renameTagArgs = z.strictObject({ from: tagName, to: tagName })
export const mergeTagArgs = z.strictObject({ from: z.array(tagName).min(1).max(50), into: tagName })
export const playArgs = z.strictObject({
  id: clipId,
  ms: z.number().min(0).max(86_400_000).optional()
})
export const exportArgs = z.strictObject({
  ids: z.array(clipId).min(1).max(100_000),
  name: z.string().max(200).optional()
})

export const textArg = z.strictObject({ text: z.string().max(2_000_000) })
export const taskIdsArg = z.strictObject({ ids: z.array(taskId).min(1).max(MAX_IDS) })
export const retryDownloadsArgs = z.strictObject({
  clipId: clipId.optional(),
  kind: mediaKind.optional()
})
export const redownloadArgs = z.strictObject({
  clipIds: z.array(clipId).min(1).max(MAX_IDS),
  kind: mediaKind.optional()
})

export const baseUrl = z.string().trim().max(BASE_URL_MAX)
export const settingsPatch = z.strictObject({
  baseUrl: baseUrl.optional(),
  pollIntervalSec: z.number().int().min(POLL_SECONDS.min).max(POLL_SECONDS.max).optional(),
  downloadConcurrency: z
    .number()
    .int()
    .min(DOWNLOAD_CONCURRENCY.min)
    .max(DOWNLOAD_CONCURRENCY.max)
    .optional(),
  downloadVideo: z.boolean().optional(),
  language: z.enum(LANGUAGES).optional(),
  theme: z.enum(THEMES).optional(),
  id3Artist: z.string().trim().min(1).max(ID3_TEXT_MAX).optional(),
  id3Album: z.string().trim().min(1).max(ID3_TEXT_MAX).optional(),
  notifications: z.boolean().optional(),
  onboarded: z.boolean().optional()
})
export const apiKeyArg = z.strictObject({
  key: z.string().trim().min(1).max(4096).nullable()
})
export const connectionTestArgs = z.strictObject({
  baseUrl: baseUrl.optional(),
  key: z.string().trim().min(1).max(4096).optional()
})
export const changeLibraryArgs = z.strictObject({
  path: z.string().min(1).max(4096),
  mode: z.enum(['move', 'rebuild'])
})

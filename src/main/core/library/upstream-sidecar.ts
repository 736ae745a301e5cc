import { z } from 'zod'
import { LINEAGE_KINDS } from './upstream'

// The schemas of the upstream fields (issue 16) in a sidecar's `clip` section, which is
// untrusted input read back by `rebuild`. Apart from upstream.ts so that reading the index
// (`songshelf list`) does not load zod; upstream.ts's parseUpstream reads the index's own
// JSON by the same rules (upstream-json.test.ts checks that they agree).

export const stemSchema = z.object({
  hasStem: z.boolean().nullable().catch(null),
  fromId: z.string().nullable().catch(null),
  typeId: z.number().nullable().catch(null),
  typeGroupName: z.string().nullable().catch(null)
})

export const lineageSchema = z.array(
  z.object({
    kind: z.enum(LINEAGE_KINDS),
    clipId: z.string().min(1),
    atSec: z.number().nullable().catch(null)
  })
)

/** The same fields in the sidecar's `clip` section, as people and other tools read them:
 * `take` counts from 1, `instrumental` is null when upstream did not say. Each is optional
 * (sidecars written before have none), so a rebuild falls back to the `gateway` section. */
export const sidecarUpstreamShape = {
  take: z.number().int().min(1).nullable().optional().catch(undefined),
  instrumental: z.boolean().nullable().optional().catch(undefined),
  stem: stemSchema.nullable().optional().catch(undefined),
  lineage: lineageSchema.optional().catch(undefined),
  videoCoverUrl: z.string().nullable().optional().catch(undefined)
}

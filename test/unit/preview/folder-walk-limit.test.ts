import { describe, expect, it } from 'vitest'
import { FOLDER_WALK_LIMITS } from '../../../src/renderer/src/features/import/folder-entries'
import { UPLOAD_LIMITS } from '../../../src/preview/upload'

// The page's folder walk (issue 15) takes no more files than the preview's upload route
// accepts in one drop: past it every upload would be refused with 413.
describe('the folder walk in preview:web', () => {
  it('stops where the upload route stops', () => {
    expect(FOLDER_WALK_LIMITS.files).toBe(UPLOAD_LIMITS.filesPerBatch)
  })
})

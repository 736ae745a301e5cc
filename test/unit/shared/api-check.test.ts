import { describe, expectTypeOf, it } from 'vitest'
import type { IsExactApi } from '../../../src/shared/api-check'
import type { Result, SongshelfApi } from '../../../src/shared/contract'

// The preload's compile-time check (shared/api-check.ts) must be able to fail. These are
// type assertions: `npm run typecheck` compiles this file and fails if one does not hold.
// fixtures/api-missing-method.ts shows the same for an object built like the preload's.

type Api = SongshelfApi

describe('the bridge shape check', () => {
  it('accepts exactly the contract', () => {
    expectTypeOf<IsExactApi<Api>>().toEqualTypeOf<true>()
  })

  it('refuses a missing method, an extra key and a changed signature', () => {
    expectTypeOf<IsExactApi<Omit<Api, 'getClip'>>>().toEqualTypeOf<false>()
    expectTypeOf<IsExactApi<Api & { openExternal(url: string): void }>>().toEqualTypeOf<false>()
    type WrongRequest = Omit<Api, 'getClip'> & {
      getClip(request: { id: number }): ReturnType<Api['getClip']>
    }
    expectTypeOf<IsExactApi<WrongRequest>>().toEqualTypeOf<false>()
    type WrongAnswer = Omit<Api, 'previewImportFiles'> & {
      previewImportFiles(files: readonly File[]): Promise<Result<unknown>>
    }
    expectTypeOf<IsExactApi<WrongAnswer>>().toEqualTypeOf<false>()
  })
})

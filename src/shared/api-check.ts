import type { SongshelfApi } from './contract'

// A compile-time check that an object is exactly the bridge: the same keys as
// SongshelfApi, none missing and none extra, and each member's type the contract's in
// both directions. The preload applies it to the object it exposes; a type test
// (test/unit/shared/api-check.test.ts) proves that it fails for a missing method, an
// extra key and a changed signature, so it cannot silently become a check that always
// passes (as the old `satisfies` on a cast did).

type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

type SameKeys<T> = Mutual<keyof T, keyof SongshelfApi>

type SameMembers<T> = {
  [K in keyof SongshelfApi]: K extends keyof T ? Mutual<T[K], SongshelfApi[K]> : false
}[keyof SongshelfApi]

/** `true` when T is exactly the bridge, `false` otherwise. */
export type IsExactApi<T> =
  SameKeys<T> extends true ? (Mutual<SameMembers<T>, true> extends true ? true : false) : false

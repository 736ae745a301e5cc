import type * as Zustand from 'zustand'
import type { StateCreator, StoreApi } from 'zustand'
import { vi } from 'vitest'

// The zustand docs' testing pattern ("Vitest" in guides/testing): `create` is wrapped so
// that every store made during a test file records its initial state, and one registry
// resets all of them between tests, instead of each test restating initial state by hand.

const resetFns = new Set<() => void>()

/** Puts every zustand store created so far back to its initial state. */
export function resetAllStores(): void {
  for (const reset of resetFns) reset()
}

function remember<S extends StoreApi<unknown>>(store: S): S {
  const initial = store.getInitialState()
  resetFns.add(() => store.setState(initial, true))
  return store
}

/** The module that replaces `zustand` in the renderer tests (see setup.ts). */
export async function zustandWithResets(): Promise<typeof Zustand> {
  const actual = await vi.importActual<typeof Zustand>('zustand')
  const createNow = <T>(creator: StateCreator<T>): Zustand.UseBoundStore<StoreApi<T>> =>
    remember(actual.create(creator))
  const create = (<T>(creator?: StateCreator<T>) =>
    creator === undefined ? createNow : createNow(creator)) as typeof Zustand.create
  const createStoreNow = <T>(creator: StateCreator<T>): StoreApi<T> =>
    remember(actual.createStore(creator))
  const createStore = (<T>(creator?: StateCreator<T>) =>
    creator === undefined ? createStoreNow : createStoreNow(creator)) as typeof Zustand.createStore
  return { ...actual, create, createStore }
}

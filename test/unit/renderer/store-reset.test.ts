import { describe, expect, it } from 'vitest'
import { useAppStore } from '../../../src/renderer/src/store/app-store'
import { usePlayerOverlays } from '../../../src/renderer/src/store/player-overlays-store'

// The registry in setup.ts puts every zustand store back to its initial state between
// tests, so no test depends on what the one before it left in a store. The two tests run
// in order: the first dirties two stores, the second finds them clean.

describe('store reset between tests', () => {
  it('lets a test change any store', () => {
    useAppStore.getState().actions.setView('settings')
    usePlayerOverlays.setState({ queueOpen: true })
    expect(useAppStore.getState().view).toBe('settings')
  })

  it('starts the next test from every store’s initial state', () => {
    expect(useAppStore.getState().view).toBe(useAppStore.getInitialState().view)
    expect(usePlayerOverlays.getState().queueOpen).toBe(false)
  })
})

import '@testing-library/dom'
import { act } from '@testing-library/react'
import { afterEach, vi } from 'vitest'
import { resetAllStores, zustandWithResets } from './support/store-reset'

vi.mock('zustand', () => zustandWithResets())

// Every store starts each test from its initial state (zustand docs, guides/testing).
afterEach(() => {
  act(() => resetAllStores())
})

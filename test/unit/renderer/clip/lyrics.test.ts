import { describe, expect, it } from 'vitest'
import { parseLyrics } from '../../../../src/renderer/src/features/clip/lyrics'

describe('lyrics by section', () => {
  it('bracketed lines become section headings over their stanzas', () => {
    const text = [
      '[Verse 1]',
      'Neon on the water',
      'Headlights in the rain',
      '',
      'Every street a promise',
      '[Chorus]',
      'City lights, city lights',
      '  [ Bridge ]  ',
      'Hold on'
    ].join('\r\n')
    expect(parseLyrics(text)).toEqual([
      {
        heading: 'Verse 1',
        stanzas: [['Neon on the water', 'Headlights in the rain'], ['Every street a promise']]
      },
      { heading: 'Chorus', stanzas: [['City lights, city lights']] },
      { heading: 'Bridge', stanzas: [['Hold on']] }
    ])
  })

  it('keeps lines before the first section and sections without lines', () => {
    expect(parseLyrics('Intro line\n[Instrumental]\n\n[Outro]\nBye')).toEqual([
      { heading: null, stanzas: [['Intro line']] },
      { heading: 'Instrumental', stanzas: [] },
      { heading: 'Outro', stanzas: [['Bye']] }
    ])
  })

  it('brackets inside a sung line are lyrics, and empty text has no sections', () => {
    expect(parseLyrics('I said [softly] goodbye')).toEqual([
      { heading: null, stanzas: [['I said [softly] goodbye']] }
    ])
    expect(parseLyrics('  \n ')).toEqual([])
    expect(parseLyrics(null)).toEqual([])
  })
})

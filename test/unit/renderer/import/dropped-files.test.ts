import { describe, expect, it } from 'vitest'
import {
  kindOfFile,
  MAX_TEXT_BYTES,
  readDroppedFiles
} from '../../../../src/renderer/src/features/import/dropped-files'

interface FakeFile {
  name: string
  type: string
  size: number
  text: string
}

describe('files dropped on the window', () => {
  it('reads text files for task ids, once each, in order', async () => {
    const a = 'aaaaaaaa-1111-4111-8111-111111111111'
    const file = (name: string, type: string, text: string): FakeFile => ({
      name,
      type,
      size: text.length,
      text
    })
    const reading = await readDroppedFiles(
      [
        file('answer.json', 'application/json', `{"data":"${a}"} task_abcdef123`),
        file('ids.txt', '', `${a.toUpperCase()}\n`),
        file('song.mp3', 'audio/mpeg', 'ID3')
      ],
      async (f) => f.text
    )
    expect(reading.ids).toEqual([a, 'task_abcdef123'])
    expect(reading.read).toEqual(['answer.json', 'ids.txt'])
    expect(reading.audio).toEqual(['song.mp3'])
  })

  it('does not read a text file larger than the bridge takes', () => {
    expect(kindOfFile({ name: 'huge.log', type: '', size: MAX_TEXT_BYTES + 1 })).toBe('tooLarge')
    expect(kindOfFile({ name: 'notes', type: 'text/plain', size: 10 })).toBe('text')
    expect(kindOfFile({ name: 'cover.png', type: 'image/png', size: 10 })).toBe('other')
  })
})

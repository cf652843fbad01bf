// How a token chip is labelled: visible spaces, raw bytes for a split character, special tokens as written.
import { describe, expect, it } from 'vitest'
import { charsPerToken, chipLabel, hexBytes } from '../../../src/renderer/src/features/tokenizer/TokenStrip'

const piece = (over: Partial<Parameters<typeof chipLabel>[0]>): Parameters<typeof chipLabel>[0] => ({ id: 1, piece: null, bytes: [], text: '', special: false, unknown: false, ...over })

describe('token chips', () => {
  it('labels text, split characters and special tokens', () => {
    expect(chipLabel(piece({ text: ' is\n', bytes: [0x20, 0x69, 0x73, 0x0a] }))).toBe('·is↵')
    expect(chipLabel(piece({ text: '\uFFFD', bytes: [0xe5, 0xa5] }))).toBe('‹E5 A5›')
    expect(chipLabel(piece({ text: '<s>', piece: '<s>', special: true }))).toBe('<s>')
    expect(hexBytes([0, 255, 16])).toBe('00 FF 10')
  })
  it('characters per token', () => {
    expect(charsPerToken(40, 16)).toBe('2.50')
    expect(charsPerToken(5, 0)).toBe('—')
  })
})

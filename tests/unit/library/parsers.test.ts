import { describe, expect, it } from 'vitest'
import { detectEncoding } from '../../../src/core/library/encoding'
import { inspectFile, parseFile } from '../../../src/core/library/parse/index'
import { parseVectorMeta, parseVectors } from '../../../src/core/library/parse/vectors'
import { Staging } from '../../../src/core/library/staging'
import { badFiles, encodedTexts, goodFiles, JA, LATIN, singleLine, ZH, ZH_TW } from '../../fixtures/bad-inputs/make'

describe('encoding detection', () => {
  const expectedText: Record<string, string> = { 'big5.txt': ZH_TW, 'shift_jis.txt': JA, 'windows-1252.txt': LATIN }
  for (const [name, [bytes, encoding]] of Object.entries(encodedTexts())) {
    it(`detects ${encoding} in ${name} and decodes it`, async () => {
      expect(detectEncoding(bytes).encoding).toBe(encoding)
      const r = await parseFile(name, bytes)
      expect(r.problems).toEqual([])
      expect(r.documents[0]?.text.split('\n')[0]).toContain(expectedText[name] ?? ZH)
    })
  }

  it('lets the user override a wrong guess, and flags undecodable bytes', async () => {
    const [gbk] = encodedTexts()['gb18030.txt'] as [Uint8Array, string]
    const asBig5 = await parseFile('gb.txt', gbk, { encoding: 'shift_jis' })
    expect(asBig5.documents[0]?.text).not.toContain(ZH)
    const info = await inspectFile('gb.txt', gbk, 'gb18030')
    expect(info.encoding?.encoding).toBe('gb18030')
    expect(info.sample.startsWith(ZH)).toBe(true)
    const badGbk = await parseFile('x.txt', new Uint8Array([0x81, 0x20, 0x41]), { encoding: 'gbk' })
    expect(badGbk.problems.map((p) => [p.code, p.fatal])).toEqual([['DECODE_REPLACED', false]])
  })
})

describe('formats', () => {
  it('reads each format into text with segments and metadata', async () => {
    const files = await goodFiles()
    const read = async (name: string, opts = {}) => (await parseFile(name, files[name] as Uint8Array, opts)).documents[0]
    expect((await read('page.html'))?.text).toBe('Heading\n\nAttention lets every token look at the others. The model learns which ones matter.\n\n' + ZH)
    const pdf = await read('paper.pdf')
    expect(pdf?.segments.map((s) => [pdf.text.slice(s.start, s.end), s.meta.page])).toEqual([
      ['Tokens are the units a model reads.\nEach token has an ID.', '1'],
      ['Page two is about softmax.', '2']
    ])
    expect((await read('report.docx'))?.text).toBe('Embeddings place texts in a space.\n\nSimilar meanings end up close together.')
    const csv = await read('table.csv', { textField: 'text', metaFields: ['topic'] })
    expect(csv?.segments.map((s) => [csv.text.slice(s.start, s.end), s.meta])).toEqual([
      ['Attention weighs the other tokens, one by one.', { row: '1', topic: 'attention' }],
      ['Softmax turns logits into probabilities.', { row: '2', topic: 'softmax' }]
    ])
    expect(await inspectFile('table.csv', files['table.csv'] as Uint8Array)).toMatchObject({ format: 'csv', fields: ['id', 'topic', 'text'], suggestedTextField: 'text' })
    expect(await inspectFile('rows.tsv', files['rows.tsv'] as Uint8Array)).toMatchObject({ format: 'tsv', fields: ['topic', 'text'] })
    const json = await inspectFile('records.json', files['records.json'] as Uint8Array)
    expect(json).toMatchObject({ fields: ['title', 'body.text'], suggestedTextField: 'body.text' })
    expect((await read('records.json', { textField: 'body.text', metaFields: ['title'] }))?.segments[1]?.meta).toEqual({ record: '2', title: 'b' })
    const jsonl = await read('lines.jsonl', { textField: 'text', metaFields: ['lang'] })
    expect(jsonl?.text.endsWith(ZH)).toBe(true)
    expect(jsonl?.segments[1]?.meta.lang).toBe('zh')
    const missing = await parseFile('table.csv', files['table.csv'] as Uint8Array, { textField: 'nope' })
    expect(missing.problems[0]).toMatchObject({ code: 'NO_TEXT_FIELD', file: 'table.csv', fatal: true })
  })

  it('reads Projector vectors (normalised) with their metadata', async () => {
    const v = parseVectors('v.tsv', '3\t4\n0\t2\n')
    expect(Array.from(v.vectors)).toEqual([0.6, 0.8, 0, 1].map((x) => Math.fround(x)))
    expect(parseVectorMeta('m.tsv', 'word\tlang\ncat\ten\n猫\tzh\n', 2)).toEqual({ labels: ['cat', '猫'], meta: [{ lang: 'en' }, { lang: 'zh' }] })
    expect(() => parseVectors('v.tsv', '1\t2\n3\n')).toThrow(/Line 2 has 1 numbers/)
    expect(() => parseVectorMeta('m.tsv', 'a\nb\nc\n', 2)).toThrow(/3 rows of metadata for 2 vectors/)
    const staging = new Staging()
    const staged = await staging.add([
      { name: 'proj/vectors.tsv', bytes: new TextEncoder().encode('1\t0\n0\t1\n') },
      { name: 'proj/metadata.tsv', bytes: new TextEncoder().encode('a\nb\n') }
    ])
    expect(staged.map((s) => s.format)).toEqual(['vectors', 'vectors-meta'])
  })
})

describe('bad inputs', () => {
  for (const [name, [bytes, code]] of Object.entries(badFiles())) {
    it(`${name} → ${code}, naming the file`, async () => {
      const r = await parseFile(name, bytes)
      expect(r.documents).toEqual([])
      expect(r.problems).toHaveLength(1)
      expect(r.problems[0]).toMatchObject({ code, file: name, fatal: true })
      expect(r.problems[0]?.detail.length).toBeGreaterThan(10)
    })
  }

  it('refuses a file over 50 MB with its size and what to do', async () => {
    const r = await parseFile('huge.txt', new Uint8Array(51 * 1024 * 1024))
    expect(r.problems[0]).toMatchObject({ code: 'TOO_LARGE', file: 'huge.txt' })
    expect(r.problems[0]?.detail).toMatch(/51 MB; the limit is 50 MB per file. Split it/)
  })

  it('imports a 1 MB single line with a warning', async () => {
    const r = await parseFile('line.txt', singleLine())
    expect(r.documents[0]?.text.length).toBe(1024 * 1024)
    expect(r.problems).toEqual([expect.objectContaining({ code: 'LONG_LINE', fatal: false })])
  })

  it('names the broken CSV row', async () => {
    const [bytes] = badFiles()['quotes.csv'] as [Uint8Array, string]
    expect((await parseFile('quotes.csv', bytes)).problems[0]?.detail).toMatch(/Quoted field unterminated \(the quote opens on line 2\)/)
  })
})

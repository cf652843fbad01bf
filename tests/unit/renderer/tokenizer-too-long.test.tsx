// @vitest-environment happy-dom
// Text over the tokenize limit: the lab keeps it, sends nothing and says why in the user's language.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Api } from '@shared/ipc'
import { TOKENIZE_MAX_CHARS } from '@shared/contract/tokenizer'
import { i18next, initI18n } from '../../../src/renderer/src/app/i18n'
import { TokenizerView } from '../../../src/renderer/src/features/tokenizer'
import { setApiForTests } from '../../../src/renderer/src/lib/api'
import { initialStoreState, useStore } from '../../../src/renderer/src/stores'

const sent: string[] = []

describe('tokenizer lab input limit', () => {
  beforeAll(async () => {
    await initI18n('en')
  })
  beforeEach(() => {
    sent.length = 0
    useStore.setState(initialStoreState, true)
    setApiForTests({
      tokenizer: {
        tokenize: async (req: { text: string }) => (sent.push(req.text), []),
        compare: async () => ({ pairs: [], chars: { en: [], zh: [] }, tokens: {}, sources: {} })
      }
    } as unknown as Api)
  })
  afterEach(async () => {
    cleanup()
    setApiForTests(null)
    await i18next.changeLanguage('en')
  })

  it('keeps a too-long text, does not send it, and says the limit and what to do', async () => {
    expect(TOKENIZE_MAX_CHARS).toBe(20_000)
    render(<TokenizerView />)
    await waitFor(() => expect(sent).toHaveLength(1)) // the sample text
    const input = screen.getByTestId('tok-input') as HTMLTextAreaElement
    fireEvent.change(input, { target: { value: 'x'.repeat(23_456) } })
    expect(input.value).toHaveLength(23_456)
    expect(screen.getByTestId('tok-too-long').textContent).toBe(
      'Text is 23,456 characters; the tokenizer lab takes up to 20,000. Shorten it, or use the Library to embed long documents.'
    )
    await act(() => new Promise((r) => setTimeout(r, 400))) // longer than the 250 ms debounce
    expect(sent).toHaveLength(1)

    await act(async () => {
      await i18next.changeLanguage('zh-CN')
    })
    expect(screen.getByTestId('tok-too-long').textContent).toBe('文本有 23,456 个字符，分词器实验最多接受 20,000 个。请缩短文本；较长的文档可以放进资料库进行嵌入。')

    // Exactly at the limit it is sent again and the message goes away.
    fireEvent.change(input, { target: { value: 'x'.repeat(TOKENIZE_MAX_CHARS) } })
    expect(screen.queryByTestId('tok-too-long')).toBeNull()
    await waitFor(() => expect(sent).toHaveLength(2))
    expect(sent[1]).toHaveLength(TOKENIZE_MAX_CHARS)
  })
})

/** Encoder-only, decoder-only and encoder–decoder side by side: which walkthrough parts each keeps. */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Anchor } from '../steps'

const PARTS: Anchor[] = ['tokenize', 'embedding', 'positional-encoding', 'attention', 'masked-attention', 'cross-attention', 'feed-forward', 'stack', 'softmax', 'loop']

const FAMILIES: { id: 'encoder' | 'decoder' | 'seq2seq'; keeps: Set<Anchor> }[] = [
  { id: 'encoder', keeps: new Set<Anchor>(['tokenize', 'embedding', 'positional-encoding', 'attention', 'feed-forward', 'stack']) },
  { id: 'decoder', keeps: new Set<Anchor>(['tokenize', 'embedding', 'positional-encoding', 'masked-attention', 'feed-forward', 'stack', 'softmax', 'loop']) },
  { id: 'seq2seq', keeps: new Set<Anchor>(PARTS) }
]

/** `onJump(anchor)` opens the step of a part (switching walkthrough when needed). */
export function CompareScene({ onJump }: { onJump: (anchor: Anchor) => void }): ReactNode {
  const { t } = useTranslation()
  return (
    <div className="wt-compare" data-testid="wt-compare">
      {FAMILIES.map((f) => (
        <div key={f.id} className="card" data-testid={`wt-family-${f.id}`}>
          <h3>{t(`walkthrough.compare.${f.id}.title`)}</h3>
          <p className="muted">{t(`walkthrough.compare.${f.id}.examples`)}</p>
          <p>{t(`walkthrough.compare.${f.id}.body`)}</p>
          <ul>
            {PARTS.map((p) => (
              <li key={p} className={f.keeps.has(p) ? 'keeps' : 'drops'} data-keeps={f.keeps.has(p)}>
                <span aria-hidden="true">{f.keeps.has(p) ? '✓' : '–'}</span>{' '}
                {f.keeps.has(p) ? (
                  <button type="button" className="link" onClick={() => onJump(p)}>
                    {t(`walkthrough.anchor.${p}`)}
                  </button>
                ) : (
                  <span className="muted">{t(`walkthrough.anchor.${p}`)}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  )
}

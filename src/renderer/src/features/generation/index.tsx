/** The generation lab: the real next-token distribution, sampling controls, step mode and streaming. */
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { GenModelInfo, GenPreset } from '@shared/contract/generation'
import { EmptyState } from '../../app/EmptyState'
import { api } from '../../lib/api'
import { describeError } from '../../lib/errors'
import { useStore } from '../../stores'
import { Controls } from './Controls'
import { NextToken } from './NextToken'
import { Presets } from './Presets'
import { RunPanel } from './RunPanel'
import './generation.css'

function useCatalog(): { models: GenModelInfo[] | null; presets: GenPreset[]; error: string | null } {
  const { t } = useTranslation()
  const [state, setState] = useState<{ models: GenModelInfo[] | null; presets: GenPreset[]; error: string | null }>({ models: null, presets: [], error: null })
  useEffect(() => {
    Promise.all([api().generation.models(), api().generation.presets()]).then(
      ([models, presets]) => setState({ models, presets, error: null }),
      (e: unknown) => setState({ models: [], presets: [], error: describeError(e, t) })
    )
  }, [t])
  return state
}

export function GenerationView(): ReactNode {
  const { t } = useTranslation()
  const { models, presets, error } = useCatalog()
  const { modelId, prompt } = useStore((s) => s.generation)
  const setGeneration = useStore((s) => s.setGeneration)
  const setControls = useStore((s) => s.setControls)
  const [preset, setPreset] = useState<string | null>(null)
  const [compare, setCompare] = useState(false)
  // ReAct: the core answers the model's lookup actions (on with the Tool use preset)
  const [useTool, setUseTool] = useState(false)
  const [autoStart, setAutoStart] = useState(0)
  const text = prompt ?? presets.find((p) => p.id === 'known-fact')?.prompt ?? presets[0]?.prompt ?? ''
  const choose = (p: GenPreset): void => {
    setPreset(p.id)
    setCompare(p.models.length > 1)
    setUseTool(p.tool !== undefined)
    setGeneration({ prompt: p.prompt, modelId: p.models[p.models.length - 1] ?? modelId, picked: [] })
    // The presets' expected answers are the models' greedy answers; sampling stays one click away.
    setControls({ greedy: true, ...(p.maxNewTokens ? { maxNewTokens: p.maxNewTokens } : {}) })
    setAutoStart((n) => n + 1)
  }
  // a lesson's "open the lab" link names a preset (generation:<preset id>): load and run it
  const target = useStore((s) => s.sectionTarget)
  useEffect(() => {
    const p = target ? presets.find((x) => x.id === target) : undefined
    if (!p) return
    useStore.setState({ sectionTarget: null })
    // after this render: choose() sets this view's state and starts the run
    queueMicrotask(() => choose(p))
    // choose() is recreated every render; the target alone decides
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target, presets])
  const sideBySide = compare && models ? models.filter((m) => m.id === 'toy-base' || m.id === 'toy-chat').map((m) => m.id) : []
  return (
    <section className="page gen-page" data-testid="section-generation">
      <h1>{t('nav.generation')}</h1>
      <p>{t('generation.intro')}</p>
      {error && <p className="error" role="alert">{error}</p>}
      {models?.length === 0 && !error && <EmptyState title={t('generation.empty.title')} body={t('generation.empty.body')} testId="gen-empty" />}
      {models && models.length > 0 && (
        <>
          <div className="card">
            <div className="field">
              <label>
                {t('generation.model')}{' '}
                <select data-testid="gen-model" value={modelId} onChange={(e) => setGeneration({ modelId: e.target.value, picked: [] })}>
                  {models.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.id}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <input type="checkbox" data-testid="gen-compare" checked={compare} onChange={(e) => setCompare(e.target.checked)} /> {t('generation.compare')}
              </label>
              <label title={t('generation.toolHelp')}>
                <input type="checkbox" data-testid="gen-tool" checked={useTool} onChange={(e) => setUseTool(e.target.checked)} /> {t('generation.tool')}
              </label>
            </div>
            <Presets presets={presets} active={preset} prompt={text} onChoose={choose} />
            <textarea
              className="gen-prompt"
              data-testid="gen-prompt"
              aria-label={t('generation.promptLabel')}
              rows={3}
              maxLength={4000}
              value={text}
              onChange={(e) => setGeneration({ prompt: e.target.value, picked: [] })}
            />
          </div>
          <RunPanel prompt={text} models={sideBySide.length === 2 ? sideBySide : [modelId]} autoStartKey={autoStart} tool={useTool ? 'lookup' : undefined} />
          <div className="gen-layout">
            <Controls />
            <NextToken prompt={text} />
          </div>
        </>
      )}
    </section>
  )
}

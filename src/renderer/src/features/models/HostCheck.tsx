import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../lib/api'
import { describeError } from '../../lib/errors'
import { useStore } from '../../stores'

/**
 * Sends a request through the model host and shows the round trip. The request is held for
 * `holdMs` so the student can watch a request in flight (and tests can kill the host meanwhile).
 */
export function HostCheck({ holdMs = 3000 }: { holdMs?: number }): ReactNode {
  const { t } = useTranslation()
  const host = useStore((s) => s.host)
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'ok' | 'error'; text: string }>({ kind: 'idle', text: '' })
  const run = async (): Promise<void> => {
    setState({ kind: 'busy', text: t('host.checking') })
    try {
      const r = await api().host.ping({ echo: 'hello', delayMs: holdMs })
      setState({ kind: 'ok', text: t('host.checkOk', { pid: r.pid, ms: r.tookMs }) })
    } catch (e) {
      setState({ kind: 'error', text: describeError(e, t) })
    }
  }
  return (
    <div className="card" data-testid="host-check">
      <h2>{t('host.title')}</h2>
      <p>{t('host.explain')}</p>
      <p>
        {t('host.current')}: <strong data-testid="host-check-state">{t(`host.state.${host.state}`)}</strong>
        {host.pid !== null && <span data-testid="host-pid" data-pid={host.pid}> · PID {host.pid}</span>}
      </p>
      <button type="button" data-testid="host-check-run" disabled={state.kind === 'busy'} onClick={() => void run()}>
        {t('host.check')}
      </button>
      <button type="button" onClick={() => void api().jobs.selfTest({ seconds: 5 })}>
        {t('host.selfTest')}
      </button>
      {state.kind !== 'idle' && (
        <p className={state.kind === 'error' ? 'error' : ''} data-testid="host-check-result" data-kind={state.kind} role={state.kind === 'error' ? 'alert' : 'status'}>
          {state.text}
        </p>
      )}
    </div>
  )
}

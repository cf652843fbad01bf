import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/core/dispatch'
import { AppError, encodeErrorForBridge, errorFromUnknown } from '../../../src/shared/errors'
import { CHANNELS, buildApi, type Handlers, isChannel } from '../../../src/shared/ipc'

describe('IPC contract', () => {
  it('builds one named function per channel, grouped by namespace, and no generic invoke', async () => {
    const calls: [string, unknown][] = []
    const api = buildApi(
      async (ch, req) => {
        calls.push([ch, req])
        return 'ok'
      },
      () => () => undefined
    )
    await api.host.ping({ echo: 'x', delayMs: 0 })
    await api.settings.set({ theme: 'dark' })
    expect(calls).toEqual([
      ['host:ping', { echo: 'x', delayMs: 0 }],
      ['settings:set', { theme: 'dark' }]
    ])
    expect('invoke' in api).toBe(false)
    for (const ch of CHANNELS) {
      const [ns, op] = ch.split(':') as [string, string]
      expect(typeof (api as unknown as Record<string, Record<string, unknown>>)[ns]?.[op]).toBe('function')
    }
    expect(() => api.on('nope' as never, () => undefined)).toThrow(/Unknown event/)
  })

  it('validates requests against their schema before a handler runs', async () => {
    let ran = false
    const handlers = { 'host:ping': async () => ((ran = true), { echo: '', pid: 1, tookMs: 0 }) } as unknown as Handlers
    await expect(dispatch(handlers, 'host:ping', { delayMs: -5 })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/delayMs/) })
    await expect(dispatch(handlers, 'host:ping', { delayMs: 1, extra: true })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(dispatch(handlers, 'fs:readAnything', {})).rejects.toMatchObject({ code: 'UNKNOWN_CHANNEL' })
    expect(ran).toBe(false)
    await dispatch(handlers, 'host:ping', {})
    expect(ran).toBe(true)
    expect(isChannel('toString')).toBe(false)
  })

  it('carries error codes through the Electron bridge (message only)', () => {
    const packed = new Error(encodeErrorForBridge(new AppError('HOST_CRASHED', 'boom: x').toWire()))
    expect(errorFromUnknown(packed)).toEqual({ code: 'HOST_CRASHED', message: 'boom: x' })
    expect(errorFromUnknown(new Error('plain'))).toEqual({ code: 'INTERNAL', message: 'plain' })
  })
})

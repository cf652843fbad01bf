import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'

test('killing the model host mid-request shows an error and a working host comes back', async ({ app }) => {
  await app.getByTestId('nav-models').click()
  await expect(app.getByTestId('host-check-state')).toHaveText('Model host ready')
  const pid = Number(await app.getByTestId('host-pid').getAttribute('data-pid'))
  expect(pid).toBeGreaterThan(0)

  await app.getByTestId('host-check-run').click()
  await expect(app.getByTestId('host-check-result')).toHaveAttribute('data-kind', 'busy')
  // One CI run saw the check answered by a process that was not killed: say what the PID named.
  const cmdline = (() => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
    } catch {
      return null // no /proc (not Linux)
    }
  })()
  if (cmdline !== null) expect(cmdline, `PID ${pid} should be the model host`).toContain('worker')
  expect(Number(await app.getByTestId('host-pid').getAttribute('data-pid')), 'the PID shown did not change before the kill').toBe(pid)
  process.kill(pid, 'SIGKILL')

  const result = app.getByTestId('host-check-result')
  await expect(result).toHaveAttribute('data-kind', 'error')
  await expect(result).toContainText('The model host stopped during this request')
  await expect(app.getByTestId('host-state')).toHaveAttribute('data-state', 'ready')
  await expect(app.getByTestId('host-state')).toContainText('restarted 1 time')
  const newPid = Number(await app.getByTestId('host-pid').getAttribute('data-pid'))
  expect(newPid).not.toBe(pid)

  await app.getByTestId('host-check-run').click()
  await expect(result).toHaveAttribute('data-kind', 'ok', { timeout: 15_000 })
})

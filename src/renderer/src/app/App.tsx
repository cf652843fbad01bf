import { useEffect, type ReactNode } from 'react'
import { SECTIONS } from '../stores/app-slice'
import { useStore } from '../stores'
import { ErrorBoundary } from './ErrorBoundary'
import { SECTION_VIEWS } from './sections'
import { Sidebar } from './Sidebar'
import { StatusBar } from './StatusBar'
import { Toast } from './Toast'

/** Keyboard: Ctrl/⌘ + 1…7 opens a section. */
function useSectionShortcuts(): void {
  const go = useStore((s) => s.go)
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return
      const n = Number(e.key)
      const id = SECTIONS[n - 1]
      if (Number.isInteger(n) && id) {
        e.preventDefault()
        go(id)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [go])
}

/** The shell: sidebar, the current section (inside an error boundary), status bar. */
export function App(): ReactNode {
  const section = useStore((s) => s.section)
  useSectionShortcuts()
  const View = SECTION_VIEWS[section]
  return (
    <div className="shell">
      <Sidebar />
      <main className="content" id="main">
        <ErrorBoundary resetKey={section}>
          <View />
        </ErrorBoundary>
      </main>
      <StatusBar />
      <Toast />
    </div>
  )
}

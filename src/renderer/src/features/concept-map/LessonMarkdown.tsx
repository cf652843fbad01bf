import type { ReactNode } from 'react'
import Markdown, { type Components } from 'react-markdown'
import remarkGfm from 'remark-gfm'
import { useStore } from '../../stores'

const LESSON_HREF = /^#\/lesson\/([a-z0-9-]+)$/

/**
 * A lesson body (markdown + GFM tables). Links `#/lesson/<id>` (made by the core parser from
 * `[[id]]`) open that lesson; other links are shown as text, since the app works offline.
 */
export function LessonMarkdown({ text, inline = false }: { text: string; inline?: boolean }): ReactNode {
  const openLesson = useStore((s) => s.openLesson)
  const components: Components = {
    a: ({ href, children }) => {
      const id = LESSON_HREF.exec(href ?? '')?.[1]
      if (!id) return <span>{children}</span>
      return (
        <a
          href={href}
          className="cm-link"
          data-testid={`lesson-link-${id}`}
          onClick={(e) => {
            e.preventDefault()
            openLesson(id)
          }}
        >
          {children}
        </a>
      )
    },
    table: ({ children }) => (
      <div className="cm-table-wrap">
        <table>{children}</table>
      </div>
    ),
    ...(inline ? { p: ({ children }) => <>{children}</> } : {})
  }
  return (
    <Markdown remarkPlugins={[remarkGfm]} components={components}>
      {text}
    </Markdown>
  )
}

import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { runProgram } from './program'

/** PAL: the model's program run by the app's interpreter (program.ts), shown apart from the model's text. */
export function ProgramOutput({ source }: { source: string }): ReactNode {
  const { t } = useTranslation()
  const result = runProgram(source)
  return (
    <div className={`gen-tool${result.ok ? '' : ' gen-tool-missing'}`} data-testid="gen-program-output">
      <span className="gen-tool-label">{t('generation.program.label')}</span>
      {result.ok
        ? t('generation.program.output', { value: result.value })
        : t(`generation.program.problems.${result.problem}`, { line: result.line, detail: result.detail })}
    </div>
  )
}

import { Component, type ComponentType, type ErrorInfo, type ReactNode } from 'react'
import { withTranslation, type WithTranslation } from 'react-i18next'

interface State {
  error: Error | null
}

/** Catches a crash inside one section so the rest of the app keeps working. */
class ErrorBoundaryInner extends Component<WithTranslation & { children: ReactNode; resetKey: string }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidUpdate(prev: { resetKey: string }): void {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null })
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Section crashed:', error, info.componentStack)
  }

  override render(): ReactNode {
    const { t } = this.props
    if (!this.state.error) return this.props.children
    return (
      <div className="error-panel" role="alert" data-testid="error-boundary">
        <h2>{t('errorBoundary.title')}</h2>
        <p>{t('errorBoundary.body')}</p>
        <pre>{this.state.error.message}</pre>
        <button type="button" onClick={() => this.setState({ error: null })}>
          {t('errorBoundary.retry')}
        </button>
      </div>
    )
  }
}

export const ErrorBoundary: ComponentType<{ children: ReactNode; resetKey: string }> = withTranslation()(ErrorBoundaryInner)

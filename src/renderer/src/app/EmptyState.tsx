import type { ReactNode } from 'react'

/** An honest empty state: what this place is for, why it is empty, what to do now. */
export function EmptyState(props: { title: string; body: string; children?: ReactNode; testId?: string }): ReactNode {
  return (
    <div className="empty-state" data-testid={props.testId}>
      <h2>{props.title}</h2>
      <p>{props.body}</p>
      {props.children}
    </div>
  )
}

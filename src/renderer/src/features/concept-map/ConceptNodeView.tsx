import type { ReactNode } from 'react'
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react'
import type { ConceptNode } from '@shared/contract/lessons'

export interface ConceptNodeData extends Record<string, unknown> {
  node: ConceptNode
  chapterName: string
  /** true/false while a search is active, null otherwise. */
  match: boolean | null
  visited: boolean
  /** Whether the last self-check answer was right, or null if never answered. */
  right: boolean | null
  onOpen(): void
}

/** One concept in the graph: a button (title, chapter colour, progress marks) that opens its lesson. */
export function ConceptNodeView({ data }: NodeProps<Node<ConceptNodeData, 'concept'>>): ReactNode {
  const { node } = data
  return (
    <>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <button
        type="button"
        className={`cm-node cm-ch-${node.chapter}${data.match === false ? ' is-dim' : ''}${data.match ? ' is-match' : ''}`}
        data-testid={`graph-node-${node.id}`}
        data-match={data.match === null ? undefined : String(data.match)}
        data-visited={data.visited ? 'true' : undefined}
        title={`${data.chapterName} — ${node.summary}`}
        onClick={data.onOpen}
      >
        <span className="cm-node-title">{node.title}</span>
        <span className="cm-node-marks" aria-hidden="true">
          {data.visited && '✓'}
          {data.right !== null && (data.right ? '●' : '○')}
        </span>
      </button>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </>
  )
}

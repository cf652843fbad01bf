import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Background, Controls, MarkerType, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, useStore as useFlowStore, type Edge, type Node } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { CHAPTERS, type Chapter, type ConceptGraph as Graph } from '@shared/contract/lessons'
import { useStore } from '../../stores'
import { ConceptNodeView, type ConceptNodeData } from './ConceptNodeView'
import { layoutGraph, NODE_H, NODE_W, orient } from './graph-layout'
import { GraphToolbar } from './GraphToolbar'
import { useThemeMode } from './use-theme-mode'

/** Lower-case text without spaces, for forgiving search. */
const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, '')

/** Ids of the nodes whose title, summary or id contains `query` (all of them for an empty query). */
export function matchNodes(graph: Graph, query: string): Set<string> {
  const q = norm(query)
  return new Set(graph.nodes.filter((n) => !q || [n.title, n.summary, n.id].some((s) => norm(s).includes(q))).map((n) => n.id))
}

/**
 * Chapter filter: from "all shown", picking a chapter shows only it; after that each click shows or
 * hides one more chapter; hiding the last one shows all again.
 */
export function toggleChapter(hidden: Set<Chapter>, c: Chapter): Set<Chapter> {
  if (hidden.size === 0) return new Set(CHAPTERS.filter((x) => x !== c))
  const next = new Set(hidden)
  if (next.has(c)) next.delete(c)
  else next.add(c)
  return next.size === CHAPTERS.length ? new Set() : next
}

function Flow({ graph }: { graph: Graph }): ReactNode {
  const { t } = useTranslation()
  const { fitView } = useReactFlow()
  const [initialized, setInitialized] = useState(false)
  // Edge labels only when they can be read (at the overview zoom they are noise).
  const showLabels = useFlowStore((s) => s.transform[2] >= 0.6)
  const openLesson = useStore((s) => s.openLesson)
  const progress = useStore((s) => s.conceptMap.progress)
  const mode = useThemeMode()
  const [positions, setPositions] = useState<Map<string, { x: number; y: number }> | null>(null)
  const [layoutError, setLayoutError] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  const [hiddenChapters, setHiddenChapters] = useState<Set<Chapter>>(new Set())
  const [hovered, setHovered] = useState<string | null>(null)
  const matches = useMemo(() => matchNodes(graph, query), [graph, query])
  const visible = (id: string): boolean => !hiddenChapters.has(graph.nodes.find((n) => n.id === id)!.chapter)
  const shownMatches = [...matches].filter(visible)

  useEffect(() => {
    layoutGraph(graph.nodes.map((n) => n.id), graph.edges).then(setPositions, (e: unknown) => setLayoutError(String(e)))
  }, [graph.nodes, graph.edges])

  // Zoom to what is asked for: the matches while searching, else the chapters shown.
  const matchKey = query.trim() ? shownMatches.join(',') : graph.nodes.filter((n) => visible(n.id)).map((n) => n.id).join(',')
  useEffect(() => {
    if (!positions || !initialized) return
    if (!matchKey) return
    void fitView({ nodes: matchKey.split(',').map((id) => ({ id })), duration: 250, maxZoom: 1.3, padding: 0.12 })
  }, [matchKey, positions, initialized, fitView])

  const nodes: Node<ConceptNodeData, 'concept'>[] = graph.nodes.map((n) => ({
    id: n.id,
    type: 'concept',
    position: positions?.get(n.id) ?? { x: 0, y: 0 },
    width: NODE_W,
    height: NODE_H,
    hidden: !visible(n.id),
    data: {
      node: n,
      chapterName: t(`lessons.chapter.${n.chapter}`),
      match: query.trim() ? matches.has(n.id) : null,
      visited: Boolean(progress?.visited[n.id]),
      right: progress?.answers[n.id]?.correct ?? null,
      onOpen: () => openLesson(n.id)
    }
  }))
  const edges: Edge[] = graph.edges.map((e, i) => {
    const o = orient(e)
    const near = hovered !== null && (e.source === hovered || e.target === hovered)
    const dim = (query.trim() && !(matches.has(e.source) && matches.has(e.target))) || (hovered !== null && !near)
    const marker = e.relation === 'contrasts-with' ? undefined : { type: MarkerType.ArrowClosed, width: 16, height: 16 }
    return {
      id: `e${i}`,
      source: o.from,
      target: o.to,
      hidden: !visible(e.source) || !visible(e.target),
      label: showLabels || near ? t(`lessons.relation.${e.relation}`) : undefined,
      className: `cm-edge cm-edge-${e.relation}${near ? ' is-near' : ''}${dim ? ' is-dim' : ''}`,
      markerStart: o.arrowUp ? marker : undefined,
      markerEnd: o.arrowUp ? undefined : marker
    }
  })

  if (layoutError) return <p className="error" role="alert">{`${t('lessons.graph.layoutError')} (${layoutError})`}</p>
  return (
    <div className="cm-graph" data-testid="concept-graph" data-layout={positions && initialized ? 'done' : 'pending'}>
      <GraphToolbar
        query={query}
        onQuery={setQuery}
        count={query.trim() ? shownMatches.length : null}
        hidden={hiddenChapters}
        onToggle={(c) => setHiddenChapters((h) => toggleChapter(h, c))}
        onAll={() => setHiddenChapters(new Set())}
        onEnter={() => shownMatches[0] && openLesson(shownMatches[0])}
        chapters={CHAPTERS}
      />
      <div className="cm-flow" aria-label={t('lessons.graph.label')} role="region">
        {positions && (
        <ReactFlow
          fitView
          fitViewOptions={{ padding: 0.12 }}
          onInit={() => setInitialized(true)}
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          colorMode={mode}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          minZoom={0.15}
          maxZoom={2}
          onNodeMouseEnter={(_, n) => setHovered(n.id)}
          onNodeMouseLeave={() => setHovered(null)}
        >
          <Background gap={24} />
          <Controls showInteractive={false} />
          <MiniMap pannable zoomable style={{ width: 150, height: 100 }} nodeColor={(n) => `var(--cm-ch-${(n.data as ConceptNodeData).node.chapter})`} />
        </ReactFlow>
        )}
      </div>
      <p className="cm-hint">{t('lessons.graph.openHint')}</p>
    </div>
  )
}

const NODE_TYPES = { concept: ConceptNodeView }

/** The concept graph of the whole course (xyflow + ELK): search, zoom, filter by chapter. */
export function ConceptGraph({ graph }: { graph: Graph }): ReactNode {
  return (
    <ReactFlowProvider>
      <Flow graph={graph} />
    </ReactFlowProvider>
  )
}

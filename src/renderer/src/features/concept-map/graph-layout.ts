/**
 * Lays out the concept graph with ELK's layered algorithm (elkjs). For the layout only, "is a",
 * "part of" and "used in" edges are turned around so that the general concept sits above the
 * specific one (machine learning above supervised learning, the Transformer above attention).
 */
import ELK from 'elkjs/lib/elk.bundled.js'
import type { ConceptEdge } from '@shared/contract/lessons'

/** Node box size in flow units (px at zoom 1). */
export const NODE_W = 190
export const NODE_H = 56

/** Relations whose edge points from the specific to the general concept. */
const UPWARD = new Set<ConceptEdge['relation']>(['is-a', 'part-of', 'used-in'])

/** The edge as drawn: from the upper node to the lower one, and whether the arrow points up. */
export function orient(e: ConceptEdge): { from: string; to: string; arrowUp: boolean } {
  return UPWARD.has(e.relation) ? { from: e.target, to: e.source, arrowUp: true } : { from: e.source, to: e.target, arrowUp: false }
}

let elk: InstanceType<typeof ELK> | null = null

/**
 * Top-left position of every node (flow units).
 * @throws Error if ELK fails (e.g. an edge names a node that does not exist)
 */
export async function layoutGraph(ids: string[], edges: ConceptEdge[]): Promise<Map<string, { x: number; y: number }>> {
  elk ??= new ELK()
  const out = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.spacing.nodeNode': '24',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP'
    },
    children: ids.map((id) => ({ id, width: NODE_W, height: NODE_H })),
    // "comes before" and "contrasts with" are drawn but do not shape the layers: they would stretch
    // the drawing into long chains (16 layers instead of 11 for the bundled course).
    edges: edges
      .filter((e) => e.relation !== 'precedes' && e.relation !== 'contrasts-with')
      .map((e, i) => {
        const o = orient(e)
        return { id: `e${i}`, sources: [o.from], targets: [o.to] }
      })
  })
  return new Map((out.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]))
}

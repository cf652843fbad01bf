/** The type of a table of model host ops. */
import type { OpContext } from '../context'

/** One handler per op of `Ops` (an interface of `{ args; result }` pairs). */
export type OpTable<Ops> = { [O in keyof Ops]: Ops[O] extends { args: infer A; result: infer R } ? (args: A, ctx: OpContext) => Promise<R> : never }

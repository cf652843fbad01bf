/** Serves the built renderer (dist-web) read-only, with no way out of its folder. */
import { readFile, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon'
}

/** Responds with the file under `root` named by the URL path; unknown paths get index.html (SPA). */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local')
  let rel: string
  try {
    rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '')
  } catch {
    res.writeHead(400).end('Bad path')
    return
  }
  let file = join(root, rel || 'index.html')
  if (!file.startsWith(root + sep) && file !== root) {
    res.writeHead(403).end('Forbidden')
    return
  }
  const info = await stat(file).catch(() => null)
  if (!info || info.isDirectory()) file = join(root, 'index.html')
  try {
    const body = await readFile(file)
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff'
    })
    res.end(body)
  } catch {
    res.writeHead(404).end('The renderer is not built. Run `npm run build:web` first.')
  }
}

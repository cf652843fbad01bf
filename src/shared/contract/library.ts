/**
 * Channels of the library feature: the user's own text, imported, cut into chunks, embedded by a
 * local model and stored (LanceDB) in the user-data folder. Types of the data on the wire are in
 * the end of this file; the embedding-space explorer (contract/space.ts) reads what is stored here.
 */
import { z } from 'zod'
import type { JobInfo } from '../types'
import { channel, empty } from './channel'

/** Largest file the import accepts, bytes (50 MB). The renderer checks it before sending. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024

/** Encodings the override menu offers (WHATWG / iconv-lite names). */
export const KNOWN_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'gbk', 'big5', 'shift_jis', 'euc-jp', 'euc-kr', 'windows-1252', 'iso-8859-1'] as const

const id = z.string().min(1).max(100)
const name = z.string().trim().min(1).max(200)

/** How text is cut into chunks. Sizes are counted in the embedding model's own tokens. */
export const chunkingSchema = z
  .object({
    /** paragraph: one chunk per paragraph; sentence: one per sentence; tokens: fixed windows. */
    mode: z.enum(['paragraph', 'sentence', 'tokens']).default('paragraph'),
    /** Largest chunk, tokens (paragraphs and sentences longer than this are split). */
    size: z.number().int().min(16).max(2048).default(256),
    /** Tokens shared by consecutive windows (mode `tokens` only). */
    overlap: z.number().int().min(0).max(1024).default(32),
    /** Leave out chunks whose text is already in the library or earlier in this import. */
    skipDuplicates: z.boolean().default(true)
  })
  .strict()
  .refine((c) => c.overlap < c.size, { message: 'overlap must be smaller than size', path: ['overlap'] })
export type Chunking = z.output<typeof chunkingSchema>

/** One staged file and how to read it. */
export const fileSpecSchema = z
  .object({
    fileId: id,
    /** Overrides the detected encoding (a WHATWG / iconv-lite label, e.g. `gb18030`). */
    encoding: z.string().min(1).max(40).optional(),
    /** CSV/TSV column or JSON field that holds the text. */
    textField: z.string().max(200).optional(),
    /** CSV/TSV columns or JSON fields kept as metadata of each chunk. */
    metaFields: z.array(z.string().max(200)).max(50).optional()
  })
  .strict()
export type FileSpec = z.output<typeof fileSpecSchema>

const stagedInput = z
  .object({
    /** Name shown to the user; with a folder import, its path inside the folder. */
    name: z.string().min(1).max(1000),
    bytes: z.instanceof(Uint8Array)
  })
  .strict()

export const libraryContract = {
  'library:list': channel<LibraryInfo[]>()(empty),
  'library:create': channel<LibraryInfo>()(z.object({ name, modelId: id.optional() }).strict()),
  'library:rename': channel<LibraryInfo>()(z.object({ id, name }).strict()),
  /** Deletes a library and everything stored for it. */
  'library:delete': channel<boolean>()(z.object({ id }).strict()),
  /** Embeds every chunk again with another model (a job); the old vectors stay until it is done. */
  'library:reembed': channel<JobInfo>()(z.object({ id, modelId: id }).strict()),
  'library:documents': channel<DocumentInfo[]>()(z.object({ id }).strict()),
  /** Embedding models the library can use (bundled models whose task is feature-extraction). */
  'library:models': channel<EmbeddingModelInfo[]>()(empty),
  /** Uploads files for an import: detects format and encoding, lists CSV columns / JSON fields. */
  'library:stage': channel<StagedFile[]>()(z.object({ files: z.array(stagedInput).min(1).max(2000) }).strict()),
  /** Re-reads one staged file with another encoding. */
  'library:restage': channel<StagedFile>()(z.object({ fileId: id, encoding: z.string().min(1).max(40) }).strict()),
  /** Forgets staged files (the import dialog was closed). */
  'library:unstage': channel<boolean>()(z.object({ fileIds: z.array(id).max(2000) }).strict()),
  /** Parses and chunks staged files without embedding: counts, token sizes, duplicates, errors. */
  'library:preview': channel<PreviewResult>()(
    z.object({ libraryId: id, files: z.array(fileSpecSchema).min(1).max(2000), chunking: chunkingSchema }).strict()
  ),
  /** Starts the import job: parse, chunk, embed in batches, commit each batch. */
  'library:import': channel<JobInfo>()(
    z.object({ libraryId: id, files: z.array(fileSpecSchema).min(1).max(2000), chunking: chunkingSchema }).strict()
  )
} as const

/** Events of the library feature (payload pushed from the Node side). */
export interface LibraryEvents {
  /** The list of libraries changed (created, renamed, deleted, chunks added, import state). */
  'library:changed': LibraryInfo[]
  /** An import job finished (or failed): what happened to each file. */
  'library:importReport': ImportReport
}

/** Outcome of one import job, per file. */
export interface ImportReport {
  jobId: string
  libraryId: string
  state: 'done' | 'failed' | 'cancelled'
  files: PreviewResult['files']
  /** Failure of the whole job (the translated code is shown with it), or null. */
  error: { code: string; message: string } | null
}

/** Runtime list of this feature's event names (the transports subscribe by name). */
export const libraryEventNames: (keyof LibraryEvents)[] = ['library:changed', 'library:importReport']

/** Default chunking (the import dialog starts from it). */
export const DEFAULT_CHUNKING: Chunking = { mode: 'paragraph', size: 256, overlap: 32, skipDuplicates: true }

/** One library: a named collection of documents whose chunks are embedded by one model. */
export interface LibraryInfo {
  id: string
  name: string
  /** Embedding model of its vectors; `imported` when the user brought their own vectors. */
  modelId: string
  /** Vector length (0 until the first chunk is stored). */
  dim: number
  documents: number
  chunks: number
  /** ms since epoch */
  createdAt: number
  updatedAt: number
  /** `importing`: a job is writing to it; `interrupted`: a job stopped and will resume at next start. */
  state: 'ready' | 'importing' | 'interrupted'
  /** The sample library written by this project (made on first start). */
  sample: boolean
}

/** One imported document (a file, a CSV row set, a pasted text). */
export interface DocumentInfo {
  id: string
  libraryId: string
  name: string
  format: FileFormat
  /** The encoding it was decoded with (`utf-8`, `gb18030`, …); '' for binary formats (pdf, docx). */
  encoding: string
  bytes: number
  chunks: number
  addedAt: number
}

/** Formats the import reads. `vectors` / `vectors-meta`: a Projector-style TSV pair (bring your own vectors). */
export type FileFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx' | 'csv' | 'tsv' | 'json' | 'jsonl' | 'vectors' | 'vectors-meta'

/** Why a file could not be imported; the renderer words it (locales `library.fileErrors.<code>`). */
export type FileErrorCode =
  | 'EMPTY'
  | 'BINARY'
  | 'UNSUPPORTED'
  | 'TOO_LARGE'
  | 'PDF_ENCRYPTED'
  | 'PDF_NO_TEXT'
  | 'PDF_BROKEN'
  | 'DOCX_BROKEN'
  | 'CSV_BROKEN'
  | 'JSON_BROKEN'
  | 'NO_TEXT_FIELD'
  | 'NO_TEXT'
  | 'VECTORS_BROKEN'
  | 'ALREADY_IMPORTED'

/** A problem with one file: the rest of the import goes on. */
export interface FileProblem {
  code: FileErrorCode | 'LONG_LINE' | 'DECODE_REPLACED'
  /** The file's name as the user gave it. */
  file: string
  /** English detail for logs (the UI shows the translated code plus this). */
  detail: string
  /** true: the file is skipped; false: a warning, the file is imported. */
  fatal: boolean
}

/** Encoding detection for one file. */
export interface EncodingGuess {
  /** The encoding used to decode (detected, or the user's override). */
  encoding: string
  /** 0–100, from chardet; 100 for a byte-order mark. */
  confidence: number
  /** Other likely encodings, best first (the override menu offers them first). */
  candidates: string[]
  bom: boolean
}

/** A file uploaded for an import (kept in memory on the Node side until imported or unstaged). */
export interface StagedFile {
  fileId: string
  name: string
  bytes: number
  format: FileFormat | null
  /** null for binary formats (pdf, docx) and for files that could not be read. */
  encoding: EncodingGuess | null
  /** CSV/TSV column names or JSON fields (in order of first appearance). */
  fields: string[]
  /** The field the import would use for text if the user does not pick one. */
  suggestedTextField: string | null
  /** The first characters of the decoded text (to check the encoding by eye). */
  sample: string
  problems: FileProblem[]
}

/** Result of `library:preview`: what the import would store, before any embedding. */
export interface PreviewResult {
  files: { fileId: string; name: string; documents: number; chunks: number; problems: FileProblem[] }[]
  chunks: number
  /** Chunks left out as duplicates (of each other or of chunks already in the library). */
  duplicates: number
  /** Chunk sizes in the model's tokens: histogram with `edges.length === counts.length + 1`. */
  tokens: { min: number; max: number; mean: number; total: number; edges: number[]; counts: number[] }
  /** The model's input limit, tokens; longer chunks are truncated by the model. */
  maxTokens: number
  overLimit: number
  /** A few chunks to look at. */
  samples: { documentName: string; text: string; tokens: number }[]
}

/** An embedding model the library can use. */
export interface EmbeddingModelInfo {
  id: string
  dim: number
  languages: string[]
  maxTokens: number
}

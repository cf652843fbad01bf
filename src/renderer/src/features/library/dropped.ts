/**
 * Files from a drop: plain files, and whole folders walked through the File and Directory Entries
 * API (`webkitGetAsEntry`). Each file keeps its path inside the dropped folder as `relativePath`.
 */

export type NamedFile = File & { relativePath?: string }

function fileOf(entry: FileSystemFileEntry): Promise<NamedFile> {
  return new Promise((resolve, reject) => entry.file((f) => resolve(Object.assign(f, { relativePath: entry.fullPath.replace(/^\//, '') })), reject))
}

/** All entries of a folder (readEntries returns them in pages until an empty one). */
async function children(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader()
  const out: FileSystemEntry[] = []
  for (;;) {
    const page = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))
    if (page.length === 0) return out
    out.push(...page)
  }
}

async function walk(entry: FileSystemEntry, out: NamedFile[]): Promise<void> {
  if (entry.isFile) out.push(await fileOf(entry as FileSystemFileEntry))
  else if (entry.isDirectory) for (const child of await children(entry as FileSystemDirectoryEntry)) await walk(child, out)
}

/** Every file in a drop, folders included (hidden files, starting with '.', are left out). */
export async function droppedFiles(dt: DataTransfer): Promise<NamedFile[]> {
  const entries = [...dt.items].map((i) => i.webkitGetAsEntry?.() ?? null).filter((e): e is FileSystemEntry => e !== null)
  if (entries.length === 0) return [...dt.files]
  const out: NamedFile[] = []
  for (const e of entries) await walk(e, out)
  return out.filter((f) => !(f.relativePath ?? f.name).split('/').some((part) => part.startsWith('.')))
}

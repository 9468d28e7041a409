/**
 * The stand-in is the reference the product is tested against, so it borrows nothing from the
 * product (a schema copied from src/ would check the product against itself), and its files and
 * folders only look down: no two files, and no two folders, import each other (DESIGN.md section 2).
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const STAND_IN = join(ROOT, 'stand-in')

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

/** The relative imports of a file (static, dynamic and type-only), resolved to .ts paths. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name).replace(/\.js$/, '.ts'))
}

/** The strongly connected components with more than one node (Tarjan): each is a circle. */
function circles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (node: string): void => {
    index.set(node, index.size)
    low.set(node, index.get(node) as number)
    stack.push(node)
    onStack.add(node)
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next)
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number))
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number))
      }
    }
    if (low.get(node) !== index.get(node)) return
    const component: string[] = []
    let member: string
    do {
      member = stack.pop() as string
      onStack.delete(member)
      component.push(member)
    } while (member !== node)
    if (component.length > 1) found.push(component.sort())
  }
  for (const node of graph.keys()) if (!index.has(node)) visit(node)
  return found
}

const files = sourceFiles(STAND_IN)
const edges = new Map(files.map((file) => [file, new Set(importsOf(file))]))
const shown = (path: string): string => relative(ROOT, path)

describe('the stand-in as a reference', () => {
  it('imports nothing from src/', () => {
    const borrowed = [...edges].flatMap(([file, targets]) =>
      [...targets]
        .filter((target) => !target.startsWith(STAND_IN))
        .map((t) => `${shown(file)} -> ${shown(t)}`)
    )
    expect(borrowed).toEqual([])
  })

  it('has no circle between its files', () => {
    const fileGraph = new Map(
      [...edges].map(([file, targets]) => [shown(file), new Set([...targets].map(shown))])
    )
    expect(circles(fileGraph)).toEqual([])
  })

  it('has no circle between its folders', () => {
    const folderGraph = new Map<string, Set<string>>()
    for (const [file, targets] of edges) {
      const from = shown(dirname(file))
      const out = folderGraph.get(from) ?? new Set<string>()
      for (const target of targets) if (shown(dirname(target)) !== from) out.add(shown(dirname(target)))
      folderGraph.set(from, out)
    }
    expect(circles(folderGraph)).toEqual([])
  })

  it('finds a circle when there is one (the check itself works)', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])]
    ])
    expect(circles(graph)).toEqual([['a', 'b', 'c']])
  })
})

/**
 * `unknown-column`: columns (and struct fields) read from the checked table must exist in its
 * schema (the table's own when read from Glue, else the one documented for its source: CloudTrail's,
 * Config's...); the finding names the nearest existing one. Only references that surely read the
 * checked table are checked (see resolve.ts).
 */
import { closest } from 'fastest-levenshtein'
import { PARTITION_KEY_NAMES } from '../../vocabulary/keys.js'
import { DEFAULT_SOURCE } from '../../logs/sources.js'
import { documentedTable } from '../../table/documented-tables.js'
import { fieldsOf, type FieldTree } from '../../table/schema.js'
import type { Problem } from '../findings.js'
import { resolveColumn } from '../resolve.js'
import { positionOf } from '../tree.js'
import type { BlockRule, RuleContext } from './context.js'

export const checkUnknownColumns: BlockRule = (block, context) => {
  const problems: Problem[] = []
  if (block.columnRefs.length === 0) return problems
  const columns = tableColumns(context)
  const table = `the ${context.settings.source ?? DEFAULT_SOURCE} table`
  for (const ref of block.columnRefs) {
    const resolved = resolveColumn(block, ref)
    if (!resolved?.certain) continue
    const skipped = ref.path.length - resolved.path.length
    let fields: FieldTree | null = columns
    let owner = table
    for (const [i, name] of resolved.path.entries()) {
      const identifier = ref.identifiers[skipped + i]
      if (fields === null) {
        if (identifier) {
          problems.push({
            rule: 'unknown-column',
            ...positionOf(identifier),
            message: `${owner} has no fields, so .${name} cannot be read from it`
          })
        }
        break
      }
      if (!fields.has(name)) {
        if (i === 0 && block.selectAliases.has(name)) break
        if (identifier) {
          const nearest = closest(name, [...fields.keys()])
          problems.push({
            rule: 'unknown-column',
            ...positionOf(identifier),
            message:
              i === 0
                ? `Column ${name} does not exist in ${table}; did you mean ${nearest}?`
                : `${owner} has no field ${name}; did you mean ${nearest}?`
          })
        }
        break
      }
      fields = fields.get(name) ?? null
      owner = resolved.path.slice(0, i + 1).join('.')
    }
  }
  return problems
}

/** Read once per check: parsing the schema's struct types for every query block costs more than the rule. */
const columnsBySettings = new WeakMap<RuleContext['settings'], FieldTree>()

/** Columns of the checked table with their struct fields, partition keys included. */
function tableColumns(context: RuleContext): FieldTree {
  let columns = columnsBySettings.get(context.settings)
  if (!columns) {
    columns = readTableColumns(context)
    columnsBySettings.set(context.settings, columns)
  }
  return columns
}

function readTableColumns(context: RuleContext): FieldTree {
  const given = context.settings.columns
  if (given) return new Map(given.map(([name, type]) => [name.toLowerCase(), fieldsOf(type)]))
  const documented = documentedTable(context.settings.source ?? DEFAULT_SOURCE).columns
  const columns: FieldTree = new Map(documented.map(([name, type]) => [name, fieldsOf(type)]))
  const [account, region] = PARTITION_KEY_NAMES
  for (const key of [account, region, ...context.settings.partitionColumns]) columns.set(key, null)
  return columns
}

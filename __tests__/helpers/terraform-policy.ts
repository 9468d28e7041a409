/**
 * Evaluates the `data "aws_iam_policy_document"` blocks, the resources and the outputs of a
 * Terraform module without Terraform: `@cdktf/hcl2json` turns the HCL into JSON (expressions stay
 * `${...}` strings) and parses each expression into an AST; this file evaluates the small part of the
 * language the module uses (references, templates, conditionals, ==, !=, &&, ||, !, parentheses,
 * coalesce, concat, trim, `dynamic "statement"` blocks with a `for_each` list) and renders each
 * document the way the AWS provider does. Anything else throws, so the module cannot quietly outgrow
 * the test.
 */
import { getExpressionAst, parse } from '@cdktf/hcl2json'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

type Value = string | number | boolean | null | Value[]

interface Ast {
  type: string
  children: Ast[]
  meta?: {
    value?: string
    type?: string
    name?: string
    operator?: string
    fullAccessor?: string
  }
}

/** Values of references the module cannot compute itself: variables, data sources, resource attributes. */
export type Known = Record<string, Value>

export interface PolicyStatement {
  Sid?: string
  Effect: string
  Action?: string | string[]
  Resource?: string | string[]
  NotResource?: string | string[]
  Principal?: Record<string, string | string[]>
  Condition?: Record<string, Record<string, string | string[]>>
}

export interface PolicyDocument {
  Version: string
  Statement: PolicyStatement[]
}

interface HclStatement {
  sid?: string
  effect?: string
  actions?: unknown
  resources?: unknown
  not_resources?: unknown
  principals?: { type: string; identifiers: unknown }[]
  condition?: { test: unknown; variable: string; values: unknown }[]
}

interface HclPolicyDocument {
  statement?: HclStatement[]
  /** `dynamic "statement" { for_each = ...; content { ... } }`: one statement per element. */
  dynamic?: { statement?: { for_each: unknown; content: [HclStatement] }[] }
}

/** A block's attributes as hcl2json gives them: nested blocks are lists of objects. */
export type HclBlock = Record<string, unknown>

export interface TerraformModule {
  variables: Record<string, { default?: Value }>
  locals: Record<string, unknown>
  policyDocuments: Record<string, HclPolicyDocument>
  /** `resource "type" "name"` blocks by `type.name`. */
  resources: Record<string, HclBlock>
  outputs: Record<string, { value?: unknown }>
}

/** Reads every `.tf` file of a folder into one module. */
export async function readModule(folder: string): Promise<TerraformModule> {
  const module: TerraformModule = {
    variables: {},
    locals: {},
    policyDocuments: {},
    resources: {},
    outputs: {}
  }
  for (const name of (await readdir(folder)).filter((file) => file.endsWith('.tf')).sort()) {
    const json = (await parse(name, await readFile(join(folder, name), 'utf8'))) as {
      variable?: Record<string, { default?: Value }[]>
      locals?: Record<string, unknown>[]
      data?: { aws_iam_policy_document?: Record<string, HclPolicyDocument[]> }
      resource?: Record<string, Record<string, HclBlock[]>>
      output?: Record<string, { value?: unknown }[]>
    }
    for (const [key, [block]] of Object.entries(json.variable ?? {})) module.variables[key] = block ?? {}
    for (const block of json.locals ?? []) Object.assign(module.locals, block)
    for (const [key, [block]] of Object.entries(json.data?.aws_iam_policy_document ?? {})) {
      module.policyDocuments[key] = block ?? {}
    }
    for (const [type, blocks] of Object.entries(json.resource ?? {})) {
      for (const [key, [block]] of Object.entries(blocks)) module.resources[`${type}.${key}`] = block ?? {}
    }
    for (const [key, [block]] of Object.entries(json.output ?? {})) module.outputs[key] = block ?? {}
  }
  return module
}

export class Evaluator {
  private readonly localValues = new Map<string, Value>()

  constructor(
    private readonly module: TerraformModule,
    /** `var.x` overrides, and data/resource attributes by their full accessor. */
    private readonly known: Known
  ) {}

  /** A value as hcl2json gives it: JSON, with `${...}` strings for expressions. */
  async value(raw: unknown): Promise<Value> {
    if (Array.isArray(raw)) return Promise.all(raw.map((item) => this.value(item)))
    if (typeof raw !== 'string') {
      if (raw === null || ['number', 'boolean'].includes(typeof raw)) return raw as Value
      throw new Error(`unsupported HCL value ${JSON.stringify(raw)}`)
    }
    if (!raw.includes('${')) return raw
    const ast = await getExpressionAst('module.tf', `"${raw}"`)
    if (!ast) throw new Error(`cannot parse ${raw}`)
    return this.evaluate(ast as unknown as Ast)
  }

  private async evaluate(node: Ast): Promise<Value> {
    const meta = node.meta ?? {}
    switch (node.type) {
      case 'literalValue':
        if (meta.type === 'string') return meta.value ?? ''
        if (meta.type === 'bool') return meta.value === 'true'
        if (meta.type === 'number') return Number(meta.value)
        if (meta.value === 'null') return null
        break
      // A template of one expression, and parentheses (hcl2json names their node type '').
      case 'templateWrap':
      case '':
        return this.evaluate(only(node))
      case 'template': {
        const parts = await Promise.all(node.children.map((child) => this.evaluate(child)))
        if (parts.some((part) => typeof part !== 'string')) throw new Error(`non-string in ${meta.value}`)
        return parts.join('')
      }
      case 'tuple':
        return Promise.all(node.children.map((child) => this.evaluate(child)))
      case 'scopeTraversal':
        return this.reference(meta.fullAccessor ?? '')
      case 'conditional': {
        const [condition, whenTrue, whenFalse] = node.children as [Ast, Ast, Ast]
        return (await this.evaluate(condition)) === true ? this.evaluate(whenTrue) : this.evaluate(whenFalse)
      }
      case 'binaryOp': {
        // Terraform evaluates both sides of && and || too.
        const [left, right] = await Promise.all(node.children.map((child) => this.evaluate(child)))
        if (meta.operator === 'equal') return JSON.stringify(left) === JSON.stringify(right)
        if (meta.operator === 'notEqual') return JSON.stringify(left) !== JSON.stringify(right)
        if (meta.operator === 'logicalAnd') return bool(left ?? null) && bool(right ?? null)
        if (meta.operator === 'logicalOr') return bool(left ?? null) || bool(right ?? null)
        break
      }
      case 'unaryOp':
        if (meta.operator === 'logicalNot') return !bool(await this.evaluate(only(node)))
        break
      case 'function':
        return this.call(meta.name ?? '', node.children)
    }
    throw new Error(`unsupported expression ${node.type} ${meta.value ?? ''}`)
  }

  private async call(name: string, args: Ast[]): Promise<Value> {
    if (name === 'coalesce') {
      // Lazy, as far as the result goes: a later argument is only needed when the earlier ones are empty.
      for (const arg of args) {
        const value = await this.evaluate(arg)
        if (value !== null && value !== '') return value
      }
      throw new Error('coalesce: no non-null, non-empty argument')
    }
    const values = await Promise.all(args.map((arg) => this.evaluate(arg)))
    if (name === 'concat') return values.flatMap((value) => (Array.isArray(value) ? value : [value]))
    if (name === 'formatlist') {
      // The one form the module uses: a format with one %s, over a list.
      const [format, list] = values as [string, string[]]
      return list.map((item) => format.replace('%s', item))
    }
    if (name === 'trim') {
      const [text, cut] = values as [string, string]
      let [from, to] = [0, text.length]
      while (from < to && cut.includes(text[from] ?? '')) from += 1
      while (to > from && cut.includes(text[to - 1] ?? '')) to -= 1
      return text.slice(from, to)
    }
    throw new Error(`unsupported function ${name}`)
  }

  private async reference(accessor: string): Promise<Value> {
    const [scope, name] = accessor.split('.') as [string, string]
    if (scope === 'var') {
      if (accessor in this.known) return this.known[accessor] as Value
      const variable = this.module.variables[name]
      if (!variable) throw new Error(`undeclared variable ${name}`)
      if (!('default' in variable)) throw new Error(`variable ${name} has no default and no value`)
      return variable.default ?? null
    }
    if (scope === 'local') {
      if (!(name in this.module.locals)) throw new Error(`undeclared local ${name}`)
      if (!this.localValues.has(name)) this.localValues.set(name, await this.value(this.module.locals[name]))
      return this.localValues.get(name) as Value
    }
    if (accessor in this.known) return this.known[accessor] as Value
    // A policy document's rendering, as its `json` attribute.
    const document = /^data\.aws_iam_policy_document\.(\w+)\.json$/.exec(accessor)?.[1]
    if (document) return JSON.stringify(await this.policyDocument(document))
    throw new Error(`unknown reference ${accessor}`)
  }

  /**
   * A resource block (`aws_athena_workgroup.checks`) with its expressions evaluated, nested blocks
   * as lists; only `attributes` when given (the others may name what only Terraform knows).
   */
  async resource(address: string, attributes?: readonly string[]): Promise<Record<string, unknown>> {
    const block = this.module.resources[address]
    if (!block) throw new Error(`no resource ${address}`)
    if (!attributes) return this.block(block)
    const chosen: HclBlock = {}
    for (const attribute of attributes) {
      if (!(attribute in block)) throw new Error(`${address} has no ${attribute}`)
      chosen[attribute] = block[attribute]
    }
    return this.block(chosen)
  }

  /** The resource addresses of one type (`aws_iam_role.sync` ...). */
  resourcesOf(type: string): string[] {
    return Object.keys(this.module.resources).filter((address) => address.startsWith(`${type}.`))
  }

  /** An output's value. */
  async output(name: string): Promise<Value> {
    const output = this.module.outputs[name]
    if (!output || !('value' in output)) throw new Error(`no output ${name}`)
    return this.value(output.value)
  }

  private async block(block: HclBlock): Promise<Record<string, unknown>> {
    const evaluated: Record<string, unknown> = {}
    for (const [key, raw] of Object.entries(block)) {
      if (
        Array.isArray(raw) &&
        raw.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))
      ) {
        evaluated[key] = await Promise.all(raw.map((item) => this.block(item as HclBlock)))
      } else if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
        evaluated[key] = await this.block(raw as HclBlock)
      } else evaluated[key] = await this.value(raw)
    }
    return evaluated
  }

  /** A policy document as the AWS provider renders its `json` attribute. */
  async policyDocument(name: string): Promise<PolicyDocument> {
    const block = this.module.policyDocuments[name]
    if (!block) throw new Error(`no data "aws_iam_policy_document" "${name}"`)
    const statements: PolicyStatement[] = []
    for (const hcl of block.statement ?? []) statements.push(await this.statement(hcl))
    for (const dynamic of block.dynamic?.statement ?? []) {
      const each = await this.value(dynamic.for_each)
      if (!Array.isArray(each)) throw new Error(`for_each of a dynamic statement in ${name} is not a list`)
      for (let i = 0; i < each.length; i++) statements.push(await this.statement(dynamic.content[0]))
    }
    return { Version: '2012-10-17', Statement: statements }
  }

  private async statement(hcl: HclStatement): Promise<PolicyStatement> {
    const statement: PolicyStatement = { Effect: hcl.effect ?? 'Allow' }
    if (hcl.sid !== undefined) statement.Sid = (await this.value(hcl.sid)) as string
    if (hcl.actions !== undefined) statement.Action = await this.strings(hcl.actions)
    if (hcl.resources !== undefined) statement.Resource = await this.strings(hcl.resources)
    if (hcl.not_resources !== undefined) statement.NotResource = await this.strings(hcl.not_resources)
    for (const principal of hcl.principals ?? []) {
      statement.Principal ??= {}
      statement.Principal[principal.type] = await this.strings(principal.identifiers)
    }
    for (const condition of hcl.condition ?? []) {
      statement.Condition ??= {}
      const operator = await this.value(condition.test)
      if (typeof operator !== 'string')
        throw new Error(`condition test ${String(condition.test)} is not a string`)
      const test = (statement.Condition[operator] ??= {})
      test[condition.variable] = await this.strings(condition.values)
    }
    return statement
  }

  private async strings(raw: unknown): Promise<string[]> {
    const value = await this.value(raw)
    const list = Array.isArray(value) ? value : [value]
    if (!list.every((item) => typeof item === 'string')) throw new Error(`not a list of strings: ${raw}`)
    return list as string[]
  }
}

function bool(value: Value): boolean {
  if (typeof value !== 'boolean') throw new Error(`not a bool: ${JSON.stringify(value)}`)
  return value
}

function only(node: Ast): Ast {
  const [child] = node.children
  if (!child || node.children.length !== 1) throw new Error(`expected one child in ${node.type}`)
  return child
}

/**
 * IAM reads a one-element list as its element and does not care about the order of statements,
 * actions, resources, principals or condition values: the canonical form makes each of them a sorted
 * array (statements by Sid).
 */
export function canonicalStatement(statement: PolicyStatement): PolicyStatement {
  const list = (value: string | string[]): string[] => (Array.isArray(value) ? [...value] : [value]).sort()
  const each = <T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> =>
    Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value)]))
  const canonical: PolicyStatement = { ...statement }
  if (statement.Action !== undefined) canonical.Action = list(statement.Action)
  if (statement.Resource !== undefined) canonical.Resource = list(statement.Resource)
  if (statement.NotResource !== undefined) canonical.NotResource = list(statement.NotResource)
  if (statement.Principal) canonical.Principal = each(statement.Principal, list)
  if (statement.Condition) canonical.Condition = each(statement.Condition, (keys) => each(keys, list))
  return canonical
}

export function canonicalPolicy(document: PolicyDocument): PolicyDocument {
  const bySid = (a: PolicyStatement, b: PolicyStatement): number => (a.Sid ?? '').localeCompare(b.Sid ?? '')
  return { ...document, Statement: document.Statement.map(canonicalStatement).sort(bySid) }
}

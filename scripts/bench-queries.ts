/**
 * `npm run bench:queries`: runs `command: check-queries` of the bundle (`dist/index.js`, rebuilt by
 * `npm run package`) on the hostile inputs of issue 14 and prints wall time and peak RSS of the
 * action process for each, checked against the targets: with the default limits every input
 * finishes under 10 s and 300 MB (a file over a limit gets a `limit` finding); with the limits
 * raised (to show the parser's own linearity) the peak RSS stays under 300 MB, and 20,000 small
 * files take at most about 20/3 the time of 3,000.
 * Options: --only NAME (a substring of the case names).
 */
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { runAction, type ActionRun } from '../stand-in/run-action.js'

const { values } = parseArgs({ options: { only: { type: 'string', default: '' } } })
const WALL_TARGET_S = 10
const RSS_TARGET_MB = 300
const RAISED = {
  'max-file-bytes': String(4 * 1024 * 1024),
  'max-statements-per-file': '100000',
  'file-time-budget-seconds': '600'
}

const FILTER = "year = '2026' AND month = '03'"
/** Ordinary CloudTrail queries, about 150 bytes each, varied so that no two are the same. */
function cloudTrailQuery(i: number): string {
  const day = String((i % 28) + 1).padStart(2, '0')
  const templates = [
    `SELECT eventname, useridentity.arn FROM cloudtrail WHERE ${FILTER} AND day = '${day}' AND eventsource = 's3.amazonaws.com' LIMIT ${i}`,
    `SELECT count(*) AS n, errorcode FROM cloudtrail WHERE ${FILTER} AND day = '${day}' AND errorcode IS NOT NULL GROUP BY errorcode`,
    `SELECT sourceipaddress, eventtime FROM cloudtrail WHERE ${FILTER} AND day BETWEEN '01' AND '${day}' AND eventname = 'ConsoleLogin'`,
    `SELECT r.arn FROM cloudtrail CROSS JOIN UNNEST(resources) AS t(r) WHERE ${FILTER} AND day = '${day}' AND readonly = 'false'`
  ]
  return templates[i % templates.length] as string
}

interface Case {
  name: string
  /** Relative path -> content. */
  files: () => Map<string, string | Buffer>
  inputs?: Record<string, string>
}

const one = (content: string | Buffer) => () => new Map([['queries/input.sql', content]])
const selects = (n: number) => 'SELECT 1;\n'.repeat(n)
const randomMb = randomBytes(1024 * 1024)
const queriesMb = (() => {
  const parts: string[] = []
  let bytes = 0
  for (let i = 0; bytes < 1024 * 1024; i += 1) {
    const query = `${cloudTrailQuery(i)};\n`
    parts.push(query)
    bytes += query.length
  }
  return parts.join('')
})()
const ors =
  'SELECT 1 FROM cloudtrail WHERE ' +
  Array.from({ length: 1500 }, (_, i) => `eventname = 'e${i}'`).join(' OR ')
const parentheses = 'SELECT ' + '('.repeat(5000) + '1' + ')'.repeat(5000)
const subqueries = 'SELECT * FROM ' + '(SELECT * FROM '.repeat(2000) + 'cloudtrail' + ') x'.repeat(2000)
const smallFiles = (n: number) => () =>
  new Map(
    Array.from({ length: n }, (_, i) => [
      `queries/q${String(i).padStart(5, '0')}.sql`,
      `${cloudTrailQuery(i)};\n`
    ])
  )

const CASES: Case[] = [
  { name: '8,000 x SELECT 1 (80 KB)', files: one(selects(8000)) },
  { name: '8,000 x SELECT 1, limits raised', files: one(selects(8000)), inputs: RAISED },
  { name: '16,000 x SELECT 1 (160 KB)', files: one(selects(16000)) },
  { name: '16,000 x SELECT 1, limits raised', files: one(selects(16000)), inputs: RAISED },
  { name: '1 MB of random bytes', files: one(randomMb) },
  { name: '1 MB of random bytes, limits raised', files: one(randomMb), inputs: RAISED },
  { name: `1 MB of CloudTrail queries (${queriesMb.split(';\n').length - 1})`, files: one(queriesMb) },
  { name: '1 MB of CloudTrail queries, limits raised', files: one(queriesMb), inputs: RAISED },
  { name: '1,500 OR terms', files: one(ors) },
  { name: '5,000 nested parentheses', files: one(parentheses) },
  { name: '2,000 nested subqueries', files: one(subqueries) },
  { name: '3,000 small files, max-files raised', files: smallFiles(3000), inputs: { 'max-files': '20000' } },
  {
    name: '20,000 small files, max-files raised',
    files: smallFiles(20000),
    inputs: { 'max-files': '20000' }
  },
  { name: '20,000 small files, default max-files', files: smallFiles(20000) }
]

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0)
const results: { name: string; run: ActionRun }[] = []
let failed = false
for (const testCase of CASES.filter((c) => c.name.includes(values.only ?? ''))) {
  const workspace = await mkdtemp(join(tmpdir(), 'ctp-bench-queries-'))
  try {
    for (const [path, content] of testCase.files()) {
      await mkdir(join(workspace, path, '..'), { recursive: true })
      await writeFile(join(workspace, path), content)
    }
    const run = await runAction({
      inputs: { command: 'check-queries', table: 'cloudtrail', ...testCase.inputs },
      workspace
    })
    results.push({ name: testCase.name, run })
    // Raised limits are for the linearity figures: only the memory target applies to them.
    const raised = testCase.inputs !== undefined
    const within =
      (raised || run.wallMs < WALL_TARGET_S * 1000) && run.peakRssBytes < RSS_TARGET_MB * 1024 * 1024
    // Every case ends in a report: a summary and the outcome line; never a crash.
    const reported =
      run.summary.includes('## Athena query check') && (run.exitCode === 0 || run.exitCode === 1)
    if (!within || !reported) failed = true
    console.log(
      `${within && reported ? 'ok  ' : 'MISS'} ${testCase.name.padEnd(44)} ${(run.wallMs / 1000).toFixed(1).padStart(6)} s ` +
        `${mb(run.peakRssBytes).padStart(5)} MB  exit ${run.exitCode}  ${run.outputs.summary ?? run.stderr.slice(0, 200)}`
    )
    const limits = [...run.stdout.matchAll(/::error title=limit[^:]*::([^\n]*)/g)].map((m) => m[1])
    for (const message of limits.slice(0, 2)) console.log(`       limit: ${message}`)
  } finally {
    await rm(workspace, { recursive: true, force: true })
  }
}

const small = results.find((r) => r.name.startsWith('3,000 small files'))
const large = results.find((r) => r.name === '20,000 small files, max-files raised')
if (small && large) {
  const ratio = large.run.wallMs / small.run.wallMs
  // Linear: about 20/3 (6.7) times as long, with the fixed start-up cost on top of the smaller one.
  const linear = ratio < (20 / 3) * 1.5
  if (!linear) failed = true
  console.log(
    `${linear ? 'ok  ' : 'MISS'} 20,000 files take ${ratio.toFixed(1)}x the time of 3,000 (linear: about 6.7x)`
  )
}
process.exit(failed ? 1 : 0)

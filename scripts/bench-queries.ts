/**
 * `npm run bench:queries`: runs `command: check-queries` of the bundle (`dist/index.js`, rebuilt by
 * `npm run package`) on the hostile inputs of issue 14 and prints wall time and peak RSS of the
 * action process for each, checked against the targets: with the default limits every input
 * finishes under 10 s and 300 MB (a file over a limit gets a `limit` finding); with the limits
 * raised (to show the parser's own linearity) the peak RSS stays under 300 MB, and 20,000 small
 * files take at most about 20/3 the time of 3,000.
 * Then, against the stand-in with AWS: 1,200 statements EXPLAINed by an Athena that takes 1-2 s per
 * query (wall time and calls, with the default EXPLAIN limits and with them raised), and the
 * partition estimate on a table of 1,012,500 partitions (one query over Athena's 1,000,000 per scan,
 * one of a single day).
 * Options: --only NAME (a substring of the case names), --skip-aws.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { runAction, type ActionRun } from '../stand-in/run-action.js'
import { startStandIn, type StandIn } from '../stand-in/index.js'
import { cloudTrailTableInput } from '../stand-in/cloudtrail-table.js'

const { values } = parseArgs({
  options: { only: { type: 'string', default: '' }, 'skip-aws': { type: 'boolean', default: false } }
})
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
/** Runs the check with AWS (ambient keys of the stand-in) on `files`; prints wall time and Athena/Glue calls. */
async function runWithAws(
  name: string,
  standIn: StandIn,
  files: Map<string, string>,
  inputs: Record<string, string>,
  check: (run: ActionRun) => boolean
): Promise<void> {
  if (!name.includes(values.only ?? '')) return
  const workspace = await mkdtemp(join(tmpdir(), 'ctp-bench-queries-'))
  try {
    for (const [path, content] of files) {
      await mkdir(join(workspace, path, '..'), { recursive: true })
      await writeFile(join(workspace, path), content)
    }
    standIn.server.calls.reset()
    const run = await runAction({
      inputs: {
        command: 'check-queries',
        table: 'cloudtrail',
        database: 'security',
        workgroup: 'checks',
        'aws-region': 'eu-central-1',
        ...inputs
      },
      env: standIn.env(),
      workspace
    })
    const calls = (op: string): number => standIn.server.calls.get(op)
    const ok = check(run) && run.summary.includes('## Athena query check')
    if (!ok) failed = true
    console.log(
      `${ok ? 'ok  ' : 'MISS'} ${name.padEnd(44)} ${(run.wallMs / 1000).toFixed(1).padStart(6)} s ` +
        `${mb(run.peakRssBytes).padStart(5)} MB  exit ${run.exitCode}  ` +
        `StartQueryExecution ${calls('Athena.StartQueryExecution')}, GetQueryExecution ${calls('Athena.GetQueryExecution')}, ` +
        `StopQueryExecution ${calls('Athena.StopQueryExecution')}, GetPartitions ${calls('Glue.GetPartitions')}`
    )
    for (const line of run.stdout
      .split('\n')
      .filter((l) => /EXPLAIN request|estimated in|::error title=(limit|partition)/.test(l))
      .slice(0, 4))
      console.log(`       ${line.slice(0, 240)}`)
  } finally {
    await rm(workspace, { recursive: true, force: true })
  }
}

if (!values['skip-aws']) {
  const standIn = await startStandIn()
  try {
    standIn.s3.createBucket('query-results')
    standIn.athena.addWorkGroup('checks', { outputLocation: 's3://query-results/checks/' })
    standIn.glue.createTableDirect(
      'security',
      cloudTrailTableInput({ name: 'cloudtrail', location: 's3://org-cloudtrail-logs/AWSLogs/o-aaaaaaaaaa/' })
    )
    // EXPLAIN: 1,200 distinct statements, Athena taking 1-2 s for each.
    standIn.athena.queryRunTimeMs = { min: 1000, max: 2000 }
    // Distinct statements (a repeated one is asked once), in one file read through.
    const distinct = (i: number): string =>
      `${cloudTrailQuery(i).replace('WHERE ', `WHERE eventid <> 'e${i}' AND `)};\n`
    const explainFiles = new Map([
      ['queries/many.sql', Array.from({ length: 1200 }, (_, i) => distinct(i)).join('')]
    ])
    const many = {
      'max-statements-per-file': '2000',
      'file-time-budget-seconds': '120',
      'rule-severity': 'partition-count=off, partition-limit=off'
    }
    await runWithAws('1,200 statements, EXPLAIN 1-2 s, defaults', standIn, explainFiles, many, (run) =>
      /::error title=limit[^\n]*'max-explains'/.test(run.stdout)
    )
    await runWithAws(
      '1,200 statements, EXPLAIN 1-2 s, 1,200 x 16',
      standIn,
      explainFiles,
      { ...many, 'max-explains': '1200', 'explain-concurrency': '16', 'explain-time-budget-seconds': '600' },
      (run) => !/::error title=limit/.test(run.stdout)
    )
    standIn.athena.queryRunTimeMs = undefined

    // The estimate: 2,250 account-region series x 450 days from 2025-01-01, 1,012,500 partitions.
    if ('partition estimate on 1,012,500 partitions'.includes(values.only ?? '')) {
      const seeded = performance.now()
      let batch: object[] = []
      for (let series = 0; series < 2250; series++) {
        const account = String(100_000_000_000 + (series >> 1))
        const region = series % 2 ? 'eu-west-1' : 'us-east-1'
        for (let d = 0; d < 450; d++) {
          const day = new Date(Date.UTC(2025, 0, 1) + d * 86_400_000)
          const [y, m, dd] = [
            String(day.getUTCFullYear()),
            String(day.getUTCMonth() + 1).padStart(2, '0'),
            String(day.getUTCDate()).padStart(2, '0')
          ]
          const location = `s3://org-cloudtrail-logs/AWSLogs/o-aaaaaaaaaa/${account}/CloudTrail/${region}/${y}/${m}/${dd}/`
          batch.push({ Values: [account, region, y, m, dd], StorageDescriptor: { Location: location } })
        }
        if (batch.length >= 10_000) {
          standIn.glue.addPartitionsDirect('security', 'cloudtrail', batch)
          batch = []
        }
      }
      standIn.glue.addPartitionsDirect('security', 'cloudtrail', batch)
      console.log(
        `     seeded ${standIn.glue.partitionCount('security', 'cloudtrail').toLocaleString('en-US')} partitions in ` +
          `${((performance.now() - seeded) / 1000).toFixed(1)} s; stand-in heap ${mb(process.memoryUsage().heapUsed)} MB`
      )
      const estimateFiles = new Map([
        [
          'queries/wide.sql',
          "SELECT eventname FROM cloudtrail WHERE year >= '2025' AND eventname = 'ConsoleLogin'\n"
        ],
        [
          'queries/day.sql',
          "SELECT eventname FROM cloudtrail WHERE year = '2025' AND month = '03' AND day = '01'\n"
        ]
      ])
      await runWithAws(
        'partition estimate on 1,012,500 partitions',
        standIn,
        estimateFiles,
        { 'rule-severity': 'athena-explain=off, partition-filter=off' },
        (run) =>
          /::error title=partition-limit,file=queries\/wide.sql/.test(run.stdout) &&
          run.summary.includes('reads about 2,250 partitions')
      )
    }
  } finally {
    await standIn.close()
  }
}
process.exit(failed ? 1 : 0)

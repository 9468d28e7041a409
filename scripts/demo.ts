/**
 * `npm run demo`: the action's main job without AWS. Starts the stand-in, writes a synthetic
 * organization bucket (12 accounts, 4 allowed regions plus one outside the allow-list, 120 days,
 * digest folders), creates the CloudTrail table as AWS documents it, then runs the bundled action
 * (dist/index.js) as GitHub would, through OIDC: a first sync, a second one (nothing to do), and
 * one a day later (one day added, one expired). AWS Config's logs sit beside the trail, in the
 * account folders AWS Config writes (as in a Control Tower Log Archive bucket): a sync of source
 * Config creates their table and partitions, and the trail's sync is not confused by them.
 * Prints each job summary. Then the command line
 * (dist/cli/index.js) over the same stand-in: a dry run as a terminal shows it, and the SQL check
 * as a linter.
 */
import { spawn } from 'node:child_process'
import { cloudTrailTableInput } from '../stand-in/cloudtrail-table.js'
import { startStandIn } from '../stand-in/index.js'
import { runAction, type ActionRun } from '../stand-in/run-action.js'
import { buildSyntheticBucket } from '../stand-in/synthetic-bucket.js'
import { buildLogBucket } from '../stand-in/synthetic-logs.js'

const ORG = 'o-demo0example1'
const BUCKET = 'org-cloudtrail-logs'
const ALLOWED = ['eu-central-1', 'eu-west-1', 'us-east-1', 'us-west-2']
const DAY_MS = 86_400_000
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

const today = Math.floor(Date.now() / DAY_MS) * DAY_MS
const accounts = Array.from({ length: 12 }, (_, i) => String(100000000000 + i * 1111111))

const standIn = await startStandIn()
try {
  standIn.s3.createBucket(BUCKET)
  const bucket = buildSyntheticBucket(standIn.s3, {
    bucket: BUCKET,
    layout: 'organization',
    organizationId: ORG,
    accounts,
    regions: [...ALLOWED, 'ap-south-1'],
    from: iso(today - 119 * DAY_MS),
    to: iso(today),
    filesPerDay: 1,
    recordsPerFile: 2,
    // A newer account without us-west-2, as real organizations have.
    hasRegion: (account, region) => !(account === accounts[11] && region === 'us-west-2')
  })
  // AWS Config's folders of the same accounts beside the organization trail's (AWSLogs/<account>/Config/).
  const config = buildLogBucket(standIn.s3, {
    bucket: BUCKET,
    source: 'Config',
    accounts,
    regions: ALLOWED,
    from: iso(today - 119 * DAY_MS),
    to: iso(today)
  })
  standIn.glue.createTableDirect(
    'security',
    cloudTrailTableInput({ name: 'cloudtrail', location: `s3://${BUCKET}/AWSLogs/${ORG}/` })
  )
  console.log(
    `stand-in at ${standIn.endpoint}: s3://${BUCKET} holds ${bucket.objects} objects ` +
      `(${bucket.logFiles} log files, ${bucket.digestFiles} digests, ${config.objects} AWS Config files) ` +
      `for ${accounts.length} accounts\n`
  )

  const inputs = {
    'role-to-assume': 'arn:aws:iam::123456789012:role/cloudtrail-partitions',
    'aws-region': 'eu-central-1',
    bucket: BUCKET,
    database: 'security',
    table: 'cloudtrail',
    regions: ALLOWED.join(', '),
    'retention-days': '90',
    'future-days': '2',
    // The first run adds the partition index and turns partition filtering on; later runs keep them.
    'partition-index': 'true'
  }
  const show = (title: string, run: ActionRun): void => {
    console.log(`\n=== ${title}: exit ${run.exitCode}, ${(run.wallMs / 1000).toFixed(1)} s ===\n`)
    if (run.exitCode !== 0) console.log(run.stdout, run.stderr)
    console.log(run.summary)
    console.log(`outputs: ${JSON.stringify({ ...run.outputs, 'plan-file': '(in RUNNER_TEMP)' })}`)
  }

  show(`First sync, as of ${iso(today)}`, await runAction({ inputs, env: standIn.env() }))
  show('Second sync, same day: nothing to do', await runAction({ inputs, env: standIn.env() }))
  const tomorrow = iso(today + DAY_MS)
  show(
    `A day later, as of ${tomorrow}: one day added, one expired`,
    await runAction({ inputs: { ...inputs, 'as-of': tomorrow }, env: standIn.env() })
  )
  show(
    `AWS Config beside the trail (source: Config): its table created, its unpadded day folders (2026/3/7) as partitions`,
    await runAction({
      inputs: { ...inputs, 'as-of': tomorrow, source: 'Config', table: 'config', 'create-table': 'true' },
      env: standIn.env()
    })
  )
  console.log(
    `\nGlue now holds ${standIn.glue.partitionCount('security', 'cloudtrail')} CloudTrail partitions and ` +
      `${standIn.glue.partitionCount('security', 'config')} AWS Config partitions.`
  )

  // The command line: the same core from a shell, credentials from the environment (the stand-in's keys).
  // Its dry run looks at the same day as the last sync (an as-of after tomorrow is refused by a guard).
  const cli = (args: string[]): Promise<number> => {
    console.log(`\n=== $ cloudtrail-partitions ${args.join(' ')} ===\n`)
    const child = spawn(process.execPath, ['dist/cli/index.js', ...args], {
      env: { ...process.env, ...standIn.env(), NODE_NO_WARNINGS: '1' },
      stdio: ['ignore', 'inherit', 'inherit']
    })
    return new Promise((resolve) => child.on('close', (code) => resolve(code ?? -1)))
  }
  const syncArgs = ['sync', '--bucket', BUCKET, '--database', 'security', '--table', 'cloudtrail']
  const regions = ['--regions', ALLOWED.join(','), '--retention-days', '90', '--future-days', '2']
  console.log(`exit ${await cli([...syncArgs, ...regions, '--as-of', tomorrow, '--dry-run'])}`)
  console.log(`exit ${await cli(['check-queries', '__fixtures__/queries/*.sql', '--table', 'cloudtrail'])}`)
} finally {
  await standIn.close()
}

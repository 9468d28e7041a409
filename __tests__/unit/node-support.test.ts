/**
 * Node 22 or later (package.json engines). The AWS SDK in the command line's bundle warns on older
 * Node (`NodeVersionSupportWarning`: its versions after the first week of January 2027 require 22).
 * A dry-run sync of the bundle (dist/cli/index.js, as `npm run package` builds it) against the
 * stand-in, with Node's warnings shown: on the Node running the tests the warning appears exactly
 * when that Node is older than 22, so under .ci/run and GitHub's CI (22 and 24) the run is clean,
 * and on an old Node the same test shows the check sees the warning.
 */
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import semver from 'semver'
import { startStandIn, type StandIn } from '../../stand-in/index.js'
import { cloudTrailTable, organizationBucket } from '../helpers/worlds.js'

const BUCKET = 'org-cloudtrail-logs'
const ORG = 'o-nodetest0001'

let standIn: StandIn
beforeAll(async () => {
  standIn = await startStandIn()
  const { location } = organizationBucket(standIn, {
    bucket: BUCKET,
    organizationId: ORG,
    accounts: ['111111111111'],
    regions: ['eu-west-1'],
    from: '2026-03-01',
    to: '2026-03-10'
  })
  cloudTrailTable(standIn, location)
})
afterAll(async () => standIn?.close())

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { ACTIONS_ID_TOKEN_REQUEST_URL: _url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: _token, ...aws } = standIn.env()
  // No NODE_NO_WARNINGS (npm test sets it): Node prints every process warning to stderr.
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: tmpdir(),
    AWS_CONFIG_FILE: join(tmpdir(), 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(tmpdir(), 'no-credentials'),
    ...aws
  }
  const child = spawn(process.execPath, ['dist/cli/index.js', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })))
}

describe('the supported Node', () => {
  it('is what package.json requires: 22 or later', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { engines: { node: string } }
    expect(pkg.engines.node).toBe('>=22')
    expect(semver.satisfies('22.0.0', pkg.engines.node)).toBe(true)
    expect(semver.satisfies('20.19.0', pkg.engines.node)).toBe(false)
  })

  it(`runs the command line without the AWS SDK's warning exactly from Node 22 on (here ${process.version})`, async () => {
    const result = await run([
      'sync',
      '--bucket',
      BUCKET,
      '--database',
      'security',
      '--table',
      'cloudtrail',
      '--regions',
      'eu-west-1',
      '--as-of',
      '2026-03-10',
      '--dry-run'
    ])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('111111111111')
    const supported = semver.satisfies(process.versions.node, '>=22')
    expect(result.stderr.includes('NodeVersionSupportWarning')).toBe(!supported)
  })
})

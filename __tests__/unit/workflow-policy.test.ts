/**
 * The supply-chain habits of the workflows (scripts/workflow-policy.ts): the repository's own
 * workflows and examples keep them, and each rule catches the mistake it is there for.
 */
import { readFile } from 'node:fs/promises'
import { parse } from 'yaml'
import { checkRepository, checkWorkflow, inconsistentPins } from '../../scripts/workflow-policy.js'
import { workflowFiles } from '../../scripts/lint-workflows.js'

const SHA = '08c6903cd8c0fde910a37f88322edcfb5dd907a8'
const OTHER_SHA = 'de0fac2e4500dabe0009e67214ff5f5447ce83dd'

/** A workflow with one job whose steps are the given lines (indented as steps). */
function workflow(steps: string[], options: { permissions?: boolean; on?: string } = {}): string {
  return [
    `on: ${options.on ?? 'push'}`,
    ...(options.permissions === false ? [] : ['permissions:', '  contents: read']),
    'jobs:',
    '  a:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    ...steps.map((line) => `      ${line}`)
  ].join('\n')
}

const rules = (text: string): string[] =>
  checkWorkflow('w.yml', text).findings.map((f) => `${f.line} ${f.rule}`)

describe('the repository’s workflows', () => {
  it('pin every action by commit, keep no checkout token and declare their permissions', async () => {
    expect(await checkRepository()).toEqual([])
  })

  it('include the release, CodeQL and the examples users copy', async () => {
    expect(await workflowFiles()).toEqual(
      expect.arrayContaining([
        '.github/workflows/release.yml',
        '.github/workflows/codeql.yml',
        'examples/workflows/publish-queries.yml'
      ])
    )
  })

  it('pin the same commit of an action in the project’s workflows and in the examples', async () => {
    const checkoutPins = new Set<string>()
    for (const file of await workflowFiles()) {
      for (const match of (await readFile(file, 'utf8')).matchAll(/uses: actions\/checkout@(\S+) # (\S+)/g)) {
        checkoutPins.add(`${match[1]} ${match[2]}`)
      }
    }
    expect([...checkoutPins]).toEqual([`${SHA} v5.0.0`])
  })

  it('run the tests on every supported Node major in CI', async () => {
    const ci = parse(await readFile('.github/workflows/ci.yml', 'utf8')) as {
      jobs: Record<string, { strategy?: { matrix?: { node?: number[] } }; steps: { run?: string }[] }>
    }
    const testJob = Object.values(ci.jobs).find((job) => job.steps.some((step) => step.run === 'npm test'))
    expect(testJob?.strategy?.matrix?.node).toEqual([22, 24])
    const engines = (JSON.parse(await readFile('package.json', 'utf8')) as { engines: { node: string } })
      .engines
    expect(engines.node).toBe('>=22')
  })
})

describe('pins', () => {
  it('accepts a full SHA with its version and the repository’s own ./ action', () => {
    expect(rules(workflow([`- uses: actions/setup-node@${SHA} # v5.0.0`, '- uses: ./']))).toEqual([])
  })

  it('refuses a tag, a branch, a short SHA and a SHA without its version', () => {
    const text = workflow([
      '- uses: actions/setup-node@v5',
      '- uses: someone/action@main',
      `- uses: someone/action@${SHA.slice(0, 12)} # v1.0.0`,
      `- uses: someone/other@${SHA}`,
      `- uses: someone/third@${SHA} # latest`
    ])
    expect(rules(text)).toEqual([
      '8 unpinned-action',
      '9 unpinned-action',
      '10 unpinned-action',
      '11 unpinned-action',
      '12 unpinned-action'
    ])
  })

  it('checks reusable workflows and Docker actions too', () => {
    const text = [
      'on: push',
      'permissions: {}',
      'jobs:',
      '  call:',
      '    uses: org/repo/.github/workflows/w.yml@v1',
      '  image:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: docker://alpine:3',
      `      - uses: docker://alpine@sha256:${'a'.repeat(64)}`
    ].join('\n')
    expect(rules(text)).toEqual(['5 unpinned-action', '9 unpinned-action'])
  })

  it('lets the examples name this action by its placeholder only with a CHANGE comment', () => {
    expect(rules(workflow(['- uses: OWNER/cloudtrail-partitions@v1 # CHANGE: OWNER; @v1 or a SHA']))).toEqual(
      []
    )
    expect(rules(workflow(['- uses: OWNER/cloudtrail-partitions@v1']))).toEqual(['8 unpinned-action'])
    expect(rules(workflow(['- uses: someone/cloudtrail-partitions@v1 # CHANGE']))).toEqual([
      '8 unpinned-action'
    ])
  })

  it('finds one action pinned to two commits or one commit under two versions', () => {
    const pin = (file: string, ref: string, version: string) => ({
      file,
      line: 3,
      action: 'actions/checkout',
      ref,
      version
    })
    expect(inconsistentPins([pin('a.yml', SHA, 'v5.0.0'), pin('b.yml', SHA, 'v5.0.0')])).toEqual([])
    expect(
      inconsistentPins([pin('a.yml', SHA, 'v5.0.0'), pin('b.yml', OTHER_SHA, 'v5.0.0')]).map((f) => f.file)
    ).toEqual(['b.yml'])
    expect(inconsistentPins([pin('a.yml', SHA, 'v5.0.0'), pin('b.yml', SHA, 'v5.0.1')])).toHaveLength(1)
  })
})

describe('checkout credentials', () => {
  const checkout = `- uses: actions/checkout@${SHA} # v5.0.0`

  it('refuses a checkout that keeps its token', () => {
    expect(rules(workflow([checkout]))).toEqual(['8 persisted-credentials'])
    expect(rules(workflow([checkout, '  with:', '    persist-credentials: true']))).toEqual([
      '8 persisted-credentials'
    ])
    expect(rules(workflow([checkout, '  with:', '    fetch-depth: 0']))).toEqual(['8 persisted-credentials'])
  })

  it('accepts persist-credentials: false, or a step that says why it pushes', () => {
    expect(rules(workflow([checkout, '  with:', '    persist-credentials: false']))).toEqual([])
    expect(rules(workflow(['# pushes: the generated docs', checkout]))).toEqual([])
    expect(rules(workflow(['- run: echo', '# pushes: the release commit', checkout]))).toEqual([])
  })

  it('does not take a marker of another step, or an empty one', () => {
    expect(rules(workflow(['# pushes: the docs', '- run: echo', checkout]))).toEqual([
      '10 persisted-credentials'
    ])
    expect(rules(workflow(['# pushes:', checkout]))).toEqual(['9 persisted-credentials'])
  })
})

describe('permissions and triggers', () => {
  it('wants permissions at the top or on every job', () => {
    const jobs = (first: string[], second: string[]) =>
      ['on: push', 'jobs:', '  a:', ...first, '    runs-on: x', '  b:', ...second, '    runs-on: x'].join(
        '\n'
      )
    const perms = ['    permissions:', '      contents: read']
    expect(rules(jobs(perms, perms))).toEqual([])
    expect(rules(jobs(perms, []))).toEqual(['7 no-permissions'])
    expect(rules(workflow(['- run: echo'], { permissions: false }))).toEqual(['3 no-permissions'])
  })

  it('refuses pull_request_target in any form', () => {
    for (const on of ['pull_request_target', '[push, pull_request_target]', '{ pull_request_target: {} }']) {
      expect(rules(workflow(['- run: echo'], { on }))).toEqual(['1 pull-request-target'])
    }
  })
})

describe('the release workflow', () => {
  interface Step {
    uses?: string
    run?: string
    with?: Record<string, string | number>
    if?: string
  }
  interface Job {
    permissions?: Record<string, string>
    needs?: string | string[]
    steps: Step[]
    strategy?: { matrix?: { node?: number[] } }
  }
  let release: { on: { push: { tags: string[] } }; permissions: unknown; jobs: Record<string, Job> }
  beforeAll(async () => {
    release = parse(await readFile('.github/workflows/release.yml', 'utf8')) as typeof release
  })
  const runs = (job: Job): string => job.steps.map((s) => s.run ?? '').join('\n')

  it('runs on version tags with no token by default and the least each job needs', () => {
    expect(release.on.push.tags).toEqual(['v*.*.*'])
    expect(release.permissions).toEqual({})
    expect(release.jobs.test!.permissions).toEqual({ contents: 'read' })
    const nodeOf = (job: Job) =>
      (job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with ?? {})['node-version']
    expect([nodeOf(release.jobs.test!), nodeOf(release.jobs.build!)]).toEqual([22, 24])
    // The job that runs the dependencies' code can neither sign nor publish.
    expect(release.jobs.build!.permissions).toEqual({ contents: 'read' })
    expect(runs(release.jobs.build!)).toContain('npm ci')
    expect(release.jobs.attest!.permissions).toEqual({ 'id-token': 'write', attestations: 'write' })
    expect(runs(release.jobs.attest!)).not.toMatch(/npm|node/)
    expect(release.jobs['github-release']!.permissions).toEqual({ contents: 'write' })
    expect(release.jobs.npm!.permissions).toEqual({ 'id-token': 'write' })
  })

  it('publishes nothing before the tests, the checks and the dist/ comparison pass', () => {
    expect(release.jobs.attest!.needs).toBe('build')
    expect(release.jobs['github-release']!.needs).toEqual(['test', 'build', 'attest'])
    expect(release.jobs.npm!.needs).toEqual(expect.arrayContaining(['build', 'attest', 'github-release']))
    // The build job runs CI's own script, which compares dist/ with the source and runs the tests.
    const build = release.jobs.build!.steps.map((step) => step.run ?? '')
    expect(build).toEqual(expect.arrayContaining(['bash .ci/run']))
    expect(build.findIndex((run) => run.includes('check-tag'))).toBeLessThan(build.indexOf('bash .ci/run'))
    expect(build.indexOf('bash .ci/run')).toBeLessThan(build.findIndex((run) => run.includes('npm pack')))
    expect(runs(release.jobs.test!)).toContain('npm test')
  })

  it('attests every file of dist/ (the bundles load chunks) and the npm tarball, and verifies them', () => {
    const attest = release.jobs.attest!.steps.find((s) =>
      s.uses?.startsWith('actions/attest-build-provenance@')
    )
    expect(attest?.with).toEqual({ 'subject-checksums': 'assets/checksums.txt' })
    const pack = runs(release.jobs.build!)
    expect(pack).toContain('git ls-files -z dist | xargs -0 sha256sum')
    expect(pack).toContain('(cd "$ASSETS" && sha256sum "$tarball")')
    expect(pack).toMatch(/cp dist\/index\.js .*dist-index\.js/)
    expect(pack).toMatch(/cp dist\/cli\/index\.js .*dist-cli-index\.js/)
    expect(runs(release.jobs.attest!)).toContain('gh attestation verify "$file" --repo "$GITHUB_REPOSITORY"')
  })

  it('creates the GitHub release as a draft, attaches the assets, then publishes it', () => {
    const script = runs(release.jobs['github-release']!)
    const create = script.indexOf('gh release create "$TAG" --draft')
    const upload = script.indexOf('gh release upload')
    const publish = script.indexOf('gh release edit "$TAG" --draft=false')
    expect(create).toBeGreaterThan(-1)
    expect(upload).toBeGreaterThan(create)
    expect(publish).toBeGreaterThan(upload)
    expect(script).toContain('--notes-file assets/notes.md')
  })

  it('moves the major tag as a plain ref, and publishes the attested tarball with provenance', () => {
    const script = runs(release.jobs['github-release']!)
    expect(script).toMatch(/git\/refs\/tags\/\$MAJOR_TAG" -f sha="\$COMMIT" -F force=true/)
    expect(script).not.toMatch(/git tag -a/)
    expect(runs(release.jobs.npm!)).toMatch(
      /npm publish "assets\/\$TARBALL" --provenance --access public --tag "\$NPM_TAG"/
    )
  })

  it('passes the tag to scripts through the environment, never into the script text', async () => {
    const text = await readFile('.github/workflows/release.yml', 'utf8')
    const runBlocks = release.jobs
      ? Object.values(release.jobs).flatMap((job) => job.steps.map((s) => s.run ?? ''))
      : []
    for (const block of runBlocks) expect(block).not.toContain('${{')
    expect(text).toContain('TAG: ${{ github.ref_name }}')
  })
})

describe('Dependabot', () => {
  it('updates npm packages and the pinned actions, minor and patch grouped', async () => {
    const config = parse(await readFile('.github/dependabot.yml', 'utf8')) as {
      version: number
      updates: {
        'package-ecosystem': string
        directory: string
        groups: Record<string, { 'update-types': string[] }>
      }[]
    }
    expect(config.version).toBe(2)
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm'])
    for (const update of config.updates) {
      expect(update.directory).toBe('/')
      expect(Object.values(update.groups).map((g) => g['update-types'])).toEqual([['minor', 'patch']])
    }
  })
})

/**
 * publishQueries against the Athena stand-in through the real AthenaClient: create, idempotent second
 * run, update, ownership-safe deletes (per owner, copies, unreadable queries, database changes), dry
 * run, oversized files, Athena's throttling, and the summary.
 */
import { AthenaClient, DeleteNamedQueryCommand } from '@aws-sdk/client-athena'
import { silentLogger } from '../../src/vocabulary/logger.js'
import { recordingLogger } from '../helpers/logger.js'
import { publishQueries, type PublishOptions } from '../../src/queries/publish.js'
import { renderPublishSummary } from '../../src/report/publish-summary.js'
import {
  nameFor,
  descriptionFor,
  headerComment,
  markerOf,
  parseMarker
} from '../../src/queries/publish-desired.js'
import { AthenaService, enforceDocumentedRateQuotas, type NamedQuery } from '../../stand-in/athena.js'
import { GlueService } from '../../stand-in/glue.js'
import { StandInServer } from '../../stand-in/server.js'
import { serving } from '../helpers/worlds.js'

const glue = new GlueService()
const athena = new AthenaService(glue)
const served = serving(new StandInServer().register(athena).register(glue))
const server = served.server
let client: AthenaClient

const FILES = [
  {
    path: 'queries/top-talkers.sql',
    sql: '-- Who calls the most APIs\n-- per account\nSELECT useridentity.arn FROM cloudtrail\n'
  },
  { path: './queries/errors.sql', sql: 'SELECT errorcode FROM cloudtrail WHERE errorcode IS NOT NULL' },
  {
    path: 'queries/console-logins.sql',
    sql: "-- Console logins\nSELECT * FROM cloudtrail WHERE eventname = 'ConsoleLogin'"
  }
]

function options(overrides: Partial<PublishOptions> = {}): PublishOptions {
  return {
    files: FILES,
    workgroup: 'primary',
    database: 'security',
    owner: 'octo-org/ops',
    deleteMissing: false,
    dryRun: false,
    callsPerSecond: 50,
    ...overrides
  }
}

const writes = (): number =>
  ['CreateNamedQuery', 'UpdateNamedQuery', 'DeleteNamedQuery'].reduce(
    (sum, op) => sum + server.calls.get(`Athena.${op}`),
    0
  )

beforeAll(() => {
  client = served.client(AthenaClient)
})

beforeEach(() => {
  athena.reset()
  server.knobs.reset()
  server.calls.reset()
})

describe('publishQueries', () => {
  it('creates one named query per file, with the header comment and an ownership marker', async () => {
    const result = await publishQueries(client, options(), silentLogger)
    expect(result).toEqual({
      created: ['queries/top-talkers.sql', 'queries/errors.sql', 'queries/console-logins.sql'],
      updated: [],
      deleted: [],
      unchanged: [],
      foreignKept: [],
      duplicates: [],
      failures: [],
      dryRun: false
    })
    expect(athena.namedQueries('primary')).toEqual([
      expect.objectContaining({
        Name: 'queries/top-talkers',
        Description:
          'Who calls the most APIs per account [cloudtrail-partitions:octo-org/ops:queries/top-talkers.sql]',
        Database: 'security',
        QueryString: FILES[0]?.sql,
        WorkGroup: 'primary'
      }),
      expect.objectContaining({
        Name: 'queries/errors',
        Description: '[cloudtrail-partitions:octo-org/ops:queries/errors.sql]'
      }),
      expect.objectContaining({ Name: 'queries/console-logins' })
    ])
  })

  it('makes no write call at all on a second run with the same files', async () => {
    await publishQueries(client, options(), silentLogger)
    server.calls.reset()
    const result = await publishQueries(client, options(), silentLogger)
    expect(writes()).toBe(0)
    expect(server.calls.get('Athena.ListNamedQueries')).toBe(1)
    expect(server.calls.get('Athena.BatchGetNamedQuery')).toBe(1)
    expect(result.unchanged).toHaveLength(3)
    expect([...result.created, ...result.updated, ...result.deleted]).toEqual([])
  })

  it('updates a changed file with one UpdateNamedQuery call', async () => {
    await publishQueries(client, options(), silentLogger)
    server.calls.reset()
    const files = FILES.map((file, i) => (i === 1 ? { ...file, sql: `${file.sql} LIMIT 10` } : file))
    const result = await publishQueries(client, options({ files }), silentLogger)
    expect(result.updated).toEqual(['queries/errors.sql'])
    expect(result.unchanged).toHaveLength(2)
    expect(server.calls.get('Athena.UpdateNamedQuery')).toBe(1)
    expect(writes()).toBe(1)
    expect(athena.namedQueries().find((q) => q.Name === 'queries/errors')?.QueryString).toMatch(/LIMIT 10$/)
  })

  it('with delete-missing deletes only the queries it created; a hand-made one survives', async () => {
    await publishQueries(client, options(), silentLogger)
    const handMade = athena.createNamedQueryDirect({
      Name: 'queries/old-report',
      Description: 'written by hand',
      Database: 'security',
      QueryString: 'SELECT 1'
    })
    const files = FILES.slice(0, 2)
    const kept = await publishQueries(client, options({ files }), silentLogger)
    expect(kept.deleted).toEqual([])
    expect(athena.namedQueries()).toHaveLength(4)

    const result = await publishQueries(client, options({ files, deleteMissing: true }), silentLogger)
    expect(result.deleted).toEqual(['queries/console-logins.sql'])
    expect(result.foreignKept).toEqual(['queries/old-report'])
    expect(athena.namedQueries().map((q) => q.NamedQueryId)).toContain(handMade)
    expect(athena.namedQueries().map((q) => q.Name)).toEqual([
      'queries/top-talkers',
      'queries/errors',
      'queries/old-report'
    ])
  })

  it('refuses more deletions than max-delete-queries before writing anything; a dry run reports it', async () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ path: `queries/q${i}.sql`, sql: `SELECT ${i}` }))
    await publishQueries(client, options({ files: many }), silentLogger)
    server.calls.reset()
    // A glob narrowed to one file: the other seven look gone. A new file is planned too.
    const narrowed = [many[0] as (typeof many)[number], { path: 'queries/new.sql', sql: 'SELECT 9' }]
    const dry = await publishQueries(
      client,
      options({ files: narrowed, deleteMissing: true, dryRun: true, maxDeletes: 5 }),
      silentLogger
    )
    expect(dry.failures).toEqual([])
    expect(dry.refusedDeletes?.paths).toHaveLength(7)
    expect(dry.refusedDeletes?.message).toContain("input 'max-delete-queries'")
    expect(renderPublishSummary(dry)).toContain('A real run would stop:')
    const real = await publishQueries(
      client,
      options({ files: narrowed, deleteMissing: true, maxDeletes: 5 }),
      silentLogger
    )
    expect(writes()).toBe(0)
    expect(real.created).toEqual([])
    expect(real.failures).toEqual([
      {
        path: '*',
        message: expect.stringMatching(/delete 7 named queries .*'max-delete-queries'.*wrote nothing/)
      }
    ])
    expect(athena.namedQueries()).toHaveLength(8)
    // Raised for one run, as the message says: done.
    const confirmed = await publishQueries(
      client,
      options({ files: narrowed, deleteMissing: true, maxDeletes: 7 }),
      silentLogger
    )
    expect(confirmed.deleted).toHaveLength(7)
    expect(confirmed.created).toEqual(['queries/new.sql'])
  })

  it('with delete-missing removes extra copies of its own query for one file', async () => {
    await publishQueries(client, options(), silentLogger)
    const { NamedQueryId: _id, ...copy } = athena
      .namedQueries()
      .find((q) => q.Name === 'queries/errors') as NamedQuery
    athena.createNamedQueryDirect(copy)
    const kept = await publishQueries(client, options(), silentLogger)
    expect(kept.deleted).toEqual([])
    expect(kept.duplicates).toEqual([expect.objectContaining({ path: 'queries/errors.sql' })])
    const result = await publishQueries(client, options({ deleteMissing: true }), silentLogger)
    expect(result.deleted).toEqual(['queries/errors.sql'])
    expect(result.duplicates).toEqual([])
    expect(result.unchanged).toHaveLength(3)
    expect(athena.namedQueries()).toHaveLength(3)
  })

  it('never takes over a hand-made query of the same name: that file is a failure', async () => {
    athena.createNamedQueryDirect({ Name: 'queries/errors', Database: 'security', QueryString: 'SELECT 0' })
    const result = await publishQueries(client, options(), silentLogger)
    expect(result.failures).toEqual([
      { path: 'queries/errors.sql', message: expect.stringContaining('did not create') }
    ])
    expect(athena.namedQueries().find((q) => q.Name === 'queries/errors')?.QueryString).toBe('SELECT 0')
  })

  it('recreates its own query when the database changed (Database cannot be updated)', async () => {
    await publishQueries(client, options(), silentLogger)
    const result = await publishQueries(client, options({ database: 'audit' }), silentLogger)
    expect(result.updated).toHaveLength(3)
    expect(athena.namedQueries().map((q) => q.Database)).toEqual(['audit', 'audit', 'audit'])
  })

  it('in a dry run plans and reports but writes nothing', async () => {
    await publishQueries(client, options({ files: FILES.slice(1) }), silentLogger)
    server.calls.reset()
    const files = [FILES[0], { ...FILES[1], sql: 'SELECT 2' }] as typeof FILES
    const result = await publishQueries(
      client,
      options({ files, deleteMissing: true, dryRun: true }),
      silentLogger
    )
    expect(writes()).toBe(0)
    expect(result).toMatchObject({
      created: ['queries/top-talkers.sql'],
      updated: ['queries/errors.sql'],
      deleted: ['queries/console-logins.sql'],
      dryRun: true
    })
    expect(renderPublishSummary(result)).toContain('dry run: nothing written')
  })

  it('reports a file over 262,144 bytes (multi-byte counted) as a failure and goes on', async () => {
    const big = { path: 'queries/big.sql', sql: `SELECT '${'é'.repeat(131_070)}'` } // 262,150 bytes
    const result = await publishQueries(client, options({ files: [big, ...FILES] }), silentLogger)
    expect(result.failures).toEqual([
      { path: 'queries/big.sql', message: expect.stringContaining('262144 bytes') }
    ])
    expect(result.created).toHaveLength(3)
  })

  it('still completes under the documented rate quotas plus a tight extra throttle', async () => {
    enforceDocumentedRateQuotas(server.knobs)
    server.knobs.setThrottle('Athena.CreateNamedQuery', { ratePerSecond: 4, burst: 1 })
    const files = Array.from({ length: 8 }, (_, i) => ({ path: `queries/q${i}.sql`, sql: `SELECT ${i}` }))
    // Without the SDK's own retries (their waits are not ours to shorten), its own carry it through.
    const once = served.client(AthenaClient, { maxAttempts: 1 })
    const logger = recordingLogger()
    try {
      const result = await publishQueries(
        once,
        options({ files, backoff: { attempts: 10, baseMs: 50, maxMs: 1000 } }),
        logger
      )
      expect(result.failures).toEqual([])
      expect(result.created).toHaveLength(8)
    } finally {
      once.destroy()
    }
    expect(athena.namedQueries()).toHaveLength(8)
    const throttled = server.calls.get('Athena.CreateNamedQuery', 'throttled')
    expect(throttled).toBeGreaterThan(0)
    // Each throttled call was retried, and each retry said so.
    expect(
      logger
        .at('debug')
        .filter((line) => /^retrying Athena\.CreateNamedQuery after ThrottlingException /.test(line))
    ).toHaveLength(throttled)
  })

  it('reads more than one page and batch, and retries ids left unprocessed', async () => {
    for (let i = 0; i < 70; i++) {
      athena.createNamedQueryDirect({ Name: `hand-${i}`, Database: 'security', QueryString: 'SELECT 1' })
    }
    athena.unprocessedIdsPerCall = 2
    const result = await publishQueries(client, options({ callsPerSecond: 100 }), silentLogger)
    expect(server.calls.get('Athena.ListNamedQueries')).toBe(2)
    expect(server.calls.get('Athena.BatchGetNamedQuery')).toBeGreaterThan(2)
    expect(result.foreignKept).toHaveLength(70)
    expect(result.created).toHaveLength(3)
  })

  it('paces its calls client-side (default 4 per second per operation)', async () => {
    const files = Array.from({ length: 5 }, (_, i) => ({ path: `queries/p${i}.sql`, sql: `SELECT ${i}` }))
    const started = performance.now()
    await publishQueries(client, { ...options({ files }), callsPerSecond: undefined }, silentLogger)
    // 5 creates at 4/s: the last starts no earlier than 1 s after the first.
    expect(performance.now() - started).toBeGreaterThanOrEqual(950)
  })
})

describe('publishQueries ownership', () => {
  const byName = (name: string): NamedQuery | undefined => athena.namedQueries().find((q) => q.Name === name)

  it('writes the owner into the marker; another owner never changes or deletes those queries', async () => {
    await publishQueries(client, options(), silentLogger)
    const before = athena.namedQueries()
    server.calls.reset()

    // Another repository publishes the same paths (one of them changed) into the same workgroup.
    const files = [FILES[0], { ...FILES[1], sql: 'SELECT 2' }] as typeof FILES
    const other = await publishQueries(
      client,
      options({ owner: 'octo-org/other', files, deleteMissing: true }),
      silentLogger
    )
    expect(writes()).toBe(0)
    expect(other.failures).toEqual([
      { path: 'queries/top-talkers.sql', message: expect.stringContaining('did not create') },
      { path: 'queries/errors.sql', message: expect.stringContaining('did not create') }
    ])
    expect(other.foreignKept).toHaveLength(3)
    expect(other.deleted).toEqual([])

    // With paths of its own and delete-missing, it creates its own and deletes none of ours.
    const own = [{ path: 'queries/theirs.sql', sql: 'SELECT 3' }]
    const theirs = await publishQueries(
      client,
      options({ owner: 'octo-org/other', files: own, deleteMissing: true }),
      silentLogger
    )
    expect(theirs).toMatchObject({ created: ['queries/theirs.sql'], deleted: [], failures: [] })
    expect(athena.namedQueries()).toEqual([...before, expect.objectContaining({ Name: 'queries/theirs' })])

    // And ours, with delete-missing, leaves theirs alone.
    const ours = await publishQueries(client, options({ deleteMissing: true }), silentLogger)
    expect(ours).toMatchObject({ unchanged: FILES.map(() => expect.any(String)), deleted: [] })
    expect(ours.foreignKept).toEqual(['queries/theirs'])
    expect(before[0]?.Description).toMatch(
      / \[cloudtrail-partitions:octo-org\/ops:queries\/top-talkers\.sql\]$/
    )
  })

  it('takes only the marker that closes the description; marker-like header text stays harmless', async () => {
    const files = [
      {
        path: 'queries/tricky.sql',
        sql: '-- see [cloudtrail-partitions:x] and [cloudtrail-partitions:a:b]\nSELECT 1'
      },
      { path: 'queries/odd:name]%3A[.sql', sql: 'SELECT 2' }
    ]
    const first = await publishQueries(client, options({ files }), silentLogger)
    expect(first.created).toEqual(['queries/tricky.sql', 'queries/odd:name]%3A[.sql'])
    server.calls.reset()
    const second = await publishQueries(client, options({ files, deleteMissing: true }), silentLogger)
    expect(writes()).toBe(0)
    expect(second.unchanged).toHaveLength(2)
    expect(athena.namedQueries()).toHaveLength(2)
    const tricky = byName('queries/tricky')?.Description as string
    expect(tricky.match(/\[cloudtrail-partitions:/g)).toHaveLength(1)
    expect(parseMarker(tricky)).toEqual({ owner: 'octo-org/ops', path: 'queries/tricky.sql' })
    expect(parseMarker(byName('queries/odd:name]%3A[')?.Description)).toEqual({
      owner: 'octo-org/ops',
      path: 'queries/odd:name]%3A[.sql'
    })
  })

  it('parses the last marker only, and only in the exact form it writes', () => {
    const marker = markerOf('octo-org/ops', 'queries/x.sql')
    expect(parseMarker(`[cloudtrail-partitions:x] ${marker}`)).toEqual({
      owner: 'octo-org/ops',
      path: 'queries/x.sql'
    })
    expect(parseMarker('[cloudtrail-partitions:queries/x.sql]')).toBeUndefined() // no owner
    expect(parseMarker(`${marker} edited by hand`)).toBeUndefined()
    expect(parseMarker('[cloudtrail-partitions:octo-org/ops:queries/%41.sql]')).toBeUndefined()
    expect(markerOf('o:1', 'a]b')).toBe('[cloudtrail-partitions:o%3A1:a%5Db]')
  })

  it('leaves a "save as" copy alone even with delete-missing, reports it, and keeps updating its own', async () => {
    await publishQueries(client, options(), silentLogger)
    const original = byName('queries/errors') as NamedQuery
    const copy = athena.createNamedQueryDirect({
      Name: 'my errors',
      Description: original.Description,
      Database: 'security',
      QueryString: 'SELECT errorcode, count(*) FROM cloudtrail GROUP BY 1'
    })
    server.calls.reset()
    const result = await publishQueries(client, options({ deleteMissing: true }), silentLogger)
    expect(writes()).toBe(0)
    expect(result.deleted).toEqual([])
    expect(result.unchanged).toHaveLength(3)
    expect(result.duplicates).toEqual([
      {
        path: 'queries/errors.sql',
        name: 'my errors',
        namedQueryId: copy,
        why: expect.stringContaining('a copy saved under another name')
      }
    ])

    const files = FILES.map((file, i) => (i === 1 ? { ...file, sql: `${file.sql} LIMIT 10` } : file))
    const changed = await publishQueries(client, options({ files, deleteMissing: true }), silentLogger)
    expect(changed.updated).toEqual(['queries/errors.sql'])
    expect(byName('queries/errors')).toMatchObject({
      NamedQueryId: original.NamedQueryId,
      QueryString: files[1]?.sql
    })
    expect(byName('my errors')?.QueryString).toMatch(/GROUP BY 1$/)

    // Its file gone: ours is deleted, the person's copy is not.
    const gone = await publishQueries(
      client,
      options({ files: [FILES[0], FILES[2]] as typeof FILES, deleteMissing: true }),
      silentLogger
    )
    expect(gone.deleted).toEqual(['queries/errors.sql'])
    expect(athena.namedQueries().map((q) => q.NamedQueryId)).toContain(copy)
    expect(byName('queries/errors')).toBeUndefined()
  })

  it('leaves a copy under another name alone when it is the only one carrying the marker', async () => {
    await publishQueries(client, options(), silentLogger)
    const original = byName('queries/errors') as NamedQuery
    const copy = athena.createNamedQueryDirect({
      Name: 'my errors',
      Description: original.Description,
      Database: 'security',
      QueryString: 'SELECT errorcode, count(*) FROM cloudtrail GROUP BY 1'
    })
    // Someone deletes the original in the console: the copy is the only one carrying the marker.
    await client.send(new DeleteNamedQueryCommand({ NamedQueryId: original.NamedQueryId }))

    // The file gone and delete-missing on: the copy is not taken for ours, so it is not deleted.
    server.calls.reset()
    const gone = await publishQueries(
      client,
      options({ files: [FILES[0], FILES[2]] as typeof FILES, deleteMissing: true }),
      silentLogger
    )
    expect(writes()).toBe(0)
    expect(gone.deleted).toEqual([])
    expect(gone.duplicates).toEqual([
      expect.objectContaining({ namedQueryId: copy, why: expect.stringContaining('named differently') })
    ])
    expect(renderPublishSummary(gone)).toMatch(
      /\| my errors \| `[^`]+` \| `queries\/errors\.sql` \| named differently/
    )

    // The file still there: the copy is neither renamed back nor given the file's SQL; a new one is made.
    const kept = await publishQueries(client, options({ deleteMissing: true }), silentLogger)
    expect(kept.created).toEqual(['queries/errors.sql'])
    expect(kept.updated).toEqual([])
    expect(athena.namedQueries().find((q) => q.NamedQueryId === copy)).toMatchObject({
      Name: 'my errors',
      QueryString: 'SELECT errorcode, count(*) FROM cloudtrail GROUP BY 1'
    })
    expect(byName('queries/errors')?.QueryString).toBe(FILES[1]?.sql)
  })

  it('changes none of several edited queries with its marker and name when it cannot tell which is its own', async () => {
    await publishQueries(client, options(), silentLogger)
    const { NamedQueryId: _id, ...original } = byName('queries/errors') as NamedQuery
    athena.createNamedQueryDirect({ ...original, QueryString: 'SELECT 42' })
    server.calls.reset()
    const files = FILES.map((file, i) => (i === 1 ? { ...file, sql: 'SELECT 7' } : file))
    const result = await publishQueries(client, options({ files, deleteMissing: true }), silentLogger)
    expect(writes()).toBe(0)
    expect(result.failures).toEqual([
      { path: 'queries/errors.sql', message: expect.stringContaining('cannot tell which one it created') }
    ])
    expect(result.duplicates).toHaveLength(2)
    expect(athena.namedQueries().map((q) => q.QueryString)).toEqual(
      expect.arrayContaining([FILES[1]?.sql, 'SELECT 42'])
    )
  })

  it('writes nothing when Athena leaves named queries of the workgroup unread', async () => {
    await publishQueries(client, options(), silentLogger)
    for (let i = 0; i < 12; i++) {
      athena.createNamedQueryDirect({ Name: `hand-${i}`, Database: 'security', QueryString: 'SELECT 1' })
    }
    // Each BatchGetNamedQuery answers one id only: after its rounds, the first ids (ours) stay unread.
    athena.unprocessedIdsPerCall = 1000
    server.calls.reset()
    const files = [FILES[0], { ...FILES[1], sql: 'SELECT 2' }] as typeof FILES
    const result = await publishQueries(client, options({ files, deleteMissing: true }), silentLogger)
    expect(writes()).toBe(0)
    expect(result).toMatchObject({ created: [], updated: [], deleted: [], unchanged: [] })
    expect(result.failures).toEqual([{ path: '*', message: expect.stringContaining('nothing was written') }])
    expect(athena.namedQueries()).toHaveLength(15)
  })

  it('on a database change creates the new query before deleting the old one', async () => {
    await publishQueries(client, options(), silentLogger)
    server.knobs.failNext('Athena.CreateNamedQuery', 1000)
    const result = await publishQueries(
      client,
      options({ database: 'audit', backoff: { attempts: 1, baseMs: 1, maxMs: 1 } }),
      silentLogger
    )
    expect(result.updated).toEqual([])
    expect(result.failures).toHaveLength(3)
    expect(server.calls.get('Athena.DeleteNamedQuery')).toBe(0)
    expect(athena.namedQueries().map((q) => q.Database)).toEqual(['security', 'security', 'security'])

    server.knobs.reset()
    const retried = await publishQueries(client, options({ database: 'audit' }), silentLogger)
    expect(retried.updated).toHaveLength(3)
    expect(athena.namedQueries().map((q) => q.Database)).toEqual(['audit', 'audit', 'audit'])
  })
})

describe('named query fields', () => {
  it('shortens a name over 128 characters to a unique 128-character one', () => {
    const long = `queries/${'a'.repeat(200)}.sql`
    const other = `queries/b${'a'.repeat(199)}.sql`
    expect(nameFor(long)).toHaveLength(128)
    expect(nameFor(long)).not.toBe(nameFor(other))
    expect(nameFor('queries/x.sql')).toBe('queries/x')
  })

  it('keeps the description within 1024 characters, marker included', () => {
    const sql = `-- ${'w'.repeat(2000)}\nSELECT 1`
    const description = descriptionFor('octo-org/ops', 'queries/x.sql', sql)
    expect(description).toHaveLength(1024)
    expect(description.endsWith(' [cloudtrail-partitions:octo-org/ops:queries/x.sql]')).toBe(true)
    expect(headerComment('\n-- one\n--two\n\nSELECT 1 -- not this')).toBe('one two')
  })

  it('renders a markdown summary with counts, paths and failures', () => {
    const summary = renderPublishSummary({
      created: ['queries/a.sql'],
      updated: [],
      deleted: ['queries/b.sql'],
      unchanged: ['queries/c.sql'],
      foreignKept: ['by hand'],
      duplicates: [{ path: 'queries/c.sql', name: 'my c', namedQueryId: 'id-1', why: 'an exact copy' }],
      failures: [{ path: 'queries/d.sql', message: 'too | big' }],
      dryRun: false
    })
    expect(summary).toContain('| create | 1 |')
    expect(summary).toContain('**Delete:** `queries/b.sql`')
    expect(summary).toContain('| `queries/d.sql` | too \\| big |')
    expect(summary).toContain('| my c | `id-1` | `queries/c.sql` | an exact copy |')
  })
})

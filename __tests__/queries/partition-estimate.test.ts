/**
 * The partition estimate: which conditions of a query's WHERE count (partition-scan.ts), Glue's
 * expression and the in-memory evaluation agreeing, and the counter against the Glue stand-in
 * through the real GlueClient (a small table read once, a large one counted per expression with an
 * early stop and a cache).
 */
import { GlueClient } from '@aws-sdk/client-glue'
import { checkSql } from '../../src/queries/check.js'
import { PartitionCounter } from '../../src/queries/partition-count.js'
import {
  glueExpression,
  matches,
  type PartitionKey,
  type ScanPredicate
} from '../../src/queries/partition-scan.js'
import { cloudTrailTableInput } from '../../stand-in/cloudtrail-table.js'
import { GlueService, glueErrors } from '../../stand-in/glue.js'
import { recordingLogger } from '../helpers/logger.js'
import { serving } from '../helpers/worlds.js'
import { StandInServer } from '../../stand-in/server.js'

const KEYS: PartitionKey[] = ['account', 'region', 'year', 'month', 'day'].map((name) => ({
  name,
  kind: 'string'
}))
const INT_KEYS: PartitionKey[] = KEYS.map((key) =>
  key.name === 'account' || key.name === 'region' ? key : { ...key, kind: 'integer' }
)

function scans(sql: string, keys = KEYS): ScanPredicate[] {
  const { statements } = checkSql(sql, {
    table: 'cloudtrail',
    partitionColumns: ['year', 'month', 'day'],
    dateKeyType: keys === KEYS ? 'string' : 'int',
    partitionKeys: keys
  })
  return statements.flatMap((statement) => statement.scans ?? [])
}

describe('the partition condition of each scan', () => {
  it('keeps the AND terms on partition keys with literals, in either order, and ORs of them', () => {
    const [scan, ...rest] = scans(
      "SELECT 1 FROM cloudtrail WHERE eventname = 'x' AND '2026' = year AND month BETWEEN '01' AND '03' " +
        "AND (day = '01' OR day IN ('10', '11')) AND region <> 'us-east-1'"
    )
    expect(rest).toEqual([])
    expect(scan).toMatchObject({ line: 1, column: 15, exact: true })
    expect(glueExpression(scan?.terms ?? [], KEYS)).toBe(
      "year = '2026' AND month BETWEEN '01' AND '03' AND ((day = '01') OR (day IN ('10', '11'))) AND region <> 'us-east-1'"
    )
  })

  it('reads one scan per block that reads the table (UNION branches, subqueries)', () => {
    const found = scans(
      "SELECT 1 FROM cloudtrail WHERE year = '2026' UNION ALL SELECT 1 FROM (SELECT * FROM cloudtrail WHERE year = '2025') t"
    )
    expect(found.map((scan) => glueExpression(scan.terms, KEYS))).toEqual(["year = '2026'", "year = '2025'"])
  })

  it('drops an OR with a branch on other columns only (it admits every partition), and stays exact', () => {
    const [scan] = scans("SELECT 1 FROM cloudtrail WHERE year = '2026' AND (month = '01' OR eventname = 'x')")
    expect(scan).toMatchObject({ exact: true })
    expect(glueExpression(scan?.terms ?? [], KEYS)).toBe("year = '2026'")
  })

  it('is an upper bound when a condition on a partition key cannot be counted', () => {
    const [fn] = scans("SELECT 1 FROM cloudtrail WHERE year = '2026' AND lpad(month, 2, '0') = '03'")
    expect(fn).toMatchObject({ exact: false })
    expect(glueExpression(fn?.terms ?? [], KEYS)).toBe("year = '2026'")
    // A number on a string key is the partition-literal rule's; here it is not counted.
    const [typed] = scans("SELECT 1 FROM cloudtrail WHERE year = 2026 AND month = '03'")
    expect(typed).toMatchObject({ exact: false })
  })

  it('writes integers bare and strings quoted, with quotes doubled', () => {
    const [scan] = scans("SELECT 1 FROM cloudtrail WHERE year >= 2025 AND region = 'it''s'", INT_KEYS)
    expect(glueExpression(scan?.terms ?? [], INT_KEYS)).toBe("year >= 2025 AND region = 'it''s'")
  })
})

describe('matches (the in-memory count) agrees with the stand-in Glue expression', () => {
  it('on comparisons, BETWEEN, IN and their negations, string and integer keys', () => {
    const values = [
      ['111111111111', 'us-east-1', '2025', '12', '31'],
      ['111111111111', 'eu-west-1', '2026', '01', '01'],
      ['222222222222', 'us-east-1', '2026', '03', '15']
    ]
    const [scan] = scans(
      "SELECT 1 FROM cloudtrail WHERE year >= '2026' AND NOT month BETWEEN '02' AND '02' AND region NOT IN ('ap-south-1')"
    )
    expect(values.map((v) => matches(scan?.terms ?? [], KEYS, v))).toEqual([false, true, true])
    const [ints] = scans('SELECT 1 FROM cloudtrail WHERE year = 2026 AND month < 3', INT_KEYS)
    expect(values.map((v) => matches(ints?.terms ?? [], INT_KEYS, v))).toEqual([false, true, false])
  })
})

describe('PartitionCounter against the Glue stand-in', () => {
  const glue = new GlueService()
  const served = serving(new StandInServer().register(glue))
  const server = served.server
  let client: GlueClient

  beforeAll(() => {
    client = served.client(GlueClient)
    glue.createTableDirect(
      'security',
      cloudTrailTableInput({ name: 'cloudtrail', location: 's3://logs/AWSLogs/' })
    )
    // 20 series x 100 days from 2025-12-01: 2,000 partitions.
    const inputs = []
    for (let series = 0; series < 20; series++) {
      for (let d = 0; d < 100; d++) {
        const day = new Date(Date.UTC(2025, 11, 1) + d * 86_400_000)
        inputs.push({
          Values: [
            String(100_000_000_000 + (series >> 1)),
            series % 2 ? 'eu-west-1' : 'us-east-1',
            String(day.getUTCFullYear()),
            String(day.getUTCMonth() + 1).padStart(2, '0'),
            String(day.getUTCDate()).padStart(2, '0')
          ]
        })
      }
    }
    glue.addPartitionsDirect('security', 'cloudtrail', inputs)
  })

  const table = { database: 'security', table: 'cloudtrail' }
  const [january] = scans("SELECT 1 FROM cloudtrail WHERE year = '2026' AND month = '01'")
  const [all] = scans('SELECT 1 FROM cloudtrail')

  it('reads a small table once and counts every predicate in memory', async () => {
    const counter = new PartitionCounter(client, table, KEYS, { localMax: 5_000 })
    expect(await counter.count(january?.terms ?? [])).toEqual({ count: 620, over: false, exact: true })
    const calls = counter.calls
    expect(calls).toBeGreaterThanOrEqual(10)
    expect(await counter.count(all?.terms ?? [])).toEqual({ count: 2_000, over: false, exact: true })
    expect(counter.calls).toBe(calls)
  })

  it('counts a large table through Glue per expression, once each, stopping past the limit', async () => {
    const counter = new PartitionCounter(client, table, KEYS, { localMax: 100, limit: 1_500 })
    server.calls.reset()
    expect(await counter.count(january?.terms ?? [])).toEqual({ count: 620, over: false, exact: true })
    const reads = server.calls.get('Glue.GetPartitions')
    expect(await counter.count(january?.terms ?? [])).toEqual({ count: 620, over: false, exact: true })
    expect(server.calls.get('Glue.GetPartitions')).toBe(reads)
    const whole = await counter.count(all?.terms ?? [])
    expect(whole.over).toBe(true)
    expect(whole.count).toBeGreaterThan(1_500)
    // One segment: the count stops after the page that passes the limit.
    const sequential = new PartitionCounter(client, table, KEYS, { localMax: 100, limit: 500, segments: 1 })
    const before = sequential.calls
    expect(await sequential.count(all?.terms ?? [])).toEqual({ count: 1_000, over: true, exact: true })
    // The small-table read (stopped past 100) and one page of the count, not two.
    expect(sequential.calls - before).toBe(2)
  })

  it('retries a page that timed out (a 400 the SDK does not retry) and says so at debug level', async () => {
    const logger = recordingLogger()
    const counter = new PartitionCounter(client, table, KEYS, {
      segments: 1,
      backoff: { attempts: 3, baseMs: 1, maxMs: 2 },
      logger
    })
    glue.faults.inject('Glue.GetPartitions', glueErrors.operationTimeout(), { skip: 1, count: 1 })
    expect(await counter.count(all?.terms ?? [])).toEqual({ count: 2_000, over: false, exact: true })
    expect(logger.at('debug')).toEqual([
      expect.stringMatching(/^retrying Glue\.GetPartitions after OperationTimeoutException \(attempt 2 of 3 /)
    ])
  })
})

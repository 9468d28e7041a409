import { emptyExisting } from '../../src/partitions/existing.js'
import { existingOf } from '../helpers/existing.js'
import { BatchCreatePartitionCommand, BatchDeletePartitionCommand, GlueClient } from '@aws-sdk/client-glue'
import { mockClient } from 'aws-sdk-client-mock'
import 'aws-sdk-client-mock-jest'
import { applyPlan, chunks, type ApplyTarget } from '../../src/partitions/apply.js'
import { parseIsoDate, syncWindow } from '../../src/vocabulary/dates.js'
import { planSync } from '../../src/partitions/plan.js'
import { silentLogger } from '../../src/vocabulary/logger.js'
import { recordingLogger } from '../helpers/logger.js'
import type { ExistingPartitions } from '../../src/partitions/existing.js'
import { seriesKey } from '../../src/vocabulary/keys.js'
import { ORGANIZATION_LAYOUT } from '../helpers/layouts.js'

const glueMock = mockClient(GlueClient)
const A = '111111111111'
const asOf = parseIsoDate('2026-03-01')!

function target(overrides: Partial<ApplyTarget> = {}): ApplyTarget {
  return {
    glue: new GlueClient({ region: 'eu-central-1' }),
    table: { database: 'security', table: 'cloudtrail' },
    layout: ORGANIZATION_LAYOUT,
    dateKeyType: 'string',
    storageDescriptor: {
      Columns: [{ Name: 'eventname', Type: 'string' }],
      Location: 's3://logs/AWSLogs/o-abcdef1234/'
    },
    concurrency: 3,
    backoff: { attempts: 3, baseMs: 1, maxMs: 2 },
    ...overrides
  }
}

const empty: ExistingPartitions = emptyExisting(syncWindow(asOf, 90, 0))

/** 3 regions x 91 days = 273 creates. */
function bigPlan() {
  return planSync(
    empty,
    { desired: new Map([[A, ['eu-west-1', 'us-east-1', 'us-west-2']]]), accounts: [], regions: [] },
    syncWindow(asOf, 90, 0)
  )
}

beforeEach(() => glueMock.reset())

describe('chunks', () => {
  it('yields full batches and a last partial one', () => {
    expect([...chunks([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]])
    expect([...chunks([], 2)]).toEqual([])
  })
})

describe('applyPlan', () => {
  it('creates in full batches of 100, each partition with its own location and the table schema', async () => {
    glueMock.on(BatchCreatePartitionCommand).resolves({ Errors: [] })
    const result = await applyPlan(target(), bigPlan(), silentLogger)
    const sizes = glueMock
      .commandCalls(BatchCreatePartitionCommand)
      .map((call) => call.args[0].input.PartitionInputList!.length)
    expect(sizes.sort()).toEqual([100, 100, 73])
    expect(result.created).toBe(273)
    const first = glueMock.commandCalls(BatchCreatePartitionCommand)[0]!.args[0].input.PartitionInputList![0]!
    expect(first.Values).toEqual([A, 'eu-west-1', '2025', '12', '01'])
    expect(first.StorageDescriptor).toEqual({
      Columns: [{ Name: 'eventname', Type: 'string' }],
      Location: 's3://logs/AWSLogs/o-abcdef1234/111111111111/CloudTrail/eu-west-1/2025/12/01/'
    })
    const plan = bigPlan()
    expect(result.bySeries.get(plan.index.find(A, 'us-east-1')!)).toEqual({ created: 91, deleted: 0 })
  })

  it('tells the progress callback after every batch, creates and deletes together', async () => {
    glueMock.on(BatchCreatePartitionCommand).resolves({})
    glueMock.on(BatchDeletePartitionCommand).resolves({})
    const expired = new Set(Array.from({ length: 40 }, (_, i) => asOf - 200 - i))
    const plan = planSync(
      existingOf(syncWindow(asOf, 9, 0), [[seriesKey(A, 'eu-west-1'), expired]]),
      { desired: new Map([[A, ['eu-west-1']]]), accounts: [], regions: [] },
      syncWindow(asOf, 9, 0)
    )
    expect(plan.totals).toMatchObject({ add: 10, remove: 40 })
    const seen: [number, number][] = []
    const onProgress = (settled: number, total: number): number => seen.push([settled, total])
    await applyPlan(target({ concurrency: 1, onProgress }), plan, silentLogger)
    expect(seen).toEqual([
      [10, 50],
      [35, 50],
      [50, 50]
    ])
  })

  it('logs progress at most once per tenth of the work', async () => {
    glueMock.on(BatchCreatePartitionCommand).resolves({})
    const messages: string[] = []
    await applyPlan(target({ concurrency: 1 }), bigPlan(), { ...silentLogger, info: (m) => messages.push(m) })
    expect(messages.filter((m) => /^created \d+ of 273/.test(m))).toEqual([
      'created 100 of 273 (36%)',
      'created 200 of 273 (73%)',
      'created 273 of 273 (100%)'
    ])
  })

  it('deletes expired partitions in batches of at most 25 and counts already-gone ones as done', async () => {
    const days = new Set(Array.from({ length: 60 }, (_, i) => asOf - 200 - i))
    const plan = planSync(
      existingOf(syncWindow(asOf, 90, 0), [[seriesKey(A, 'eu-west-1'), days]]),
      { desired: new Map(), accounts: [], regions: [] },
      syncWindow(asOf, 90, 0)
    )
    glueMock.on(BatchDeletePartitionCommand).callsFake((input) => ({
      Errors: [
        {
          PartitionValues: input.PartitionsToDelete[0].Values,
          ErrorDetail: { ErrorCode: 'EntityNotFoundException', ErrorMessage: 'gone' }
        }
      ]
    }))
    const result = await applyPlan(target(), plan, silentLogger)
    const sizes = glueMock
      .commandCalls(BatchDeletePartitionCommand)
      .map((c) => c.args[0].input.PartitionsToDelete!.length)
    expect(sizes.sort()).toEqual([10, 25, 25])
    expect(result).toMatchObject({ deleted: 57, alreadyDone: 3, failed: 0 })
  })

  it('writes int keys as canonical numbers', async () => {
    glueMock.on(BatchCreatePartitionCommand).resolves({})
    const plan = planSync(
      empty,
      { desired: new Map([[A, ['eu-west-1']]]), accounts: [], regions: [] },
      syncWindow(asOf, 0, 0)
    )
    await applyPlan(target({ dateKeyType: 'int' }), plan, silentLogger)
    const input = glueMock.commandCalls(BatchCreatePartitionCommand)[0]!.args[0].input.PartitionInputList![0]!
    expect(input.Values).toEqual([A, 'eu-west-1', '2026', '3', '1'])
    expect(input.StorageDescriptor!.Location).toMatch(/\/2026\/03\/01\/$/)
  })

  it('retries a throttled batch call with backoff', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' })
    glueMock.on(BatchCreatePartitionCommand).rejectsOnce(throttled).resolves({})
    const result = await applyPlan(target(), bigPlan(), silentLogger)
    expect(result).toMatchObject({ created: 273, failed: 0 })
    expect(glueMock).toHaveReceivedCommandTimes(BatchCreatePartitionCommand, 4)
  })

  it('stops new batches after a failed entry, and counts what was not attempted', async () => {
    glueMock.on(BatchCreatePartitionCommand).callsFakeOnce((input) => ({
      Errors: [
        {
          PartitionValues: input.PartitionInputList[1].Values,
          ErrorDetail: { ErrorCode: 'InvalidInputException', ErrorMessage: 'bad value' }
        }
      ]
    }))
    const result = await applyPlan(target({ concurrency: 1 }), bigPlan(), silentLogger)
    expect(result).toMatchObject({
      created: 99,
      failed: 1,
      skipped: 173,
      stoppedBy: 'InvalidInputException: bad value'
    })
    expect(glueMock).toHaveReceivedCommandTimes(BatchCreatePartitionCommand, 1)
  })

  it('retries a throttled batch and says so at debug level', async () => {
    glueMock
      .on(BatchCreatePartitionCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .resolves({ Errors: [] })
    const logger = recordingLogger()
    const result = await applyPlan(target({ concurrency: 1 }), bigPlan(), logger)
    expect(result).toMatchObject({ created: 273, failed: 0 })
    expect(glueMock).toHaveReceivedCommandTimes(BatchCreatePartitionCommand, 4)
    expect(logger.at('debug')).toEqual([
      expect.stringMatching(
        /^retrying Glue\.BatchCreatePartition after ThrottlingException \(attempt 2 of 3 /
      )
    ])
  })

  it('stops after a failed call without retrying a final error', async () => {
    glueMock
      .on(BatchCreatePartitionCommand)
      .rejects(Object.assign(new Error('no'), { name: 'AccessDeniedException' }))
    const result = await applyPlan(target({ concurrency: 1 }), bigPlan(), silentLogger)
    expect(result).toMatchObject({
      created: 0,
      failed: 100,
      skipped: 173,
      stoppedBy: 'AccessDeniedException: no'
    })
    expect(result.failures[0]).toMatchObject({
      code: 'AccessDeniedException',
      values: [A, 'eu-west-1', '2025', '12', '01']
    })
    expect(glueMock).toHaveReceivedCommandTimes(BatchCreatePartitionCommand, 1)
  })

  it('never counts an error Glue did not tie to a sent partition as done', async () => {
    glueMock.on(BatchCreatePartitionCommand).resolves({
      Errors: [{ ErrorDetail: { ErrorCode: 'InternalServiceException', ErrorMessage: 'oops' } }]
    })
    const plan = planSync(
      emptyExisting(syncWindow(asOf, 2, 0)),
      { desired: new Map([[A, ['eu-west-1']]]), accounts: [], regions: [] },
      syncWindow(asOf, 2, 0)
    )
    const result = await applyPlan(target(), plan, silentLogger)
    expect(result.failed).toBe(1)
    expect(result.stoppedBy).toBe('InternalServiceException: oops')
  })
})

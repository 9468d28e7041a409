import {
  BatchDeletePartitionCommand,
  BatchUpdatePartitionCommand,
  GlueClient,
  type Partition
} from '@aws-sdk/client-glue'
import { mockClient } from 'aws-sdk-client-mock'
import { applyPlan, type ApplyTarget } from '../../src/partitions/apply.js'
import { emptyExisting } from '../../src/partitions/existing.js'
import { planSync, type PlanScope } from '../../src/partitions/plan.js'
import {
  needsComparison,
  refreshOutcome,
  refreshPartitions,
  StaleStorage
} from '../../src/partitions/refresh.js'
import { partitionLocation } from '../../src/logs/layout.js'
import { parseIsoDate, syncWindow } from '../../src/vocabulary/dates.js'
import { partitionValues, type PartitionRef } from '../../src/vocabulary/keys.js'
import { silentLogger } from '../../src/vocabulary/logger.js'
import {
  hasShape,
  shapeDifference,
  storageFingerprint,
  storageShape,
  type StorageLike
} from '../../src/vocabulary/storage.js'
import { ORGANIZATION_LAYOUT } from '../helpers/layouts.js'

const glueMock = mockClient(GlueClient)
const A = '111111111111'
const day = (text: string) => parseIsoDate(text)!
const asOf = day('2026-03-01')
const layout = ORGANIZATION_LAYOUT

const OLD: StorageLike = {
  Columns: [
    { Name: 'eventversion', Type: 'string' },
    { Name: 'useridentity', Type: 'struct<type:string>' }
  ],
  SerdeInfo: { SerializationLibrary: 'org.apache.hive.hcatalog.data.JsonSerDe', Parameters: {} },
  InputFormat: 'com.amazon.emr.cloudtrail.CloudTrailInputFormat',
  OutputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
}
const NEW: StorageLike = {
  ...OLD,
  Columns: [
    { Name: 'eventversion', Type: 'string' },
    { Name: 'useridentity', Type: 'struct<type:string,onbehalfof:struct<userid:string>>' },
    { Name: 'tlsdetails', Type: 'struct<tlsversion:string>' }
  ]
}

function target(): ApplyTarget {
  return {
    glue: new GlueClient({ region: 'eu-central-1' }),
    table: { database: 'security', table: 'cloudtrail' },
    layout,
    dateKeyType: 'string',
    storageDescriptor: {
      ...NEW,
      Location: 's3://logs/AWSLogs/o-abcdef1234/'
    } as ApplyTarget['storageDescriptor'],
    concurrency: 2,
    backoff: { attempts: 2, baseMs: 1, maxMs: 2 }
  }
}

function partition(ref: PartitionRef, descriptor: StorageLike, extra: Partial<Partition> = {}): Partition {
  return {
    Values: partitionValues(ref, 'string'),
    StorageDescriptor: {
      ...descriptor,
      Location: partitionLocation(layout, ref)
    } as Partition['StorageDescriptor'],
    ...extra
  }
}

beforeEach(() => glueMock.reset())

describe('the storage shape', () => {
  it('is what Athena reads by: columns in order, SerDe and parameters, formats; not the location or comments', () => {
    const located = { ...OLD, Location: 's3://a/' }
    const elsewhere = { ...OLD, Location: 's3://b/' }
    expect(storageFingerprint(located)).toBe(storageFingerprint(elsewhere))
    expect(storageFingerprint(located)).toMatch(/^sha256:[\w-]{22}$/)
    const commented = { ...OLD, Columns: OLD.Columns!.map((c) => ({ ...c, Comment: 'x' })) }
    expect(storageFingerprint(commented)).toBe(storageFingerprint(OLD))
    expect(storageFingerprint(NEW)).not.toBe(storageFingerprint(OLD))
    const reordered = { ...OLD, Columns: [...OLD.Columns!].reverse() }
    expect(storageFingerprint(reordered)).not.toBe(storageFingerprint(OLD))
    const serde = { ...OLD, SerdeInfo: { SerializationLibrary: 'com.amazon.emr.hive.serde.CloudTrailSerde' } }
    expect(storageFingerprint(serde)).not.toBe(storageFingerprint(OLD))
    const parameters = {
      ...OLD,
      SerdeInfo: { ...OLD.SerdeInfo, Parameters: { 'ignore.malformed.json': 'true' } }
    }
    expect(storageFingerprint(parameters)).not.toBe(storageFingerprint(OLD))
  })

  it('compares a descriptor without building one, ignoring case and spaces in names and types', () => {
    const shape = storageShape(OLD)
    expect(hasShape(OLD, shape)).toBe(true)
    expect(
      hasShape({ ...OLD, Columns: [{ Name: 'EventVersion', Type: 'STRING' }, OLD.Columns![1]!] }, shape)
    ).toBe(true)
    expect(hasShape(NEW, shape)).toBe(false)
    expect(hasShape({ ...OLD, InputFormat: 'x' }, shape)).toBe(false)
  })

  it('names the difference: columns added, removed, retyped, reordered, SerDe, formats', () => {
    const difference = shapeDifference(storageShape(OLD), storageShape(NEW))
    expect(difference).toMatchObject({
      added: ['tlsdetails'],
      removed: [],
      retyped: ['useridentity'],
      reordered: false,
      serde: false,
      formats: false
    })
    expect(shapeDifference(storageShape(NEW), storageShape(OLD))).toMatchObject({ removed: ['tlsdetails'] })
  })

  it('needs a comparison only when the recorded fingerprint is not the table shape', () => {
    expect(needsComparison(NEW, undefined)).toBe(true)
    expect(needsComparison(NEW, storageFingerprint(OLD))).toBe(true)
    expect(needsComparison(NEW, storageFingerprint(NEW))).toBe(false)
  })
})

describe('StaleStorage', () => {
  /** 10 days of one series, old shape; one more in the new shape; one foreign in the old shape. */
  function inspected(
    scope: PlanScope = { desired: new Map([[A, ['eu-west-1']]]), accounts: [], regions: [] }
  ): { stale: StaleStorage; plan: ReturnType<typeof planSync> } {
    // A window of the last 5 days: the 5 days before it expire in this run.
    const window = syncWindow(asOf, 4, 1)
    const stale = new StaleStorage(NEW, window)
    const existing = emptyExisting(window)
    const id = existing.index.id(A, 'eu-west-1')
    for (let d = asOf - 9; d <= asOf; d++) {
      const ref = { account: A, region: 'eu-west-1', day: d }
      stale.inspect(partition(ref, OLD, d === asOf ? { Parameters: { note: 'kept' } } : {}), ref, id)
      existing.bySeries.add(id, d)
    }
    const fresh = { account: A, region: 'eu-west-1', day: asOf + 1 }
    stale.inspect(partition(fresh, NEW), fresh, id)
    existing.bySeries.add(id, asOf + 1)
    stale.inspect(partition({ account: A, region: 'eu-west-1', day: asOf - 30 }, OLD), undefined, undefined)
    const plan = planSync(existing, scope, window)
    return { stale, plan }
  }

  it("collects the action's stale partitions and describes others', skipping those the plan removes", () => {
    const { stale, plan } = inspected()
    expect(stale.own.partitions).toBe(10)
    expect([...stale.own.added]).toEqual(['tlsdetails'])
    expect([...stale.own.retyped]).toEqual(['useridentity'])
    expect(stale.foreign.partitions).toBe(1)
    const refs = [...stale.toRefresh(plan)]
    expect(refs.map((ref) => ref.day)).toEqual([asOf - 4, asOf - 3, asOf - 2, asOf - 1, asOf])
    expect(refreshOutcome(stale.fingerprint, stale, plan)).toMatchObject({ compared: true, planned: 5 })
    expect(refreshOutcome(stale.fingerprint, undefined, plan)).toMatchObject({ compared: false, planned: 0 })
  })

  it('refreshes every stale day of a series the plan does not remove from (outside the allow-lists)', () => {
    // The account left the bucket and the allow-list: its partitions are left alone, refreshed all.
    const { stale, plan } = inspected({ desired: new Map(), accounts: ['222222222222'], regions: [] })
    expect(plan.totals.remove).toBe(0)
    const refs = [...stale.toRefresh(plan)]
    expect(refs.map((ref) => ref.day)).toEqual(Array.from({ length: 10 }, (_, n) => asOf - 9 + n))
    expect(refs[0]).toEqual({ account: A, region: 'eu-west-1', day: asOf - 9 })
    expect(stale.countToRefresh(plan)).toBe(10)
  })

  it("sends the table's descriptor with each partition's own location and parameters, 100 a call", async () => {
    const { stale, plan } = inspected()
    glueMock.on(BatchUpdatePartitionCommand).resolves({})
    const nothingToDo = planSync(
      emptyExisting(plan.window),
      { desired: new Map(), accounts: [], regions: [] },
      plan.window
    )
    const result = await applyPlan(target(), nothingToDo, silentLogger)
    // applyPlan without a follow-up never updates.
    expect(glueMock.commandCalls(BatchUpdatePartitionCommand)).toHaveLength(0)
    await refreshPartitions(target(), stale, plan, result, () => undefined, silentLogger)
    const calls = glueMock.commandCalls(BatchUpdatePartitionCommand)
    expect(calls).toHaveLength(1)
    const entries = calls[0]!.args[0].input.Entries!
    expect(entries).toHaveLength(5)
    const last = entries.at(-1)!
    expect(last.PartitionValueList).toEqual(
      partitionValues({ account: A, region: 'eu-west-1', day: asOf }, 'string')
    )
    expect(last.PartitionInput?.StorageDescriptor?.Columns?.map((c) => c.Name)).toEqual([
      'eventversion',
      'useridentity',
      'tlsdetails'
    ])
    expect(last.PartitionInput?.StorageDescriptor?.Location).toBe(
      partitionLocation(layout, { account: A, region: 'eu-west-1', day: asOf })
    )
    expect(last.PartitionInput?.Parameters).toEqual({ note: 'kept' })
    expect(entries[0]!.PartitionInput?.Parameters).toBeUndefined()
    expect(result.refreshed).toBe(5)
  })

  it('settles per-entry errors by PartitionValueList: a partition gone meanwhile is done, another error stops', async () => {
    const { stale, plan } = inspected()
    const gone = partitionValues({ account: A, region: 'eu-west-1', day: asOf - 4 }, 'string')
    const refused = partitionValues({ account: A, region: 'eu-west-1', day: asOf - 3 }, 'string')
    glueMock.on(BatchDeletePartitionCommand).resolves({})
    glueMock.on(BatchUpdatePartitionCommand).resolves({
      Errors: [
        {
          PartitionValueList: gone,
          ErrorDetail: { ErrorCode: 'EntityNotFoundException', ErrorMessage: 'gone' }
        },
        {
          PartitionValueList: refused,
          ErrorDetail: { ErrorCode: 'InvalidInputException', ErrorMessage: 'no' }
        }
      ]
    })
    const result = await applyPlan(target(), plan, silentLogger, {
      planned: 5,
      run: (applied, progress) => refreshPartitions(target(), stale, plan, applied, progress, silentLogger)
    })
    expect(result).toMatchObject({ deleted: 5, refreshed: 3, alreadyDone: 1, failed: 1, skipped: 0 })
    expect(result.failures).toEqual([{ values: refused, code: 'InvalidInputException', message: 'no' }])
    expect(result.stoppedBy).toBe('InvalidInputException: no')
  })
})

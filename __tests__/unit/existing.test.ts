import { GetPartitionsCommand, GlueClient } from '@aws-sdk/client-glue'
import { mockClient } from 'aws-sdk-client-mock'
import { silentLogger } from '../../src/vocabulary/logger.js'
import { recordingLogger } from '../helpers/logger.js'
import { formatIsoDate, parseIsoDate, syncWindow } from '../../src/vocabulary/dates.js'
import { readExistingPartitions } from '../../src/partitions/existing.js'
import type { SeriesDays } from '../../src/partitions/series-days.js'
import { planSync } from '../../src/partitions/plan.js'
import { partitionLocation } from '../../src/logs/layout.js'
import { ORGANIZATION_LAYOUT } from '../helpers/layouts.js'

const glueMock = mockClient(GlueClient)
const glue = new GlueClient({ region: 'eu-central-1' })
const A = '111111111111'
const layout = ORGANIZATION_LAYOUT
const at = (values: string[], location: string) => ({
  Values: values,
  StorageDescriptor: { Location: location }
})
const ours = (y: string, m: string, d: string) =>
  at(
    [A, 'eu-west-1', y, m, d],
    partitionLocation(layout, { account: A, region: 'eu-west-1', day: parseIsoDate(`${y}-${m}-${d}`)! })
  )
const options = {
  window: syncWindow(parseIsoDate('2026-03-01')!, 2, 0),
  dateKeyType: 'string' as const,
  locationOf: (ref: Parameters<typeof partitionLocation>[1]) => partitionLocation(layout, ref),
  segments: 1,
  backoff: { attempts: 3, baseMs: 1, maxMs: 2 }
}

beforeEach(() => glueMock.reset())

describe('readExistingPartitions', () => {
  it('keeps as ours only our values at our location; other forms and places only cover their day', async () => {
    glueMock.on(GetPartitionsCommand).resolves({
      Partitions: [
        ours('2026', '03', '01'),
        at(
          [A, 'eu-west-1', '2026', '03', '02'],
          's3://other-bucket/AWSLogs/o-zzzzzzzzzz/111111111111/CloudTrail/eu-west-1/2026/03/02/'
        ),
        at([A, 'eu-west-1', '2026', '3', '3'], 's3://logs/x/'),
        at(['not-an-account', 'eu-west-1', '2026', '03', '04'], 's3://logs/y/')
      ]
    })
    const existing = await readExistingPartitions(glue, { database: 'db', table: 't' }, options, silentLogger)
    const id = existing.index.find(A, 'eu-west-1')!
    const days = (set: SeriesDays) => [...set.days(id)].map(formatIsoDate)
    expect(days(existing.bySeries)).toEqual(['2026-03-01'])
    expect(days(existing.covered)).toEqual(['2026-03-02', '2026-03-03'])
    expect(existing).toMatchObject({ total: 4, foreign: 3, foreignLocation: 1 })
    // The report says why each was left alone: one at another place, one in another form.
    expect(existing.foreignBySeries.get(id)).toEqual({ location: 1, form: 1 })
  })

  it('asks for columns only when told, in the same pages, and shows every partition to the inspector', async () => {
    const foreign = at([A, 'eu-west-1', '2026', '3', '3'], 's3://logs/x/')
    glueMock.on(GetPartitionsCommand).resolves({ Partitions: [ours('2026', '03', '01'), foreign] })
    const seen: [string, string | undefined][] = []
    await readExistingPartitions(
      glue,
      { database: 'db', table: 't' },
      {
        ...options,
        withColumns: true,
        inspect: (partition, own) =>
          seen.push([(partition.Values ?? []).join('/'), own && formatIsoDate(own.day)])
      },
      silentLogger
    )
    const inputs = glueMock.commandCalls(GetPartitionsCommand).map((c) => c.args[0].input)
    expect(inputs.map((input) => [input.ExcludeColumnSchema, input.MaxResults])).toEqual([[false, 1000]])
    expect(seen).toEqual([
      [`${A}/eu-west-1/2026/03/01`, '2026-03-01'],
      [`${A}/eu-west-1/2026/3/3`, undefined]
    ])
  })

  it('pages with NextToken and retries a page that timed out (a 400 the SDK does not retry)', async () => {
    glueMock
      .on(GetPartitionsCommand)
      .resolvesOnce({ Partitions: [ours('2026', '03', '01')], NextToken: 't1' })
      .rejectsOnce(Object.assign(new Error('timed out'), { name: 'OperationTimeoutException' }))
      .resolves({ Partitions: [ours('2026', '03', '02')] })
    const logger = recordingLogger()
    const existing = await readExistingPartitions(glue, { database: 'db', table: 't' }, options, logger)
    expect(existing.total).toBe(2)
    expect(logger.at('debug')).toEqual([
      expect.stringMatching(/^retrying Glue\.GetPartitions after OperationTimeoutException \(attempt 2 of 3 /)
    ])
    const calls = glueMock.commandCalls(GetPartitionsCommand).map((c) => c.args[0].input)
    expect(calls.map((input) => input.NextToken)).toEqual([undefined, 't1', 't1'])
    expect(calls.every((input) => input.ExcludeColumnSchema === true && input.MaxResults === 1000)).toBe(true)
  })

  it('plans no second partition for a covered day and never drops a covered one', async () => {
    glueMock.on(GetPartitionsCommand).resolves({
      Partitions: [
        at([A, 'eu-west-1', '2026', '2', '27'], 's3://logs/old/'), // in the window, other form
        at([A, 'eu-west-1', '2025', '01', '01'], 's3://other-bucket/x/') // expired, other place
      ]
    })
    const existing = await readExistingPartitions(glue, { database: 'db', table: 't' }, options, silentLogger)
    const plan = planSync(
      existing,
      { desired: new Map([[A, ['eu-west-1']]]), accounts: [], regions: [] },
      syncWindow(parseIsoDate('2026-03-01')!, 2, 0)
    )
    expect(plan.seriesAt(0).add.map((r) => [formatIsoDate(r.first), formatIsoDate(r.last)])).toEqual([
      ['2026-02-28', '2026-03-01']
    ])
    expect(plan.totals.remove).toBe(0)
    expect(plan.totals.leftAlone).toBe(2)
  })
})

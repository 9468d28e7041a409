/**
 * The check's options from the table in Glue: a table with one date key (AWS's examples) is checked
 * for a filter on that key, unless `partition-columns` says otherwise.
 */
import { GetTableCommand, GlueClient } from '@aws-sdk/client-glue'
import { mockClient } from 'aws-sdk-client-mock'
import { readCheckSettings } from '../../src/inputs.js'
import { checkOptionsFor, type OptionalAws } from '../../src/run/check-options.js'
import { silentLogger } from '../../src/vocabulary/logger.js'
import { logTableInput } from '../../stand-in/log-tables.js'

const glueMock = mockClient(GlueClient)
const aws = { clients: { glue: new GlueClient({ region: 'eu-central-1' }) } } as unknown as OptionalAws

function tableWith(partitionKeys: [string, string][]): void {
  const table = logTableInput({
    name: 'trail',
    location: 's3://logs/AWSLogs/111122223333/CloudTrail/eu-west-1/',
    partitionKeys
  })
  glueMock.on(GetTableCommand).resolves({ Table: table as never })
}

const settings = (inputs: Record<string, string> = {}) =>
  readCheckSettings(
    (name) =>
      ({ table: 'trail', database: 'security', queries: '__fixtures__/queries/*.sql', ...inputs })[name] ??
      '',
    {}
  )

beforeEach(() => glueMock.reset())

describe('checkOptionsFor', () => {
  it("asks for a filter on a one-key table's date key", async () => {
    tableWith([['timestamp', 'string']])
    expect((await checkOptionsFor(settings(), aws, silentLogger)).partitionColumns).toEqual(['timestamp'])
    expect(
      (await checkOptionsFor(settings({ 'date-key-type': 'string' }), aws, silentLogger)).partitionColumns
    ).toEqual(['timestamp'])
  })

  it('keeps year, month, day for the five keys, and partition-columns as given', async () => {
    tableWith([
      ['account', 'string'],
      ['region', 'string'],
      ['year', 'string'],
      ['month', 'string'],
      ['day', 'string']
    ])
    expect((await checkOptionsFor(settings(), aws, silentLogger)).partitionColumns).toEqual([
      'year',
      'month',
      'day'
    ])
    tableWith([['date', 'date']])
    expect(
      (await checkOptionsFor(settings({ 'partition-columns': 'dt' }), aws, silentLogger)).partitionColumns
    ).toEqual(['dt'])
  })
})

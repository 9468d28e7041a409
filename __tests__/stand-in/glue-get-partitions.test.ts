/**
 * GetPartitions of the Glue stand-in through the real GlueClient: limits, paging, segments,
 * ExcludeColumnSchema, NextToken checks, expressions by key type, and paging at scale.
 */
import {
  BatchDeletePartitionCommand,
  GetPartitionsCommand,
  GlueClient,
  paginateGetPartitions,
  type GetPartitionsCommandInput,
  type TableInput
} from '@aws-sdk/client-glue'
import { GlueService } from '../../stand-in/glue.js'
import { StandInServer } from '../../stand-in/server.js'
import { serving } from '../helpers/worlds.js'

const DB = 'trails'
const KEYS = ['account', 'region', 'year', 'month', 'day']

const glue = new GlueService()
const served = serving(new StandInServer().register(glue))
const server = served.server
let client: GlueClient

function tableInput(name: string, types: string[]): TableInput {
  return {
    Name: name,
    PartitionKeys: KEYS.map((Name, i) => ({ Name, Type: types[i] })),
    StorageDescriptor: { Columns: [{ Name: 'eventversion', Type: 'string' }], Location: 's3://bucket/' }
  }
}

/** Seeds `count` partitions: 10 accounts x 2 regions x days; values as CloudTrail paths have them. */
function seed(table: string, count: number, pad = true): string[][] {
  const all: string[][] = []
  for (let i = 0; i < count; i++) {
    const day = Math.floor(i / 20)
    const date = new Date(Date.UTC(2024, 0, 1 + day))
    const two = (n: number) => (pad ? String(n).padStart(2, '0') : String(n))
    all.push([
      String(100000000000 + (i % 10)),
      i % 20 < 10 ? 'eu-central-1' : 'us-east-1',
      String(date.getUTCFullYear()),
      two(date.getUTCMonth() + 1),
      two(date.getUTCDate())
    ])
  }
  glue.addPartitionsDirect(
    DB,
    table,
    all.map((Values) => ({
      Values,
      StorageDescriptor: {
        Columns: [{ Name: 'eventversion', Type: 'string' }],
        Location: `s3://bucket/${Values.join('/')}/`
      }
    }))
  )
  return all
}

async function readAll(
  input: Omit<GetPartitionsCommandInput, 'DatabaseName'>,
  startingToken?: string
): Promise<string[][]> {
  const found: string[][] = []
  for await (const page of paginateGetPartitions({ client, startingToken }, { DatabaseName: DB, ...input })) {
    for (const partition of page.Partitions ?? []) found.push(partition.Values ?? [])
  }
  return found
}

const key = (values: string[]): string => values.join('/')
const sorted = (list: string[][]): string[] => list.map(key).sort()

beforeAll(() => {
  client = served.client(GlueClient, { maxAttempts: 1 })
})

beforeEach(() => {
  glue.reset()
  glue.createTableDirect(DB, tableInput('ct', ['string', 'string', 'string', 'string', 'string']))
  glue.createTableDirect(DB, tableInput('ints', ['string', 'string', 'int', 'int', 'int']))
})

describe('GetPartitions limits', () => {
  const send = (input: Partial<GetPartitionsCommandInput>) =>
    client.send(new GetPartitionsCommand({ DatabaseName: DB, TableName: 'ct', ...input }))
  const refused = (field: string, constraint: string) => ({
    name: 'ValidationException',
    $metadata: expect.objectContaining({ httpStatusCode: 400 }),
    message: expect.stringMatching(new RegExp(`'${field.replace('.', '\\.')}'.*${constraint}`))
  })

  it('takes MaxResults 1 and 1000, refuses 0 and 1001', async () => {
    seed('ct', 1001)
    expect((await send({ MaxResults: 1000 })).Partitions).toHaveLength(1000)
    expect((await send({ MaxResults: 1 })).Partitions).toHaveLength(1)
    await expect(send({ MaxResults: 0 })).rejects.toMatchObject(
      refused('maxResults', 'greater than or equal to 1')
    )
    await expect(send({ MaxResults: 1001 })).rejects.toMatchObject(
      refused('maxResults', 'less than or equal to 1000')
    )
  })

  it('takes TotalSegments 1 and 10, refuses 0 and 11, and SegmentNumber equal to TotalSegments', async () => {
    await send({ Segment: { SegmentNumber: 0, TotalSegments: 1 } })
    await send({ Segment: { SegmentNumber: 9, TotalSegments: 10 } })
    await expect(send({ Segment: { SegmentNumber: 0, TotalSegments: 0 } })).rejects.toMatchObject(
      refused('segment.totalSegments', 'greater than or equal to 1')
    )
    await expect(send({ Segment: { SegmentNumber: 0, TotalSegments: 11 } })).rejects.toMatchObject(
      refused('segment.totalSegments', 'less than or equal to 10')
    )
    await expect(send({ Segment: { SegmentNumber: 3, TotalSegments: 3 } })).rejects.toMatchObject({
      name: 'InvalidInputException',
      message: expect.stringContaining('SegmentNumber 3 must be less than TotalSegments 3')
    })
    await expect(send({ Segment: { SegmentNumber: -1, TotalSegments: 3 } })).rejects.toMatchObject(
      refused('segment.segmentNumber', 'greater than or equal to 0')
    )
  })

  it('takes an Expression of 2048 characters and refuses 2049', async () => {
    seed('ct', 3)
    const padded = (length: number) => {
      const core = "account = '100000000001'"
      return `${'('.repeat((length - core.length) / 2)}${core}${')'.repeat((length - core.length) / 2)}`
    }
    const ok = padded(2048)
    expect(ok).toHaveLength(2048)
    expect((await send({ Expression: ok })).Partitions?.map((p) => p.Values?.[0])).toEqual(['100000000001'])
    await expect(send({ Expression: `${ok} ` })).rejects.toMatchObject(
      refused('expression', 'length less than or equal to 2048')
    )
  })
})

describe('GetPartitions paging and segments', () => {
  it('visits each of 2,500 partitions exactly once in 1000-row pages; NextToken absent on the last page', async () => {
    const all = seed('ct', 2500)
    const pages: number[] = []
    let token: string | undefined
    const found: string[][] = []
    do {
      const page = await client.send(
        new GetPartitionsCommand({ DatabaseName: DB, TableName: 'ct', MaxResults: 1000, NextToken: token })
      )
      pages.push(page.Partitions?.length ?? 0)
      found.push(...(page.Partitions ?? []).map((p) => p.Values ?? []))
      token = page.NextToken
    } while (token)
    expect(pages).toEqual([1000, 1000, 500])
    expect(found.length).toBe(2500)
    expect(new Set(found.map(key)).size).toBe(2500)
    expect(sorted(found)).toEqual(sorted(all))
  })

  it('splits into segments that are disjoint and whose union is complete, for 1..10 segments', async () => {
    const all = seed('ct', 2500)
    for (let total = 1; total <= 10; total++) {
      const segments = await Promise.all(
        Array.from({ length: total }, (_, n) =>
          readAll({ TableName: 'ct', MaxResults: 333, Segment: { SegmentNumber: n, TotalSegments: total } })
        )
      )
      const union = segments.flat()
      expect(union.length).toBe(2500)
      expect(new Set(union.map(key)).size).toBe(2500)
      expect(sorted(union)).toEqual(sorted(all))
      if (total > 1) for (const segment of segments) expect(segment.length).toBeLessThan(2500)
    }
  })

  it('keeps paging correct when partitions are deleted between pages', async () => {
    const initial = seed('ct', 1500)
    const first = await client.send(
      new GetPartitionsCommand({ DatabaseName: DB, TableName: 'ct', MaxResults: 1000 })
    )
    const seen = (first.Partitions ?? []).map((p) => p.Values ?? [])
    const seenKeys = new Set(seen.map(key))
    const unseen = initial.filter((v) => !seenKeys.has(key(v)))
    const deleted = [...seen.slice(0, 10), ...unseen.slice(0, 10)]
    await client.send(
      new BatchDeletePartitionCommand({
        DatabaseName: DB,
        TableName: 'ct',
        PartitionsToDelete: deleted.map((Values) => ({ Values }))
      })
    )
    const rest = await readAll({ TableName: 'ct', MaxResults: 1000 }, first.NextToken)
    const union = [...seen, ...rest]
    expect(new Set(union.map(key)).size).toBe(union.length)
    expect(rest.map(key)).not.toContain(key(unseen[0] as string[]))
    const survivors = glue.partitionValues(DB, 'ct')
    expect(survivors).toHaveLength(1480)
    const unionKeys = new Set(union.map(key))
    expect(survivors.filter((v) => !unionKeys.has(key(v)))).toEqual([])
  })

  it('drops StorageDescriptor.Columns with ExcludeColumnSchema and keeps the Location', async () => {
    seed('ct', 2)
    const full = await client.send(new GetPartitionsCommand({ DatabaseName: DB, TableName: 'ct' }))
    expect(full.Partitions?.[0]?.StorageDescriptor?.Columns).toEqual([
      { Name: 'eventversion', Type: 'string' }
    ])
    const lean = await client.send(
      new GetPartitionsCommand({ DatabaseName: DB, TableName: 'ct', ExcludeColumnSchema: true })
    )
    expect(lean.Partitions?.[0]?.StorageDescriptor?.Columns).toBeUndefined()
    expect(lean.Partitions?.[0]?.StorageDescriptor?.Location).toMatch(/^s3:\/\/bucket\/1000/)
    expect(lean.Partitions?.[0]).toMatchObject({ DatabaseName: DB, TableName: 'ct' })
  })

  it('refuses a NextToken that does not decode or belongs to another segment, expression or table', async () => {
    seed('ct', 30)
    seed('ints', 30, false)
    const base = {
      DatabaseName: DB,
      TableName: 'ct',
      MaxResults: 5,
      Segment: { SegmentNumber: 0, TotalSegments: 2 }
    }
    const first = await client.send(new GetPartitionsCommand(base))
    expect(first.NextToken).toBeDefined()
    const invalid = {
      name: 'InvalidInputException',
      $metadata: expect.objectContaining({ httpStatusCode: 400 })
    }
    const misuse: Partial<GetPartitionsCommandInput>[] = [
      { NextToken: 'not a token' },
      { NextToken: first.NextToken, Segment: { SegmentNumber: 1, TotalSegments: 2 } },
      { NextToken: first.NextToken, Expression: "region = 'eu-central-1'" },
      { NextToken: first.NextToken, TableName: 'ints' }
    ]
    for (const change of misuse) {
      await expect(client.send(new GetPartitionsCommand({ ...base, ...change }))).rejects.toMatchObject(
        invalid
      )
    }
    const next = await client.send(new GetPartitionsCommand({ ...base, NextToken: first.NextToken }))
    expect(next.Partitions).toHaveLength(5)
  })
})

describe('GetPartitions expressions', () => {
  const values = async (table: string, expression: string) =>
    sorted(await readAll({ TableName: table, Expression: expression }))
  const expected = (all: string[][], test: (v: string[]) => boolean) => sorted(all.filter(test))

  it('filters with =, <, <=, >, >=, AND, OR, parentheses, BETWEEN and IN on string keys', async () => {
    const all = seed('ct', 2000)
    const cases: [string, (v: string[]) => boolean][] = [
      ["account = '100000000003'", (v) => v[0] === '100000000003'],
      ["month < '03'", (v) => (v[3] as string) < '03'],
      ["month <= '03'", (v) => (v[3] as string) <= '03'],
      ["month > '03' AND year = '2024'", (v) => (v[3] as string) > '03' && v[2] === '2024'],
      ["day >= '30'", (v) => (v[4] as string) >= '30'],
      ["region = 'us-east-1' OR day = '01'", (v) => v[1] === 'us-east-1' || v[4] === '01'],
      [
        "account = '100000000001' AND (day = '01' OR day = '02')",
        (v) => v[0] === '100000000001' && (v[4] === '01' || v[4] === '02')
      ],
      ["month BETWEEN '02' AND '04'", (v) => (v[3] as string) >= '02' && (v[3] as string) <= '04'],
      ["day IN ('05', '06', '31')", (v) => ['05', '06', '31'].includes(v[4] as string)],
      ["NOT region = 'us-east-1'", (v) => v[1] !== 'us-east-1']
    ]
    for (const [expression, test] of cases) {
      const result = await values('ct', expression)
      expect(result.length).toBeGreaterThan(0)
      expect(result.length).toBeLessThan(all.length)
      expect(result).toEqual(expected(all, test))
    }
  })

  it('compares int keys numerically and string keys as text', async () => {
    const ints = seed('ints', 2000, false)
    const strings = seed('ct', 2000, false)
    expect(await values('ints', 'day > 9')).toEqual(expected(ints, (v) => Number(v[4]) > 9))
    expect(await values('ints', "day > '9'")).toEqual(await values('ints', 'day > 9'))
    expect(await values('ct', "day > '9'")).toEqual(expected(strings, (v) => (v[4] as string) > '9'))
    const ten = (all: string[][]) => key(all.find((v) => v[4] === '10') as string[])
    // On an int key 10 > 9; on a string key '10' < '9'.
    expect((await values('ints', 'day > 9')).includes(ten(ints))).toBe(true)
    expect((await values('ints', 'day < 9')).includes(ten(ints))).toBe(false)
    expect((await values('ct', "day > '9'")).includes(ten(strings))).toBe(false)
    expect((await values('ct', "day < '9'")).includes(ten(strings))).toBe(true)
  })

  it('refuses an unknown column, a syntax error and an unsupported key type with InvalidInputException', async () => {
    glue.createTableDirect(DB, tableInput('odd', ['string', 'string', 'timestamp', 'boolean', 'string']))
    const send = (table: string, expression: string) =>
      client.send(new GetPartitionsCommand({ DatabaseName: DB, TableName: table, Expression: expression }))
    const invalid = (text: string) => ({
      name: 'InvalidInputException',
      message: expect.stringContaining(text)
    })
    await expect(send('ct', "eventname = 'x'")).rejects.toMatchObject(invalid('eventname'))
    await expect(send('ct', "account = '1' AND")).rejects.toMatchObject(invalid('Unsupported expression'))
    await expect(send('odd', "year = '2024'")).rejects.toMatchObject(invalid('timestamp'))
    await expect(send('odd', 'month = true')).rejects.toMatchObject(invalid('boolean'))
    await expect(send('ints', "day = 'x'")).rejects.toMatchObject(invalid('not an integer'))
  })
})

describe('GetPartitions at scale', () => {
  /** `count` partitions: 1000 accounts x 17 regions, days 0.. of January 2026. */
  function seedAtScale(count: number): void {
    const all: { Values: string[]; StorageDescriptor: { Location: string } }[] = []
    for (let i = 0; i < count; i++) {
      const values = [
        String(100000000000 + (i % 1000)),
        `r${i % 17}`,
        '2026',
        '01',
        String(Math.floor(i / 17000))
      ]
      all.push({ Values: values, StorageDescriptor: { Location: `s3://b/${values.join('/')}/` } })
    }
    glue.addPartitionsDirect(DB, 'ct', all)
  }

  // Three 1000-row pages a segment: reading more through HTTP would cost seconds and show nothing more.
  it('reads 30,000 partitions by 10 parallel segments, each exactly once', async () => {
    const count = 30_000
    seedAtScale(count)
    // A new client: seeding blocked the loop long enough for the server to drop idle sockets.
    const fresh = served.client(GlueClient)
    const segments = await Promise.all(
      Array.from({ length: 10 }, async (_, n) => {
        let seen = 0
        const paginator = paginateGetPartitions(
          { client: fresh },
          {
            DatabaseName: DB,
            TableName: 'ct',
            MaxResults: 1000,
            ExcludeColumnSchema: true,
            Segment: { SegmentNumber: n, TotalSegments: 10 }
          }
        )
        for await (const page of paginator) seen += page.Partitions?.length ?? 0
        return seen
      })
    )
    fresh.destroy()
    expect(segments.reduce((sum, seen) => sum + seen, 0)).toBe(count)
    for (const seen of segments) expect(seen).toBe(count / 10)
  })

  it('resumes a page deep in the table as fast as the first page (O(page), not O(n))', () => {
    seedAtScale(200_000)
    const call = (body: object) => {
      const answer = glue.handle('GetPartitions', {
        method: 'POST',
        url: new URL(server.endpoint),
        headers: { 'x-amz-target': 'AWSGlue.GetPartitions' },
        body: Buffer.from(JSON.stringify({ DatabaseName: DB, TableName: 'ct', ...body }))
      }) as { body: string }
      return JSON.parse(answer.body) as { NextToken?: string; Partitions: unknown[] }
    }
    let token: string | undefined
    for (
      let page = call({ MaxResults: 1000 });
      page.NextToken;
      page = call({ MaxResults: 1000, NextToken: token })
    ) {
      token = page.NextToken
    }
    const median = (body: object): number => {
      const times: number[] = []
      for (let i = 0; i < 31; i++) {
        const started = performance.now()
        expect(call(body).Partitions).toHaveLength(1)
        times.push(performance.now() - started)
      }
      return times.sort((x, y) => x - y)[15] as number
    }
    const first = median({ MaxResults: 1 })
    const deep = median({ MaxResults: 1, NextToken: token })
    // Skipping 199,000 records would take milliseconds; a binary search takes microseconds.
    expect(deep).toBeLessThan(first * 5 + 0.5)
  })
})

/**
 * Writes stand-in/models/<service>.json: the input shapes of the operations the stand-in serves,
 * cut from AWS's service models as botocore ships them (Apache-2.0), keeping what validation needs:
 * types, required members, min/max, patterns, enums, and where a REST member travels. The stand-in
 * validates every request against these (stand-in/model-validation.ts), as AWS's front end does.
 *
 *   apt-get download python3-botocore && dpkg-deb -x python3-botocore_*.deb /tmp/botocore
 *   npx tsx scripts/stand-in-models.ts /tmp/botocore/usr/lib/python3/dist-packages/botocore/data
 *
 * The npm packages were checked first: aws-sdk v2's `apis/*.min.json` and the v3 clients' schemas
 * drop min, max and pattern, so they cannot drive validation.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

interface Service {
  file: string
  out: string
  operations: string[]
}

const SERVICES: Service[] = [
  {
    file: 'glue/2017-03-31/service-2.json',
    out: 'glue.json',
    operations: [
      'CreateDatabase',
      'GetDatabase',
      'GetDatabases',
      'CreateTable',
      'GetTable',
      'UpdateTable',
      'DeleteTable',
      'GetPartition',
      'GetPartitions',
      'BatchGetPartition',
      'BatchCreatePartition',
      'BatchDeletePartition',
      'BatchUpdatePartition',
      'CreatePartitionIndex',
      'GetPartitionIndexes',
      'DeletePartitionIndex',
      'PutResourcePolicy',
      'GetResourcePolicy',
      'DeleteResourcePolicy'
    ]
  },
  {
    file: 'athena/2017-05-18/service-2.json',
    out: 'athena.json',
    operations: [
      'CreateNamedQuery',
      'GetNamedQuery',
      'ListNamedQueries',
      'BatchGetNamedQuery',
      'UpdateNamedQuery',
      'DeleteNamedQuery',
      'StartQueryExecution',
      'GetQueryExecution',
      'StopQueryExecution',
      'GetWorkGroup'
    ]
  },
  {
    file: 'sts/2011-06-15/service-2.json',
    out: 'sts.json',
    operations: ['AssumeRoleWithWebIdentity', 'GetCallerIdentity']
  },
  { file: 's3/2006-03-01/service-2.json', out: 's3.json', operations: ['ListObjectsV2'] }
]

const SHAPE_KEYS = ['type', 'required', 'min', 'max', 'pattern', 'enum', 'sensitive']
const MEMBER_KEYS = ['shape', 'location', 'locationName']

type Json = Record<string, unknown>

function pick(source: Json, keys: string[]): Json {
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]))
}

function cut(model: Json, service: Service): Json {
  const shapes = model.shapes as Record<string, Json>
  const kept: Record<string, Json> = {}
  const visit = (name: string): void => {
    if (kept[name]) return
    const shape = shapes[name] as Json
    const trimmed = pick(shape, SHAPE_KEYS)
    kept[name] = trimmed
    if (shape.members) {
      trimmed.members = Object.fromEntries(
        Object.entries(shape.members as Record<string, Json>).map(([member, ref]) => {
          visit(ref.shape as string)
          return [member, pick(ref, MEMBER_KEYS)]
        })
      )
    }
    for (const part of ['member', 'key', 'value']) {
      const ref = shape[part] as Json | undefined
      if (!ref) continue
      visit(ref.shape as string)
      trimmed[part] = pick(ref, MEMBER_KEYS)
    }
  }
  const operations = model.operations as Record<string, Json>
  const inputs: Record<string, string | null> = {}
  for (const operation of service.operations) {
    const input = operations[operation]?.input as Json | undefined
    if (operations[operation] === undefined) throw new Error(`${service.file} has no operation ${operation}`)
    inputs[operation] = input ? (input.shape as string) : null
    if (input) visit(input.shape as string)
  }
  const metadata = model.metadata as Json
  return {
    source: `botocore data ${service.file} (Debian python3-botocore 1.29.27+repack-1), Apache-2.0; cut by scripts/stand-in-models.ts`,
    protocol: metadata.protocol,
    operations: inputs,
    shapes: Object.fromEntries(Object.entries(kept).sort(([a], [b]) => a.localeCompare(b)))
  }
}

const [from] = process.argv.slice(2)
if (!from) {
  console.error('usage: tsx scripts/stand-in-models.ts <botocore data folder>')
  process.exit(2)
}
for (const service of SERVICES) {
  const model = JSON.parse(readFileSync(join(from, service.file), 'utf8')) as Json
  const out = new URL(`../stand-in/models/${service.out}`, import.meta.url)
  writeFileSync(out, `${JSON.stringify(cut(model, service), null, 1)}\n`)
  console.log(`wrote stand-in/models/${service.out}`)
}

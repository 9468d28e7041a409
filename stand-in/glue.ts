/**
 * AWS Glue Data Catalog stand-in (AWS JSON 1.1: `POST`, `X-Amz-Target: AWSGlue.<Operation>`):
 * databases, tables, partitions and partition indexes, with the limits and error shapes of the Glue
 * API model (see README.glue.md). One catalog per account: a request's `CatalogId` selects it, the
 * caller's account by default; a catalog's resource policy governs access from other accounts.
 * Database and table names are case-insensitive and stored lowercase, as Glue stores them.
 */
import { jsonErrorResponse, runJsonOperation, targetOperation } from './json-protocol.js'
import { createHash, randomUUID } from 'node:crypto'
import { columnKind, compileExpression, type ExpressionKey } from './glue-expression.js'
import { PartitionStore, type PartitionRecord } from './glue-store.js'
import {
  invalidInput,
  optionalInteger,
  optionalList,
  optionalObject,
  optionalString,
  partitionValues,
  requiredInteger,
  requiredList,
  requiredObject,
  requiredString,
  type Json
} from './glue-validation.js'
import { ADMIN_ACCOUNT } from './iam/model.js'
import { PolicyError, validatePolicy, type PolicyDocument } from './iam/policy.js'
import { Clock } from './clock.js'
import { Faults } from './knobs.js'
import { AwsError, type ServiceHandler, type StandInRequest, type StandInResponse } from './types.js'

/** The account whose catalog a call without `CatalogId` from an ambient key uses. */
export const CATALOG_ID = ADMIN_ACCOUNT
const MAX_INDEXES = 3
const FRAMEWORK = /^\d+ validation errors? detected: /
/** How long a new partition index is CREATING by default: a moment, as for a small table on AWS. */
export const DEFAULT_INDEX_ACTIVATION_MS = 1000

/**
 * Glue's own errors, for `faults.inject`: the messages of the Glue API model's exception shapes, or
 * as observed (see README.md, "Knobs").
 */
export const glueErrors = {
  operationTimeout: (): AwsError => new AwsError('OperationTimeoutException', 'The operation timed out.'),
  concurrentModification: (): AwsError =>
    new AwsError('ConcurrentModificationException', 'Update table failed due to concurrent modifications.'),
  /** IAM's wording for a call no identity-based policy allows. */
  accessDenied: (action: string, resource = `arn:aws:glue:eu-central-1:${CATALOG_ID}:catalog`): AwsError =>
    new AwsError(
      'AccessDeniedException',
      `User: arn:aws:sts::${CATALOG_ID}:assumed-role/stand-in/GitHubActions is not authorized to perform: ` +
        `${action} on resource: ${resource} because no identity-based policy allows the ${action} action`
    )
}

/** One entry of a partition index's BackfillErrors. */
export interface BackfillError {
  Code: string
  Partitions: { Values: string[] }[]
}

interface DatabaseRecord {
  catalogId: string
  input: Json
  name: string
  created: number
  tables: Map<string, TableRecord>
}

interface IndexRecord {
  name: string
  keys: ExpressionKey[]
  /** The clock's time at creation, for the CREATING -> ACTIVE (or FAILED) delay. */
  createdAt: number
  /** The backfill's errors: once built, the index is FAILED instead of ACTIVE. */
  backfillErrors?: BackfillError[]
  /** The clock's time at DeletePartitionIndex, for the DELETING delay. */
  deletingSince?: number
}

interface TableRecord {
  /** Changes when a table of the same name is created again, so old NextTokens are refused. */
  id: string
  catalogId: string
  database: string
  name: string
  input: Json
  created: number
  updated: number
  version: number
  keys: ExpressionKey[]
  indexes: Map<string, IndexRecord>
  partitions: PartitionStore
}

type Operation = (body: Json) => Json

function notFound(message: string): AwsError {
  return new AwsError('EntityNotFoundException', message)
}

function entryError(code: string, message: string): Json {
  return { ErrorCode: code, ErrorMessage: message }
}

function partitionKeysOf(input: Json): ExpressionKey[] {
  const keys = optionalList(input.PartitionKeys, 'tableInput.partitionKeys', 0, Number.MAX_SAFE_INTEGER) ?? []
  return keys.map((key, index) => {
    const column = requiredObject(key, `tableInput.partitionKeys.${index + 1}.member`)
    return {
      Name: requiredString(column.Name, `tableInput.partitionKeys.${index + 1}.member.name`),
      Type: optionalString(column.Type, `tableInput.partitionKeys.${index + 1}.member.type`, 0, 131072) ?? ''
    }
  })
}

export class GlueService implements ServiceHandler {
  readonly service = 'Glue'
  /** BatchGetPartition answers up to this many requested keys as UnprocessedKeys (always processing one). */
  unprocessedKeysPerCall = 0
  /**
   * A new partition index stays CREATING this long (stand-in time, see `clock`), then is ACTIVE (or
   * FAILED): Glue builds an index in the background, so it is never ACTIVE at once. Tests that need it
   * instant set 0; others move the clock.
   */
  indexActivationMs = DEFAULT_INDEX_ACTIVATION_MS
  /** A deleted partition index stays DELETING this long, then is gone. */
  indexDeletionMs = 0
  /** Injected errors and hooks, per operation (`Glue.GetPartitions`). */
  readonly faults = new Faults()
  /** The backfill errors of the next index created, whatever the partitions (then cleared). */
  private nextBackfillErrors: BackfillError[] | undefined
  /** Glue quota L-2C3F5401 (adjustable). */
  partitionQuotaPerTable = 10_000_000
  /** Glue quota L-FEBBFA7A (adjustable). */
  partitionQuotaPerAccount = 20_000_000

  /** Databases per catalog (account id). */
  private readonly catalogs = new Map<string, Map<string, DatabaseRecord>>()
  private readonly resourcePolicies = new Map<
    string,
    { policy: PolicyDocument; hash: string; created: number; updated: number }
  >()
  /** The catalog the current call works in (set per call; calls are synchronous). */
  private catalogId = CATALOG_ID
  private readonly operations: Record<string, Operation> = {
    CreateDatabase: (body) => this.createDatabase(body),
    GetDatabase: (body) => this.getDatabase(body),
    GetDatabases: () => this.getDatabases(),
    CreateTable: (body) => this.createTable(body),
    GetTable: (body) => this.getTable(body),
    UpdateTable: (body) => this.updateTable(body),
    DeleteTable: (body) => this.deleteTable(body),
    GetPartition: (body) => this.getPartition(body),
    GetPartitions: (body) => this.getPartitions(body),
    BatchGetPartition: (body) => this.batchGetPartition(body),
    BatchCreatePartition: (body) => this.batchCreatePartition(body),
    BatchDeletePartition: (body) => this.batchDeletePartition(body),
    BatchUpdatePartition: (body) => this.batchUpdatePartition(body),
    CreatePartitionIndex: (body) => this.createPartitionIndex(body),
    GetPartitionIndexes: (body) => this.getPartitionIndexes(body),
    DeletePartitionIndex: (body) => this.deletePartitionIndex(body),
    PutResourcePolicy: (body) => this.putResourcePolicy(body),
    GetResourcePolicy: () => this.getResourcePolicy(),
    DeleteResourcePolicy: (body) => this.deleteResourcePolicy(body)
  }

  /** @param clock the stand-in's time: index states and timestamps follow it. */
  constructor(readonly clock = new Clock()) {}

  // ---- ServiceHandler ----

  operation(request: StandInRequest): string | undefined {
    return targetOperation(request, 'AWSGlue')
  }

  handle(operation: string, request: StandInRequest): StandInResponse {
    this.faults.intercept(`Glue.${operation}`)
    const catalogId = catalogOfRequest(request) ?? request.caller?.account ?? CATALOG_ID
    try {
      return this.inCatalog(catalogId, () => runJsonOperation('Glue', this.operations, operation, request))
    } catch (error) {
      // The shared validators' framework messages ("N validation error(s) detected") are the
      // framework's, which Glue answers as ValidationException (see request-validation.ts).
      if (
        error instanceof AwsError &&
        error.code === 'InvalidInputException' &&
        FRAMEWORK.test(error.message)
      ) {
        throw new AwsError('ValidationException', error.message)
      }
      throw error
    }
  }

  errorResponse(error: AwsError): StandInResponse {
    return jsonErrorResponse(error)
  }

  throttlingError(): AwsError {
    return new AwsError('ThrottlingException', 'Rate exceeded')
  }

  internalError(): AwsError {
    return new AwsError('InternalServiceException', 'An internal service error occurred.', 500)
  }

  /** As Athena, the other AWS JSON 1.1 service here, answers it (see README.md, "STS sessions"). */
  expiredTokenError(): AwsError {
    return new AwsError('ExpiredTokenException', 'The security token included in the request is expired', 400)
  }

  // ---- state for tests (no HTTP) ----

  reset(): void {
    this.catalogs.clear()
    this.resourcePolicies.clear()
    this.unprocessedKeysPerCall = 0
    this.indexActivationMs = DEFAULT_INDEX_ACTIVATION_MS
    this.indexDeletionMs = 0
    this.faults.reset()
    this.nextBackfillErrors = undefined
    this.partitionQuotaPerTable = 10_000_000
    this.partitionQuotaPerAccount = 20_000_000
  }

  /** Runs `work` in the catalog of account `catalogId`. */
  inCatalog<T>(catalogId: string, work: () => T): T {
    const previous = this.catalogId
    this.catalogId = catalogId
    try {
      return work()
    } finally {
      this.catalogId = previous
    }
  }

  /** The account ids that have a catalog with at least one database. */
  catalogIds(): string[] {
    return [...this.catalogs].filter(([, databases]) => databases.size > 0).map(([id]) => id)
  }

  /** Sets (or with undefined removes) the catalog's resource policy; a malformed one throws a PolicyError. */
  setCatalogResourcePolicy(catalogId: string, policy: unknown): void {
    if (policy === undefined) {
      this.resourcePolicies.delete(catalogId)
      return
    }
    const document = validatePolicy(policy, 'resource')
    const now = this.clock.nowSeconds()
    const created = this.resourcePolicies.get(catalogId)?.created ?? now
    const hash = createHash('sha256').update(JSON.stringify(document)).digest('base64url').slice(0, 22)
    this.resourcePolicies.set(catalogId, { policy: document, hash, created, updated: now })
  }

  catalogResourcePolicy(catalogId: string): PolicyDocument | undefined {
    return this.resourcePolicies.get(catalogId)?.policy
  }

  /** Creates a table (and its database when missing) without HTTP, to seed state quickly. */
  createTableDirect(database: string, tableInput: object, catalogId = CATALOG_ID): void {
    this.inCatalog(catalogId, () => {
      if (!this.databases.has(database.toLowerCase()))
        this.createDatabase({ DatabaseInput: { Name: database } })
      this.createTable({ DatabaseName: database, TableInput: tableInput })
    })
  }

  /**
   * Adds partitions without HTTP (no per-call limit, but Glue's quotas); values already present are
   * skipped.
   */
  addPartitionsDirect(
    database: string,
    table: string,
    inputs: readonly object[],
    catalogId = CATALOG_ID
  ): void {
    const record = this.inCatalog(catalogId, () => this.table(database, table))
    const created = this.clock.nowSeconds()
    const entries = (inputs as Json[]).map((input) => ({
      input,
      values: partitionValues(input.Values, 'values', record.keys.length)
    }))
    // The quotas hold here too: Glue never holds more, however the partitions arrive.
    const fresh = new Set(
      entries.filter((e) => !record.partitions.get(e.values)).map((e) => e.values.join('\u0000'))
    )
    this.inCatalog(catalogId, () => this.checkPartitionQuota(record, fresh.size))
    for (const { input, values } of entries) record.partitions.add(values, input, created)
  }

  partitionValues(database: string, table: string, catalogId = CATALOG_ID): string[][] {
    return this.inCatalog(catalogId, () => this.table(database, table)).partitions.allValues()
  }

  partitionCount(database: string, table: string, catalogId = CATALOG_ID): number {
    return this.inCatalog(catalogId, () => this.table(database, table)).partitions.size
  }

  /** The partition as GetPartition answers it, or undefined. */
  getPartitionRecord(
    database: string,
    table: string,
    values: string[],
    catalogId = CATALOG_ID
  ): Json | undefined {
    const record = this.inCatalog(catalogId, () => this.table(database, table))
    const partition = record.partitions.get(values)
    return partition && partitionOf(record, partition, false)
  }

  tableInput(database: string, table: string, catalogId = CATALOG_ID): Json {
    return this.inCatalog(catalogId, () => this.table(database, table)).input
  }

  /** True when the table exists and has partition keys (what a query then needs GetPartitions for). */
  isPartitioned(database: string, table: string, catalogId = CATALOG_ID): boolean {
    return this.inCatalog(catalogId, () => this.table(database, table)).keys.length > 0
  }

  // ---- the catalog's resource policy ----

  private get databases(): Map<string, DatabaseRecord> {
    let databases = this.catalogs.get(this.catalogId)
    if (!databases) this.catalogs.set(this.catalogId, (databases = new Map()))
    return databases
  }

  private putResourcePolicy(body: Json): Json {
    const text = requiredString(body.PolicyInJson, 'policyInJson', 2, 10240)
    const current = this.resourcePolicies.get(this.catalogId)
    if (body.PolicyExistsCondition === 'MUST_EXIST' && !current) throw notFound('Policy not found.')
    if (body.PolicyExistsCondition === 'NOT_EXIST' && current) {
      throw new AwsError('ConditionCheckFailureException', 'A policy already exists.')
    }
    if (body.PolicyHashCondition !== undefined && body.PolicyHashCondition !== current?.hash) {
      throw new AwsError('ConditionCheckFailureException', 'The policy hash condition does not match.')
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw invalidInput('PolicyInJson is not valid JSON.')
    }
    try {
      this.setCatalogResourcePolicy(this.catalogId, parsed)
    } catch (error) {
      if (error instanceof PolicyError) throw invalidInput(error.message)
      throw error
    }
    return { PolicyHash: this.resourcePolicies.get(this.catalogId)?.hash }
  }

  private getResourcePolicy(): Json {
    const current = this.resourcePolicies.get(this.catalogId)
    if (!current) throw notFound('Policy not found.')
    return {
      PolicyInJson: JSON.stringify(current.policy),
      PolicyHash: current.hash,
      CreateTime: current.created,
      UpdateTime: current.updated
    }
  }

  private deleteResourcePolicy(body: Json): Json {
    const current = this.resourcePolicies.get(this.catalogId)
    if (!current) throw notFound('Policy not found.')
    if (body.PolicyHashCondition !== undefined && body.PolicyHashCondition !== current.hash) {
      throw new AwsError('ConditionCheckFailureException', 'The policy hash condition does not match.')
    }
    this.resourcePolicies.delete(this.catalogId)
    return {}
  }

  /** Someone else's UpdateTable, without HTTP: `change` edits a copy of the TableInput; the version moves on. */
  updateTableDirect(database: string, table: string, change: (input: Json) => void): void {
    const input = structuredClone(this.table(database, table).input)
    change(input)
    this.updateTable({ DatabaseName: database, TableInput: input })
  }

  /**
   * The next partition index created fails its backfill with these errors (after `indexActivationMs`),
   * whatever the partitions hold: for the codes the partitions cannot cause here, such as
   * ENCRYPTED_PARTITION_ERROR or INTERNAL_ERROR.
   */
  failNextIndexBackfill(errors: BackfillError[]): void {
    this.nextBackfillErrors = errors
  }

  // ---- databases and tables ----

  private database(name: unknown, path = 'databaseName'): DatabaseRecord {
    const key = requiredString(name, path).toLowerCase()
    const database = this.databases.get(key)
    if (!database) throw notFound(`Database ${key} not found.`)
    return database
  }

  private table(databaseName: unknown, tableName: unknown, path = 'tableName'): TableRecord {
    const key = requiredString(tableName, path).toLowerCase()
    const database = this.database(databaseName)
    const table = database.tables.get(key)
    if (!table) throw notFound(`Table ${key} not found.`)
    return table
  }

  private createDatabase(body: Json): Json {
    const input = requiredObject(body.DatabaseInput, 'databaseInput')
    const name = requiredString(input.Name, 'databaseInput.name').toLowerCase()
    if (this.databases.has(name))
      throw new AwsError('AlreadyExistsException', `Database ${name} already exists.`)
    this.databases.set(name, {
      catalogId: this.catalogId,
      input,
      name,
      created: this.clock.nowSeconds(),
      tables: new Map()
    })
    return {}
  }

  private getDatabase(body: Json): Json {
    return { Database: databaseOf(this.database(body.Name, 'name')) }
  }

  private getDatabases(): Json {
    return { DatabaseList: [...this.databases.values()].map(databaseOf) }
  }

  private createTable(body: Json): Json {
    const input = requiredObject(body.TableInput, 'tableInput')
    const name = requiredString(input.Name, 'tableInput.name').toLowerCase()
    const keys = partitionKeysOf(input)
    const indexes = optionalList(body.PartitionIndexes, 'partitionIndexes', 0, MAX_INDEXES) ?? []
    const database = this.database(body.DatabaseName)
    const table: TableRecord = {
      id: randomUUID(),
      catalogId: this.catalogId,
      database: database.name,
      name,
      input: { ...input, Name: name },
      created: this.clock.nowSeconds(),
      updated: this.clock.nowSeconds(),
      // AWS answers VersionId "0" for a new table (observed, see README.md).
      version: 0,
      keys,
      indexes: new Map(),
      partitions: new PartitionStore()
    }
    indexes.forEach((index, i) => {
      const parsed = indexOf(table, requiredObject(index, `partitionIndexes.${i + 1}.member`))
      parsed.createdAt = this.clock.now()
      if (table.indexes.has(parsed.name)) throw invalidInput(`Duplicate partition index name ${parsed.name}`)
      table.indexes.set(parsed.name, parsed)
    })
    if (database.tables.has(name))
      throw new AwsError('AlreadyExistsException', `Table ${name} already exists.`)
    database.tables.set(name, table)
    return {}
  }

  private getTable(body: Json): Json {
    return { Table: tableOf(this.table(body.DatabaseName, body.Name, 'name')) }
  }

  /**
   * Replaces the TableInput; the partition keys of an index cannot change (Glue docs). With a
   * `VersionId` ("the version ID at which to update the table contents"), a table changed since
   * that version is not overwritten: ConcurrentModificationException.
   */
  private updateTable(body: Json): Json {
    const input = requiredObject(body.TableInput, 'tableInput')
    const versionId = optionalString(body.VersionId, 'versionId', 1, 255)
    const table = this.table(body.DatabaseName, input.Name, 'tableInput.name')
    if (versionId !== undefined && versionId !== String(table.version)) {
      throw glueErrors.concurrentModification()
    }
    const keys = partitionKeysOf(input)
    for (const index of table.indexes.values()) {
      for (const key of index.keys) {
        const position = table.keys.findIndex((old) => old.Name === key.Name)
        const now = keys[position]
        if (now?.Name !== key.Name || now.Type !== key.Type) {
          throw invalidInput(
            `Partition key ${key.Name} is in partition index ${index.name}: it cannot change`
          )
        }
      }
    }
    Object.assign(table, {
      input: { ...input, Name: table.name },
      keys,
      updated: this.clock.nowSeconds(),
      version: table.version + 1
    })
    return {}
  }

  private deleteTable(body: Json): Json {
    const table = this.table(body.DatabaseName, body.Name, 'name')
    this.database(body.DatabaseName).tables.delete(table.name)
    return {}
  }

  // ---- partitions ----

  private getPartition(body: Json): Json {
    const table = this.table(body.DatabaseName, body.TableName)
    const values = partitionValues(body.PartitionValues, 'partitionValues', table.keys.length)
    const record = table.partitions.get(values)
    if (!record) throw notFound('Cannot find partition.')
    return { Partition: partitionOf(table, record, false) }
  }

  private getPartitions(body: Json): Json {
    const expression = optionalString(body.Expression, 'expression', 0, 2048) ?? ''
    const maxResults = optionalInteger(body.MaxResults, 'maxResults', 1, 1000) ?? 1000
    const segmentInput = optionalObject(body.Segment, 'segment')
    let segment = 0
    let total = 1
    if (segmentInput) {
      segment = requiredInteger(
        segmentInput.SegmentNumber,
        'segment.segmentNumber',
        0,
        Number.MAX_SAFE_INTEGER
      )
      total = requiredInteger(segmentInput.TotalSegments, 'segment.totalSegments', 1, 10)
      if (segment >= total) {
        throw invalidInput(`SegmentNumber ${segment} must be less than TotalSegments ${total}`)
      }
    }
    const token = optionalString(body.NextToken, 'nextToken', 0, Number.MAX_SAFE_INTEGER)
    const table = this.table(body.DatabaseName, body.TableName)
    const matches = expression.trim() === '' ? undefined : compileExpression(expression, table.keys)
    const fingerprint = createHash('sha256')
      .update(`${table.id}\n${segment}/${total}\n${expression}`)
      .digest('base64url')
      .slice(0, 22)
    const after = token === undefined || token === '' ? -1 : readToken(token, fingerprint)
    const exclude = body.ExcludeColumnSchema === true
    const partitions: Json[] = []
    let last: PartitionRecord | undefined
    let more = false
    for (const record of table.partitions.scan(after, segment, total)) {
      if (matches && !matches(record.values)) continue
      if (partitions.length === maxResults) {
        more = true
        break
      }
      partitions.push(partitionOf(table, record, exclude))
      last = record
    }
    const answer: Json = { Partitions: partitions }
    if (more && last) {
      answer.NextToken = Buffer.from(JSON.stringify({ after: last.seq, fingerprint })).toString('base64url')
    }
    return answer
  }

  private batchGetPartition(body: Json): Json {
    const wanted = requiredList(body.PartitionsToGet, 'partitionsToGet', 0, 1000)
    const table = this.table(body.DatabaseName, body.TableName)
    const keys = wanted.map((item, i) => {
      const path = `partitionsToGet.${i + 1}.member`
      return partitionValues(requiredObject(item, path).Values, `${path}.values`, table.keys.length)
    })
    const unprocessed = Math.min(this.unprocessedKeysPerCall, Math.max(keys.length - 1, 0))
    const processed = keys.slice(0, keys.length - unprocessed)
    const seen = new Set<number>()
    const partitions: Json[] = []
    for (const values of processed) {
      const record = table.partitions.get(values)
      if (!record || seen.has(record.seq)) continue
      seen.add(record.seq)
      partitions.push(partitionOf(table, record, false))
    }
    return {
      Partitions: partitions,
      UnprocessedKeys: keys.slice(processed.length).map((values) => ({ Values: values }))
    }
  }

  private batchCreatePartition(body: Json): Json {
    const list = requiredList(body.PartitionInputList, 'partitionInputList', 0, 100)
    const table = this.table(body.DatabaseName, body.TableName)
    const inputs = list.map((item, i) => {
      const path = `partitionInputList.${i + 1}.member`
      const input = requiredObject(item, path)
      return { input, values: partitionValues(input.Values, `${path}.values`, table.keys.length) }
    })
    const errors: Json[] = []
    const accepted: typeof inputs = []
    const batch = new Set<string>()
    for (const entry of inputs) {
      const joined = JSON.stringify(entry.values)
      const invalid = this.indexedValueError(table, entry.values)
      if (invalid) {
        errors.push({
          PartitionValues: entry.values,
          ErrorDetail: entryError('InvalidInputException', invalid)
        })
      } else if (batch.has(joined) || table.partitions.get(entry.values)) {
        errors.push({
          PartitionValues: entry.values,
          ErrorDetail: entryError('AlreadyExistsException', 'Partition already exists.')
        })
      } else {
        batch.add(joined)
        accepted.push(entry)
      }
    }
    this.checkPartitionQuota(table, accepted.length)
    const created = this.clock.nowSeconds()
    for (const entry of accepted) table.partitions.add(entry.values, entry.input, created)
    return errors.length > 0 ? { Errors: errors } : {}
  }

  private batchDeletePartition(body: Json): Json {
    const list = requiredList(body.PartitionsToDelete, 'partitionsToDelete', 0, 25)
    const table = this.table(body.DatabaseName, body.TableName)
    const keys = list.map((item, i) => {
      const path = `partitionsToDelete.${i + 1}.member`
      return partitionValues(requiredObject(item, path).Values, `${path}.values`, table.keys.length)
    })
    const errors: Json[] = []
    for (const values of keys) {
      if (!table.partitions.delete(values)) {
        errors.push({
          PartitionValues: values,
          ErrorDetail: entryError('EntityNotFoundException', 'Partition not found.')
        })
      }
    }
    return errors.length > 0 ? { Errors: errors } : {}
  }

  private batchUpdatePartition(body: Json): Json {
    const list = requiredList(body.Entries, 'entries', 1, 100)
    const table = this.table(body.DatabaseName, body.TableName)
    const entries = list.map((item, i) => {
      const path = `entries.${i + 1}.member`
      const entry = requiredObject(item, path)
      const values = partitionValues(
        entry.PartitionValueList,
        `${path}.partitionValueList`,
        table.keys.length
      )
      const input = requiredObject(entry.PartitionInput, `${path}.partitionInput`)
      const newValues =
        input.Values === undefined
          ? values
          : partitionValues(input.Values, `${path}.partitionInput.values`, table.keys.length)
      return { values, newValues, input }
    })
    const errors: Json[] = []
    const fail = (values: string[], code: string, message: string): void => {
      errors.push({ PartitionValueList: values, ErrorDetail: entryError(code, message) })
    }
    for (const { values, newValues, input } of entries) {
      const invalid = this.indexedValueError(table, newValues)
      if (!table.partitions.get(values)) fail(values, 'EntityNotFoundException', 'Partition not found.')
      else if (invalid) fail(values, 'InvalidInputException', invalid)
      else if (table.partitions.get(newValues) && JSON.stringify(newValues) !== JSON.stringify(values)) {
        fail(values, 'AlreadyExistsException', 'Partition already exists.')
      } else table.partitions.update(values, newValues, input)
    }
    return errors.length > 0 ? { Errors: errors } : {}
  }

  /**
   * Glue's partition quotas (L-2C3F5401 per table, L-FEBBFA7A per account), checked for the whole
   * call: the model lists ResourceNumberLimitExceededException among BatchCreatePartition's errors
   * (a whole-call error), not as a per-entry ErrorDetail, so a batch that would cross the quota
   * creates nothing. The wording follows Glue's for another quota ("Number of TABLE_VERSION resources
   * exceeds the limit 100000 per TABLE", aws/aws-sdk-pandas#342).
   */
  private checkPartitionQuota(table: TableRecord, adding: number): void {
    if (adding === 0) return
    if (table.partitions.size + adding > this.partitionQuotaPerTable) {
      throw new AwsError(
        'ResourceNumberLimitExceededException',
        `Number of PARTITION resources exceeds the limit ${this.partitionQuotaPerTable} per TABLE`
      )
    }
    let account = adding
    // The quota is per account: partitions of every table of this catalog's account.
    for (const database of this.databases.values()) {
      for (const other of database.tables.values()) account += other.partitions.size
    }
    if (account > this.partitionQuotaPerAccount) {
      throw new AwsError(
        'ResourceNumberLimitExceededException',
        `Number of PARTITION resources exceeds the limit ${this.partitionQuotaPerAccount} per ACCOUNT`
      )
    }
  }

  /**
   * Once a table has a partition index, Glue type-checks new values of the indexed keys and refuses
   * values with U+0000..U+0002 (Glue docs, partition indexes). Returns the reason, or undefined.
   */
  private indexedValueError(table: TableRecord, values: string[]): string | undefined {
    if (table.indexes.size === 0) return undefined
    if (values.some((value) => [...value].some((c) => c.charCodeAt(0) <= 2))) {
      return 'Partition values of a table with partition indexes cannot contain U+0000, U+0001 or U+0002.'
    }
    for (const index of table.indexes.values()) {
      for (const key of index.keys) {
        const value = values[table.keys.findIndex((k) => k.Name === key.Name)] as string
        const kind = columnKind(key.Type)
        if (kind === 'integer' && !/^[+-]?\d+$/.test(value)) {
          return `Value '${value}' of partition key ${key.Name} is not a valid ${key.Type}.`
        }
        if (kind === 'date' && !isDate(value)) {
          return `Value '${value}' of partition key ${key.Name} is not a valid date (yyyy-MM-dd).`
        }
      }
    }
    return undefined
  }

  // ---- partition indexes ----

  private createPartitionIndex(body: Json): Json {
    const table = this.table(body.DatabaseName, body.TableName)
    this.dropDeleted(table)
    const index = indexOf(table, requiredObject(body.PartitionIndex, 'partitionIndex'))
    index.createdAt = this.clock.now()
    if (table.indexes.has(index.name)) {
      throw new AwsError('AlreadyExistsException', `Partition index ${index.name} already exists.`)
    }
    if (table.indexes.size >= MAX_INDEXES) {
      throw new AwsError(
        'ResourceNumberLimitExceededException',
        `A table can have at most ${MAX_INDEXES} partition indexes.`
      )
    }
    const backfillErrors = this.nextBackfillErrors ?? backfillErrorsOf(table, index)
    this.nextBackfillErrors = undefined
    if (backfillErrors.length > 0) index.backfillErrors = backfillErrors
    table.indexes.set(index.name, index)
    return {}
  }

  private getPartitionIndexes(body: Json): Json {
    const table = this.table(body.DatabaseName, body.TableName)
    this.dropDeleted(table)
    const now = this.clock.now()
    const descriptors: Json[] = []
    for (const index of table.indexes.values()) {
      let status: string
      if (index.deletingSince !== undefined) status = 'DELETING'
      else if (now - index.createdAt < this.indexActivationMs) status = 'CREATING'
      else status = index.backfillErrors ? 'FAILED' : 'ACTIVE'
      descriptors.push({
        IndexName: index.name,
        Keys: index.keys,
        IndexStatus: status,
        ...(status === 'FAILED' ? { BackfillErrors: index.backfillErrors } : {})
      })
    }
    return { PartitionIndexDescriptorList: descriptors }
  }

  /** Forgets the indexes whose deletion has finished. */
  private dropDeleted(table: TableRecord): void {
    const now = this.clock.now()
    for (const index of [...table.indexes.values()]) {
      if (index.deletingSince !== undefined && now - index.deletingSince >= this.indexDeletionMs) {
        table.indexes.delete(index.name)
      }
    }
  }

  /** The index is DELETING for `indexDeletionMs`, then gone; its name stays taken meanwhile. */
  private deletePartitionIndex(body: Json): Json {
    const table = this.table(body.DatabaseName, body.TableName)
    const name = requiredString(body.IndexName, 'indexName')
    const index = table.indexes.get(name)
    if (!index || index.deletingSince !== undefined) throw notFound(`Partition index ${name} not found.`)
    if (this.indexDeletionMs > 0) index.deletingSince = this.clock.now()
    else table.indexes.delete(name)
    return {}
  }
}

/**
 * What Glue's backfill of a new index meets in the partitions already there (Glue docs, partition
 * indexes): a value that is not of the indexed key's type (INVALID_PARTITION_TYPE_DATA_ERROR), or
 * one with U+0000..U+0002 (UNSUPPORTED_PARTITION_CHARACTER_ERROR). Each code lists its partitions.
 */
function backfillErrorsOf(table: TableRecord, index: IndexRecord): BackfillError[] {
  const byCode = new Map<string, { Values: string[] }[]>()
  const positions = index.keys.map((key) => table.keys.findIndex((k) => k.Name === key.Name))
  for (const record of table.partitions.scan(-1, 0, 1)) {
    const values = record.values
    let code: string | undefined
    index.keys.forEach((key, i) => {
      const value = values[positions[i] as number] as string
      if ([...value].some((c) => c.charCodeAt(0) <= 2)) code ??= 'UNSUPPORTED_PARTITION_CHARACTER_ERROR'
      const kind = columnKind(key.Type)
      if ((kind === 'integer' && !/^[+-]?\d+$/.test(value)) || (kind === 'date' && !isDate(value))) {
        code ??= 'INVALID_PARTITION_TYPE_DATA_ERROR'
      }
    })
    if (code) byCode.set(code, [...(byCode.get(code) ?? []), { Values: values }])
  }
  return [...byCode].map(([Code, Partitions]) => ({ Code, Partitions }))
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  return new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
}

/** Validates a PartitionIndex against the table: keys are distinct partition keys of indexable types. */
function indexOf(table: TableRecord, input: Json): IndexRecord {
  const name = requiredString(input.IndexName, 'partitionIndex.indexName')
  const names = requiredList(input.Keys, 'partitionIndex.keys', 1, Number.MAX_SAFE_INTEGER)
  const keys = names.map((keyName, i) => {
    const text = requiredString(keyName, `partitionIndex.keys.${i + 1}.member`)
    const key = table.keys.find((candidate) => candidate.Name.toLowerCase() === text.toLowerCase())
    if (!key) throw invalidInput(`Partition index key ${text} is not a partition key of the table.`)
    if (!columnKind(key.Type)) {
      throw invalidInput(
        `Partition index key ${key.Name} has type ${key.Type}; indexes support string, char, varchar, int, bigint, long, tinyint, smallint and date.`
      )
    }
    return key
  })
  if (new Set(keys).size !== keys.length) throw invalidInput('Partition index keys must be distinct.')
  return { name, keys, createdAt: 0 }
}

function readToken(token: string, fingerprint: string): number {
  let decoded: unknown
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
  } catch {
    throw invalidInput('Invalid NextToken.')
  }
  const { after, fingerprint: owner } = (decoded ?? {}) as { after?: unknown; fingerprint?: unknown }
  if (typeof after !== 'number' || owner !== fingerprint) {
    throw invalidInput('Invalid NextToken: it does not belong to this table, segment and expression.')
  }
  return after
}

function databaseOf(database: DatabaseRecord): Json {
  return {
    ...database.input,
    Name: database.name,
    CreateTime: database.created,
    CatalogId: database.catalogId
  }
}

function tableOf(table: TableRecord): Json {
  return {
    PartitionKeys: [],
    ...table.input,
    DatabaseName: table.database,
    CreateTime: table.created,
    UpdateTime: table.updated,
    IsRegisteredWithLakeFormation: false,
    CatalogId: table.catalogId,
    VersionId: String(table.version)
  }
}

function partitionOf(table: TableRecord, record: PartitionRecord, excludeColumns: boolean): Json {
  const { rest, descriptor, lean } = record.shape
  const partition: Json = {
    Values: record.values,
    DatabaseName: table.database,
    TableName: table.name,
    CatalogId: table.catalogId,
    CreationTime: record.created,
    ...rest
  }
  const shared = excludeColumns ? lean : descriptor
  if (shared || record.location !== undefined)
    partition.StorageDescriptor = { ...shared, Location: record.location }
  return partition
}

/** The request's `CatalogId` (or the account of GetResourcePolicy's `ResourceArn`), read without failing. */
export function catalogOfRequest(request: StandInRequest): string | undefined {
  try {
    const body = JSON.parse(request.body.toString('utf8') || '{}') as Json
    if (typeof body.CatalogId === 'string' && body.CatalogId !== '') return body.CatalogId
    if (typeof body.ResourceArn === 'string') return body.ResourceArn.split(':')[4]
  } catch {
    // The operation itself answers a body that is not JSON.
  }
  return undefined
}

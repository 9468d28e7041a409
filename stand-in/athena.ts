/**
 * Amazon Athena stand-in (AWS JSON 1.1: `POST`, `X-Amz-Target: AmazonAthena.<Operation>`): named
 * queries, workgroups (result location, enforcement, per-query cutoff), Glue data catalogs of other
 * accounts registered as Athena data catalogs, and query executions good enough for `EXPLAIN <query>`
 * (syntax and table checks against the Glue stand-in's catalog of the query's catalog). Limits and
 * error shapes follow the Athena API model and measurements of real Athena; see README.md for each
 * rule, its source and its test.
 */
import { jsonErrorResponse, runJsonOperation, targetOperation } from './json-protocol.js'
import { createHash, randomUUID } from 'node:crypto'
// The Trino dialect only: dt-sql-parser's index loads all eight dialects' grammars.
import { TrinoSQL } from 'dt-sql-parser/dist/parser/trino/index.js'
import { TrinoSqlListener } from 'dt-sql-parser/dist/lib/trino/TrinoSqlListener.js'
import { EntityContextType } from 'dt-sql-parser/dist/parser/common/types.js'
import type { CommonEntityContext } from 'dt-sql-parser/dist/parser/common/entityCollector.js'
import { CATALOG_ID, type GlueService } from './glue.js'
import { denialMessage, type QueryAccess } from './iam/authorize.js'
import type { Caller } from './iam/model.js'
import {
  constraintError,
  optionalInteger,
  optionalObject,
  optionalString,
  requiredList,
  requiredString,
  type Json
} from './glue-validation.js'
import type { Knobs, ThrottleSetting } from './knobs.js'
import { AwsError, type ServiceHandler, type StandInRequest, type StandInResponse } from './types.js'

const MAX_QUERY_BYTES = 262_144
const WORKGROUP_PATTERN = /^[a-zA-Z0-9._-]{1,128}$/
const DEFAULT_CATALOG = 'awsdatacatalog'
/** Model `BytesScannedCutoffValue`: a long of at least 10,000,000 (aws-sdk-js-v3 `athena.json`). */
const MIN_BYTES_SCANNED_CUTOFF = 10_000_000
/** CreateDataCatalog `Name`: "a maximum of 127 alphanumeric, underscore, at sign, or hyphen characters". */
const DATA_CATALOG_NAME = /^[A-Za-z0-9_@-]{1,127}$/
/** What a data catalog of another account's Glue catalog needs: `catalog-id=<account>` (API reference). */
const ACCOUNT_ID = /^\d{12}$/
/** dt-sql-parser's TableDeclareType.LITERAL (a named table, not a subquery or UNNEST); not exported. */
const LITERAL_TABLE = 0

/**
 * Athena's per-account API rate quotas (calls per second, burst), from the Athena user guide's
 * service-limits page as cited in limits.md. UpdateNamedQuery is not listed there, so not throttled.
 */
export const DOCUMENTED_RATE_QUOTAS: Readonly<Record<string, ThrottleSetting>> = {
  'Athena.BatchGetNamedQuery': { ratePerSecond: 5, burst: 10 },
  'Athena.ListNamedQueries': { ratePerSecond: 5, burst: 10 },
  'Athena.ListQueryExecutions': { ratePerSecond: 5, burst: 10 },
  'Athena.CreateNamedQuery': { ratePerSecond: 5, burst: 20 },
  'Athena.DeleteNamedQuery': { ratePerSecond: 5, burst: 20 },
  'Athena.GetNamedQuery': { ratePerSecond: 5, burst: 20 },
  'Athena.StartQueryExecution': { ratePerSecond: 20, burst: 80 },
  'Athena.StopQueryExecution': { ratePerSecond: 20, burst: 80 },
  'Athena.GetQueryExecution': { ratePerSecond: 100, burst: 200 },
  'Athena.GetQueryResults': { ratePerSecond: 100, burst: 200 }
}

/** Sets a token bucket per Athena operation as AWS documents its rate quotas. */
export function enforceDocumentedRateQuotas(knobs: Knobs): void {
  for (const [operation, setting] of Object.entries(DOCUMENTED_RATE_QUOTAS)) {
    knobs.setThrottle(operation, setting)
  }
}

/** What the stand-in keeps of a workgroup's configuration. */
export interface WorkGroupSettings {
  /** ResultConfiguration.OutputLocation; real `primary` has none until someone sets it. */
  outputLocation?: string
  /**
   * EnforceWorkGroupConfiguration: the workgroup's settings are used and the request's result
   * configuration is ignored ("Workgroup settings override client-side settings").
   */
  enforce?: boolean
  /** BytesScannedCutoffPerQuery: at least 10,000,000. The stand-in's queries scan nothing. */
  bytesScannedCutoffPerQuery?: number
  description?: string
}

/** A Glue data catalog registered in Athena (CreateDataCatalog, type GLUE). */
export interface DataCatalog {
  name: string
  /** The account of the Glue catalog (`Parameters['catalog-id']`). */
  catalogId: string
  description?: string
}

/** Where query results are written: the S3 stand-in, when wired. */
export interface OutputBuckets {
  hasBucket(name: string): boolean
  /** Writes the result object (the stand-in's S3 has it; a test double may not). */
  putObject?(bucket: string, key: string, body: string, contentType?: string): void
}

/** Athena's words (observed, see README.md "Athena"). */
const NO_OUTPUT_LOCATION =
  'No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.'

export interface NamedQuery {
  NamedQueryId: string
  Name: string
  Description?: string
  Database: string
  QueryString: string
  WorkGroup: string
}

type Outcome =
  { state: 'SUCCEEDED' } | { state: 'FAILED'; reason: string; errorType?: number } | { state: 'CANCELLED' }

interface QueryExecution {
  id: string
  query: string
  context: Json | undefined
  workGroup: string
  outputLocation: string
  submitted: number
  completed?: number
  /** GetQueryExecution calls answered so far: they drive QUEUED -> RUNNING -> final. */
  polls: number
  /** With `queryRunTimeMs` set: when (`performance.now()`) the query finishes; it is RUNNING until then. */
  finishesAt?: number
  outcome: Outcome
}

interface TokenRecord {
  id: string
  fingerprint: string
}

type Operation = (body: Json) => Json

function invalidRequest(message: string, athenaErrorCode = 'INVALID_INPUT'): AwsError {
  // Real Athena sends the code twice: `AthenaErrorCode` (modeled) and `ErrorCode` (measured).
  return new AwsError('InvalidRequestException', message, 400, {
    AthenaErrorCode: athenaErrorCode,
    ErrorCode: athenaErrorCode
  })
}

/** The model's length is in characters; Athena also caps some strings in UTF-8 bytes. */
function checkBytes(value: string | undefined, path: string, max: number): void {
  if (value !== undefined && Buffer.byteLength(value, 'utf8') > max) {
    throw invalidRequest(`${path} exceeds maximum allowed length ${max}`)
  }
}

function queryString(value: unknown): string {
  const text = requiredString(value, 'queryString', 1, MAX_QUERY_BYTES)
  checkBytes(text, 'queryString', MAX_QUERY_BYTES)
  return text
}

function clientRequestToken(value: unknown): string | undefined {
  const token = optionalString(value, 'clientRequestToken', 32, 128)
  checkBytes(token, 'clientRequestToken', 128)
  return token
}

function workGroupName(value: unknown): string {
  const name = optionalString(value, 'workGroup', 0, Number.MAX_SAFE_INTEGER) ?? 'primary'
  if (!WORKGROUP_PATTERN.test(name)) {
    throw constraintError('workGroup', 'satisfy regular expression pattern: [a-zA-Z0-9._-]{1,128}', name)
  }
  return name
}

function namedQueryId(value: unknown, path = 'namedQueryId'): string {
  return requiredString(value, path, 1, 128)
}

function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url')
}

export class AthenaService implements ServiceHandler {
  readonly service = 'Athena'
  /** GetQueryExecution answers QUEUED for this many polls, then RUNNING for as many, then the outcome. */
  pollsPerState = 1
  /** BatchGetNamedQuery answers up to this many known ids as UnprocessedNamedQueryIds (stand-in knob). */
  unprocessedIdsPerCall = 0
  /**
   * Set: a query runs for a wall-clock time drawn between `min` and `max` ms (RUNNING until then),
   * as an EXPLAIN takes a second or two on Athena; `pollsPerState` then does not apply.
   */
  queryRunTimeMs: { min: number; max: number } | undefined
  /** Every QueryString that StartQueryExecution received, refused ones included, in order (for tests). */
  readonly receivedQueries: string[] = []

  /**
   * Set when IAM is on: a query reads Glue and writes its result as its caller, so a role without
   * those rights gets a query that fails (or, for the output bucket, a refused call) as on AWS.
   */
  queryAccess: QueryAccess | undefined
  /** Who makes the current call (calls are synchronous): the catalog and rights a query uses. */
  private caller: Caller | undefined
  private readonly workGroups = new Map<string, WorkGroupSettings>([['primary', {}]])
  /** Registered data catalogs by lowercase name (SQL names them case-insensitively). */
  private readonly dataCatalogs = new Map<string, DataCatalog>()
  private readonly queries = new Map<string, NamedQuery>()
  /** Creation order of each named query, for NextTokens that survive deletes between pages. */
  private readonly sequence = new Map<string, number>()
  private nextSequence = 0
  private readonly executions = new Map<string, QueryExecution>()
  private readonly createTokens = new Map<string, TokenRecord>()
  private readonly startTokens = new Map<string, TokenRecord>()
  private readonly parser = new TrinoSQL()
  private readonly operations: Record<string, Operation> = {
    CreateNamedQuery: (body) => this.createNamedQuery(body),
    GetNamedQuery: (body) => this.getNamedQuery(body),
    ListNamedQueries: (body) => this.listNamedQueries(body),
    BatchGetNamedQuery: (body) => this.batchGetNamedQuery(body),
    UpdateNamedQuery: (body) => this.updateNamedQuery(body),
    DeleteNamedQuery: (body) => this.deleteNamedQuery(body),
    StartQueryExecution: (body) => this.startQueryExecution(body),
    GetQueryExecution: (body) => this.getQueryExecution(body),
    StopQueryExecution: (body) => this.stopQueryExecution(body),
    CreateWorkGroup: (body) => this.createWorkGroup(body),
    GetWorkGroup: (body) => this.getWorkGroup(body),
    CreateDataCatalog: (body) => this.createDataCatalog(body),
    GetDataCatalog: (body) => this.getDataCatalog(body)
  }

  /**
   * @param glue the catalog that queries are checked against; without it every table exists.
   * @param outputBuckets the buckets results may go to; without it every bucket exists.
   */
  constructor(
    private readonly glue?: GlueService,
    private readonly outputBuckets?: OutputBuckets
  ) {}

  // ---- ServiceHandler ----

  operation(request: StandInRequest): string | undefined {
    return targetOperation(request, 'AmazonAthena')
  }

  handle(operation: string, request: StandInRequest): StandInResponse {
    this.caller = request.caller
    try {
      // Real Athena answers unknown operations and bad bodies without a Message (measured); the stand-in says why.
      return runJsonOperation(
        'Athena',
        this.operations,
        operation,
        request,
        'Start of list found where not expected'
      )
    } catch (error) {
      // The shared validators speak Glue; Athena answers the same messages as InvalidRequestException.
      if (error instanceof AwsError && error.code === 'InvalidInputException') {
        throw invalidRequest(error.message)
      }
      throw error
    } finally {
      this.caller = undefined
    }
  }

  errorResponse(error: AwsError): StandInResponse {
    return jsonErrorResponse(error)
  }

  throttlingError(): AwsError {
    return new AwsError('ThrottlingException', 'Rate exceeded')
  }

  internalError(): AwsError {
    return new AwsError('InternalServerException', 'An internal error occurred.', 500)
  }

  // ---- state for tests (no HTTP) ----

  reset(): void {
    this.workGroups.clear()
    this.workGroups.set('primary', {})
    this.dataCatalogs.clear()
    this.queries.clear()
    this.sequence.clear()
    this.executions.clear()
    this.createTokens.clear()
    this.startTokens.clear()
    this.pollsPerState = 1
    this.unprocessedIdsPerCall = 0
    this.queryRunTimeMs = undefined
    this.receivedQueries.length = 0
  }

  /** The workgroup a named query is in ('primary' for an unknown id), for its ARN. */
  workGroupOfNamedQuery(id: string): string {
    return this.queries.get(id)?.WorkGroup ?? 'primary'
  }

  /** The workgroup a query execution ran in ('primary' for an unknown id), for its ARN. */
  workGroupOfExecution(id: string): string {
    return this.executions.get(id)?.workGroup ?? 'primary'
  }

  /** Adds a workgroup, or sets the configuration of one (`primary` included). */
  addWorkGroup(name: string, settings: WorkGroupSettings = {}): void {
    this.workGroups.set(name, { ...settings })
  }

  /** The workgroup's configuration, or undefined when there is none of that name. */
  workGroup(name: string): WorkGroupSettings | undefined {
    const settings = this.workGroups.get(name)
    return settings && { ...settings }
  }

  /** Registers another account's Glue catalog as an Athena data catalog, without HTTP. */
  addDataCatalog(name: string, catalogId: string): void {
    this.dataCatalogs.set(name.toLowerCase(), { name, catalogId })
  }

  /** The registered data catalog of this name (case-insensitive), if any. */
  dataCatalog(name: string): DataCatalog | undefined {
    return this.dataCatalogs.get(name.toLowerCase())
  }

  /** The named queries (of one workgroup, when given), in creation order. */
  namedQueries(workGroup?: string): NamedQuery[] {
    return [...this.queries.values()]
      .filter((query) => workGroup === undefined || query.WorkGroup === workGroup)
      .map((query) => ({ ...query }))
  }

  /** Creates a named query without HTTP (no limits checked); returns its id. */
  createNamedQueryDirect(
    query: Omit<NamedQuery, 'NamedQueryId' | 'WorkGroup'> & { WorkGroup?: string }
  ): string {
    return this.store({ ...query, WorkGroup: query.WorkGroup ?? 'primary', NamedQueryId: randomUUID() })
  }

  // ---- named queries ----

  private store(query: NamedQuery): string {
    this.queries.set(query.NamedQueryId, query)
    this.sequence.set(query.NamedQueryId, this.nextSequence++)
    return query.NamedQueryId
  }

  private existingWorkGroup(value: unknown): string {
    const name = workGroupName(value)
    // Message and code measured on real Athena (athena-local's measurements, see README.athena.md).
    if (!this.workGroups.has(name)) throw invalidRequest('WorkGroup is not found.')
    return name
  }

  private namedQuery(id: string): NamedQuery {
    const query = this.queries.get(id)
    // UNVERIFIED message; the code NAMED_QUERY_NOT_FOUND is a secondary source (see README.athena.md).
    if (!query) throw invalidRequest(`NamedQuery ${id} was not found`, 'NAMED_QUERY_NOT_FOUND')
    return query
  }

  private createNamedQuery(body: Json): Json {
    const input = {
      Name: requiredString(body.Name, 'name', 1, 128),
      Description: optionalString(body.Description, 'description', 1, 1024),
      Database: requiredString(body.Database, 'database', 1, 255),
      QueryString: queryString(body.QueryString)
    }
    const token = clientRequestToken(body.ClientRequestToken)
    const workGroup = this.existingWorkGroup(body.WorkGroup)
    const print = fingerprint({ ...input, workGroup })
    const earlier = token === undefined ? undefined : this.createTokens.get(token)
    if (earlier) {
      if (earlier.fingerprint !== print) {
        throw invalidRequest('Idempotent parameters do not match', 'IDEMPOTENT_PARAMETER_MISMATCH')
      }
      return { NamedQueryId: earlier.id }
    }
    const id = randomUUID()
    const query: NamedQuery = { NamedQueryId: id, ...input, WorkGroup: workGroup }
    if (input.Description === undefined) delete query.Description
    this.store(query)
    if (token !== undefined) this.createTokens.set(token, { id, fingerprint: print })
    return { NamedQueryId: id }
  }

  private getNamedQuery(body: Json): Json {
    return { NamedQuery: { ...this.namedQuery(namedQueryId(body.NamedQueryId)) } }
  }

  private listNamedQueries(body: Json): Json {
    // MaxResults 0 is inside the model's range; the stand-in answers it like an omitted one.
    const max = optionalInteger(body.MaxResults, 'maxResults', 0, 50) || 50
    const token = optionalString(body.NextToken, 'nextToken', 1, 1024)
    const workGroup = this.existingWorkGroup(body.WorkGroup)
    let after = -1
    if (token !== undefined) {
      const read = readToken(token, workGroup)
      // UNVERIFIED message: the stand-in's own, for a token it did not issue for this workgroup.
      if (read === undefined) throw invalidRequest('Invalid NextToken.')
      after = read
    }
    const ids = this.namedQueries(workGroup)
      .map((query) => query.NamedQueryId)
      .filter((id) => (this.sequence.get(id) as number) > after)
    const page = ids.slice(0, max)
    const answer: Json = { NamedQueryIds: page }
    if (ids.length > max) {
      answer.NextToken = writeToken(this.sequence.get(page[page.length - 1] as string) as number, workGroup)
    }
    return answer
  }

  private batchGetNamedQuery(body: Json): Json {
    const ids = requiredList(body.NamedQueryIds, 'namedQueryIds', 1, 50).map((id, i) =>
      namedQueryId(id, `namedQueryIds.${i + 1}.member`)
    )
    const found: NamedQuery[] = []
    const unprocessed: Json[] = []
    // Like Glue's knob: always answers at least one id, so a client that retries makes progress.
    let hold = Math.min(this.unprocessedIdsPerCall, ids.length - 1)
    for (const id of ids) {
      const query = this.queries.get(id)
      if (query && hold > 0) {
        hold -= 1
        unprocessed.push({ NamedQueryId: id, ErrorCode: 'INTERNAL_FAILURE', ErrorMessage: 'Try again.' })
      } else if (query) found.push({ ...query })
      // UNVERIFIED ErrorCode/ErrorMessage for an unknown id; the model only says it goes here.
      else
        unprocessed.push({
          NamedQueryId: id,
          ErrorCode: 'INVALID_INPUT',
          ErrorMessage: 'NamedQuery not found'
        })
    }
    return { NamedQueries: found, UnprocessedNamedQueryIds: unprocessed }
  }

  private updateNamedQuery(body: Json): Json {
    const id = namedQueryId(body.NamedQueryId)
    const update = {
      Name: requiredString(body.Name, 'name', 1, 128),
      Description: optionalString(body.Description, 'description', 0, 1024),
      QueryString: queryString(body.QueryString)
    }
    const query = this.namedQuery(id)
    query.Name = update.Name
    query.QueryString = update.QueryString
    if (update.Description === undefined) delete query.Description
    else query.Description = update.Description
    return {}
  }

  private deleteNamedQuery(body: Json): Json {
    const id = namedQueryId(body.NamedQueryId)
    this.namedQuery(id)
    this.queries.delete(id)
    this.sequence.delete(id)
    return {}
  }

  // ---- workgroups and data catalogs ----

  private createWorkGroup(body: Json): Json {
    const name = requiredString(body.Name, 'name', 1, 128)
    if (!WORKGROUP_PATTERN.test(name)) {
      throw constraintError('name', 'satisfy regular expression pattern: [a-zA-Z0-9._-]{1,128}', name)
    }
    const description = optionalString(body.Description, 'description', 0, 1024)
    const configuration = optionalObject(body.Configuration, 'configuration') ?? {}
    const result = optionalObject(configuration.ResultConfiguration, 'configuration.resultConfiguration')
    const outputLocation = optionalString(
      result?.OutputLocation,
      'configuration.resultConfiguration.outputLocation',
      0,
      1024
    )
    const enforce = optionalBoolean(
      configuration.EnforceWorkGroupConfiguration,
      'configuration.enforceWorkGroupConfiguration'
    )
    const cutoff = optionalInteger(
      configuration.BytesScannedCutoffPerQuery,
      'configuration.bytesScannedCutoffPerQuery',
      MIN_BYTES_SCANNED_CUTOFF,
      Number.MAX_SAFE_INTEGER
    )
    // UNVERIFIED message: the stand-in's own for a name that is taken.
    if (this.workGroups.has(name)) throw invalidRequest(`WorkGroup ${name} is already created`)
    const settings: WorkGroupSettings = {}
    if (outputLocation !== undefined) settings.outputLocation = outputLocation
    if (enforce !== undefined) settings.enforce = enforce
    if (cutoff !== undefined) settings.bytesScannedCutoffPerQuery = cutoff
    if (description !== undefined) settings.description = description
    this.workGroups.set(name, settings)
    return {}
  }

  private getWorkGroup(body: Json): Json {
    const name = this.existingWorkGroup(requiredString(body.WorkGroup, 'workGroup', 1, 128))
    const settings = this.workGroups.get(name) ?? {}
    const configuration: Json = {
      EnforceWorkGroupConfiguration: settings.enforce ?? false,
      PublishCloudWatchMetricsEnabled: false,
      RequesterPaysEnabled: false,
      EngineVersion: { SelectedEngineVersion: 'AUTO', EffectiveEngineVersion: 'Athena engine version 3' }
    }
    if (settings.outputLocation !== undefined) {
      configuration.ResultConfiguration = { OutputLocation: settings.outputLocation }
    }
    if (settings.bytesScannedCutoffPerQuery !== undefined) {
      configuration.BytesScannedCutoffPerQuery = settings.bytesScannedCutoffPerQuery
    }
    return {
      WorkGroup: {
        Name: name,
        State: 'ENABLED',
        Configuration: configuration,
        ...(settings.description !== undefined ? { Description: settings.description } : {})
      }
    }
  }

  /** Only type GLUE with `catalog-id` is modelled (another account's Glue catalog); others are refused. */
  private createDataCatalog(body: Json): Json {
    const name = requiredString(body.Name, 'name', 1, 256)
    const type = requiredString(body.Type, 'type', 1, 64)
    const description = optionalString(body.Description, 'description', 1, 1024)
    const parameters = optionalObject(body.Parameters, 'parameters') ?? {}
    if (!DATA_CATALOG_NAME.test(name)) {
      // UNVERIFIED message; the rule is the API reference's for Name.
      throw invalidRequest(
        `Invalid catalog name ${name}: at most 127 alphanumeric, underscore, at sign, or hyphen characters`
      )
    }
    if (type !== 'GLUE') throw invalidRequest(`The stand-in registers GLUE data catalogs only, not ${type}`)
    const catalogId = parameters['catalog-id']
    if (typeof catalogId !== 'string' || !ACCOUNT_ID.test(catalogId)) {
      throw invalidRequest('A GLUE data catalog needs the parameter catalog-id=<12-digit account id>')
    }
    if (name.toLowerCase() === DEFAULT_CATALOG || this.dataCatalogs.has(name.toLowerCase())) {
      throw invalidRequest(`DataCatalog ${name} already exists`)
    }
    const catalog: DataCatalog = { name, catalogId }
    if (description !== undefined) catalog.description = description
    this.dataCatalogs.set(name.toLowerCase(), catalog)
    return {}
  }

  private getDataCatalog(body: Json): Json {
    const name = requiredString(body.Name, 'name', 1, 256)
    if (name.toLowerCase() === DEFAULT_CATALOG) {
      return {
        DataCatalog: {
          Name: 'AwsDataCatalog',
          Type: 'GLUE',
          Parameters: { 'catalog-id': this.caller?.account ?? CATALOG_ID }
        }
      }
    }
    const catalog = this.dataCatalogs.get(name.toLowerCase())
    // UNVERIFIED message and code.
    if (!catalog) throw invalidRequest(`DataCatalog ${name} was not found`)
    return {
      DataCatalog: {
        Name: catalog.name,
        Type: 'GLUE',
        Parameters: { 'catalog-id': catalog.catalogId },
        ...(catalog.description !== undefined ? { Description: catalog.description } : {})
      }
    }
  }

  // ---- query executions ----

  private startQueryExecution(body: Json): Json {
    if (typeof body.QueryString === 'string') this.receivedQueries.push(body.QueryString)
    const query = queryString(body.QueryString)
    // SDKs always send a token; real Athena refuses a call without one (measured).
    const token = clientRequestToken(body.ClientRequestToken)
    if (token === undefined) throw invalidRequest('clientRequestToken is null or empty')
    const contextInput = optionalObject(body.QueryExecutionContext, 'queryExecutionContext')
    const context = contextInput && {
      Database: optionalString(contextInput.Database, 'queryExecutionContext.database', 1, 255),
      Catalog: optionalString(contextInput.Catalog, 'queryExecutionContext.catalog', 1, 256)
    }
    const workGroup = this.existingWorkGroup(body.WorkGroup)
    const outputLocation = this.outputLocation(workGroup, body.ResultConfiguration)
    // A syntax error is refused here, before the token is used (measured); nothing runs.
    const syntaxError = this.syntaxError(query)
    if (syntaxError) throw invalidRequest(syntaxError, 'MALFORMED_QUERY')
    // WorkGroup and ExecutionParameters are not part of the idempotency check (measured).
    const print = fingerprint({
      query,
      context,
      output: optionalObject(body.ResultConfiguration, 'resultConfiguration')
    })
    const earlier = this.startTokens.get(token)
    if (earlier) {
      if (earlier.fingerprint !== print) {
        throw invalidRequest('Idempotent parameters do not match', 'IDEMPOTENT_PARAMETER_MISMATCH')
      }
      return { QueryExecutionId: earlier.id }
    }
    const id = randomUUID()
    // The effective location (the request's or the workgroup's) is where the caller must write.
    const output = outputOf(outputLocation, id, resultExtension(query))
    // Athena checks the output bucket before it accepts the query (s3:GetBucketLocation).
    if (
      output &&
      this.queryAccess?.writeResult(this.caller, output.bucket, output.key, 's3:GetBucketLocation')
    ) {
      throw invalidRequest(`Unable to verify/create output bucket ${output.bucket}`)
    }
    let outcome = this.run(query, context?.Database, context?.Catalog)
    if (
      outcome.state === 'SUCCEEDED' &&
      output &&
      this.queryAccess?.writeResult(this.caller, output.bucket, output.key, 's3:PutObject')
    ) {
      outcome = failed(
        `Access denied when writing output to url: s3://${output.bucket}/${output.key} . Please ensure you are allowed to access the S3 bucket. If you are encrypting query results with KMS key, please ensure you are allowed to access your KMS key`
      )
    } else if (outcome.state === 'SUCCEEDED' && output) {
      // Written as the caller (checked above): the plan of an EXPLAIN, as text.
      this.outputBuckets?.putObject?.(output.bucket, output.key, `Query Plan\n${query}\n`, 'text/plain')
    }
    this.executions.set(id, {
      id,
      query,
      context: context && stripUndefined(context),
      workGroup,
      outputLocation: output ? `s3://${output.bucket}/${output.key}` : outputLocation,
      submitted: Date.now() / 1000,
      polls: 0,
      outcome,
      ...(this.queryRunTimeMs ? { finishesAt: performance.now() + runTime(this.queryRunTimeMs) } : {})
    })
    this.startTokens.set(token, { id, fingerprint: print })
    return { QueryExecutionId: id }
  }

  /**
   * The request's OutputLocation, else the workgroup's. A workgroup that enforces its configuration
   * uses its own and ignores the request's ("your queries run, but use the workgroup's settings",
   * Athena user guide, "Workgroup settings override client-side settings"). Neither: refused. A
   * bucket the S3 stand-in lacks: refused as Athena refuses it.
   */
  private outputLocation(workGroup: string, resultConfiguration: unknown): string {
    const requested = optionalString(
      optionalObject(resultConfiguration, 'resultConfiguration')?.OutputLocation,
      'resultConfiguration.outputLocation',
      0,
      1024
    )
    const settings = this.workGroups.get(workGroup) ?? {}
    const location = settings.enforce ? settings.outputLocation : requested || settings.outputLocation
    if (!location) throw invalidRequest(NO_OUTPUT_LOCATION)
    const bucket = /^s3:\/\/([^/]+)/.exec(location)?.[1]
    if (!bucket || (this.outputBuckets && !this.outputBuckets.hasBucket(bucket))) {
      throw invalidRequest(`Unable to verify/create output bucket ${bucket ?? location}`)
    }
    return location
  }

  private execution(value: unknown): QueryExecution {
    const id = requiredString(value, 'queryExecutionId', 1, 128)
    const execution = this.executions.get(id)
    // Code and message as athena-local answers them after measuring real Athena (secondary source).
    if (!execution) throw invalidRequest(`QueryExecution ${id} was not found`, 'QUERY_EXECUTION_NOT_FOUND')
    return execution
  }

  private getQueryExecution(body: Json): Json {
    const execution = this.execution(body.QueryExecutionId)
    const poll = execution.polls
    execution.polls += 1
    const cancelled = execution.outcome.state === 'CANCELLED'
    const running =
      execution.finishesAt !== undefined
        ? performance.now() < execution.finishesAt && 'RUNNING'
        : (poll < this.pollsPerState && 'QUEUED') || (poll < 2 * this.pollsPerState && 'RUNNING')
    let status: Json
    if (!cancelled && running) status = { State: running }
    else {
      execution.completed ??= Date.now() / 1000
      status = { State: execution.outcome.state, CompletionDateTime: execution.completed }
      if (execution.outcome.state === 'FAILED') {
        const { reason, errorType } = execution.outcome
        status.StateChangeReason = reason
        status.AthenaError = {
          ErrorCategory: 2,
          ErrorType: errorType,
          Retryable: false,
          ErrorMessage: reason
        }
      }
    }
    const statementType = /^\s*(SELECT|WITH|VALUES|INSERT|UPDATE|DELETE|MERGE)\b/i.test(execution.query)
      ? 'DML'
      : /^\s*(CREATE|DROP|ALTER)\b/i.test(execution.query)
        ? 'DDL'
        : 'UTILITY'
    return {
      QueryExecution: {
        QueryExecutionId: execution.id,
        Query: execution.query,
        StatementType: statementType,
        ...(execution.context ? { QueryExecutionContext: execution.context } : {}),
        ResultConfiguration: { OutputLocation: execution.outputLocation },
        Status: { SubmissionDateTime: execution.submitted, ...status },
        WorkGroup: execution.workGroup,
        EngineVersion: { SelectedEngineVersion: 'AUTO', EffectiveEngineVersion: 'Athena engine version 3' }
      }
    }
  }

  /** Stopping a finished query succeeds and changes nothing (measured). */
  private stopQueryExecution(body: Json): Json {
    const execution = this.execution(body.QueryExecutionId)
    const finished =
      execution.finishesAt !== undefined
        ? performance.now() >= execution.finishesAt
        : execution.polls >= 2 * this.pollsPerState
    if (!finished) execution.outcome = { state: 'CANCELLED' }
    return {}
  }

  // ---- the "engine": syntax and table checks ----

  /** Athena's parse error (`line L:C: mismatched input 'x'. ...`), or undefined. */
  private syntaxError(query: string): string | undefined {
    let first: string | undefined
    this.parser.parse(query, (error, original) => {
      if (first !== undefined) return
      // A lexer error has no token: show the character where it starts.
      const line = query.split('\n')[error.startLine - 1] ?? ''
      const token = original.offendingSymbol?.text ?? line.charAt(error.startColumn - 1)
      first = `line ${error.startLine}:${error.startColumn}: mismatched input '${token}'. ${error.message}`
    })
    return first
  }

  /** The outcome of a query that parsed: FAILED when it reads a table the catalog lacks. */
  private run(query: string, database: string | undefined, catalog: string | undefined): Outcome {
    const ctes = new Set<string>()
    const listener = new TrinoSqlListener()
    listener.enterNamedQuery = (ctx) => ctes.add(identifier(ctx.identifier().getText()))
    this.parser.listen(listener, this.parser.parse(query))
    const tables = (this.parser.getAllEntities(query) ?? []).filter(
      (entity): entity is CommonEntityContext =>
        entity.entityContextType === EntityContextType.TABLE &&
        (entity as CommonEntityContext).declareType === LITERAL_TABLE
    )
    for (const table of tables) {
      const parts = splitName(table.text)
      if (parts.length === 1 && ctes.has(parts[0] as string)) continue
      const [
        name = '',
        schema = (database ?? 'default').toLowerCase(),
        owner = (catalog ?? DEFAULT_CATALOG).toLowerCase()
      ] = [...parts].reverse()
      // Trino's analyzer messages (StatementAnalyzer.visitTable), prefixed by Athena with the error name.
      const where = `line ${table.position.line}:${table.position.startColumn}`
      const registered = this.dataCatalogs.get(owner)
      if (owner !== DEFAULT_CATALOG && !registered) {
        return failed(`CATALOG_NOT_FOUND: ${where}: Catalog '${owner}' does not exist`, 1006)
      }
      // A registered catalog is used with athena:GetDataCatalog on it ("Example policy for querying a
      // specified data catalog"); the message's form is the Glue denial's (UNVERIFIED for Athena's own).
      const catalogDenial = registered && this.queryAccess?.useDataCatalog(this.caller, registered.name)
      if (catalogDenial) {
        return failed(`Insufficient permissions to execute the query. ${denialMessage(catalogDenial)}`)
      }
      const account = registered?.catalogId ?? this.caller?.account ?? CATALOG_ID
      const denial = this.queryAccess?.readTable(this.caller, schema, name, account)
      if (denial) {
        return failed(
          `Insufficient permissions to execute the query. ${denialMessage(denial)} (Service: AWSGlue; Status Code: 400; Error Code: AccessDeniedException; Request ID: ${randomUUID()}; Proxy: null)`
        )
      }
      const missing = this.missing(schema, name, account)
      if (missing === 'schema') return failed(`SCHEMA_NOT_FOUND: ${where}: Schema '${schema}' does not exist`)
      if (missing === 'table') {
        return failed(`TABLE_NOT_FOUND: ${where}: Table '${owner}.${schema}.${name}' does not exist`, 1301)
      }
    }
    return { state: 'SUCCEEDED' }
  }

  private missing(database: string, table: string, account: string): 'schema' | 'table' | undefined {
    if (!this.glue) return undefined
    try {
      this.glue.tableInput(database, table, account)
      return undefined
    } catch (error) {
      if (!(error instanceof AwsError) || error.code !== 'EntityNotFoundException') throw error
      // The Glue stand-in names what is missing first: "Database x not found." or "Table x not found."
      return error.message.startsWith('Database') ? 'schema' : 'table'
    }
  }
}

/** A run time between `min` and `max` ms. */
function runTime({ min, max }: { min: number; max: number }): number {
  return min + Math.random() * Math.max(0, max - min)
}

function failed(reason: string, errorType?: number): Outcome {
  return errorType === undefined ? { state: 'FAILED', reason } : { state: 'FAILED', reason, errorType }
}

/** An identifier as the catalog stores it: unquoted and lowercase. */
function identifier(text: string): string {
  const quoted = /^"(.*)"$/s.exec(text) ?? /^`(.*)`$/s.exec(text)
  return (quoted ? (quoted[1] as string).replace(/""/g, '"') : text).toLowerCase()
}

/** Splits `a."b.c".d` on the dots outside quotes. */
function splitName(text: string): string[] {
  const parts = text.match(/"(?:[^"]|"")*"|`[^`]*`|[^.]+/g) ?? []
  return parts.map((part) => identifier(part.trim()))
}

/**
 * Where Athena writes the result: `<OutputLocation>/<QueryExecutionId>.csv` for a query,
 * `.txt` for EXPLAIN and DDL (Athena user guide, "Work with query results": file types).
 */
function outputOf(
  location: string,
  id: string,
  extension: string
): { bucket: string; key: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(location)
  if (!match) return undefined
  const prefix = match[2] ?? ''
  return {
    bucket: match[1] as string,
    key: `${prefix}${prefix === '' || prefix.endsWith('/') ? '' : '/'}${id}.${extension}`
  }
}

function resultExtension(query: string): string {
  return /^\s*(SELECT|WITH|VALUES)\b/i.test(query) ? 'csv' : 'txt'
}

function optionalBoolean(value: unknown, path: string): boolean | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') throw constraintError(path, 'be a boolean', String(value))
  return value
}

function stripUndefined(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined))
}

function writeToken(after: number, workGroup: string): string {
  return Buffer.from(JSON.stringify({ after, workGroup })).toString('base64url')
}

function readToken(token: string, workGroup: string): number | undefined {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Json
    return decoded.workGroup === workGroup && typeof decoded.after === 'number' ? decoded.after : undefined
  } catch {
    return undefined
  }
}

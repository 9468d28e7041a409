/**
 * What each operation of the stand-in's S3, Glue and Athena needs from IAM: the action (as the
 * Service Authorization Reference names it), the request's values for the action's ARN formats,
 * the account that owns the resource and its resource policy, and request condition keys.
 * The table of these is in stand-in/README.md, "IAM and accounts".
 */
import type { AccessDescriber, AccessPolicyGate } from './access-gate.js'
import type { AthenaService } from './athena.js'
import { catalogOfRequest, type GlueService } from './glue.js'
import type { AccessRequirement, QueryAccess } from './iam/authorize.js'
import type { S3Service } from './s3.js'
import type { StandInRequest } from './types.js'

type Body = Record<string, unknown>

function bodyOf(request: StandInRequest): Body {
  try {
    const parsed: unknown = JSON.parse(request.body.toString('utf8') || '{}')
    return typeof parsed === 'object' && parsed !== null ? (parsed as Body) : {}
  } catch {
    return {}
  }
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined
const nameIn = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null ? text((value as Body).Name) : undefined

/** S3 operations and the IAM action each one is authorized as. */
export const S3_ACTIONS: Readonly<Record<string, string>> = {
  ListObjectsV2: 's3:ListBucket',
  ListObjects: 's3:ListBucket',
  HeadBucket: 's3:ListBucket',
  GetObject: 's3:GetObject',
  HeadObject: 's3:GetObject',
  PutObject: 's3:PutObject',
  CopyObject: 's3:PutObject',
  DeleteObject: 's3:DeleteObject',
  DeleteObjects: 's3:DeleteObject',
  CreateBucket: 's3:CreateBucket',
  DeleteBucket: 's3:DeleteBucket',
  ListBuckets: 's3:ListAllMyBuckets',
  GetBucketPolicy: 's3:GetBucketPolicy',
  PutBucketPolicy: 's3:PutBucketPolicy',
  DeleteBucketPolicy: 's3:DeleteBucketPolicy'
}

export function s3Access(s3: S3Service): AccessDescriber {
  return (operation, request, caller) => {
    const action = S3_ACTIONS[operation]
    if (!action) return []
    const path = request.url.pathname
    const slash = path.indexOf('/', 1)
    const decode = (segment: string): string => {
      try {
        return decodeURIComponent(segment)
      } catch {
        return segment
      }
    }
    const bucket = decode(slash < 0 ? path.slice(1) : path.slice(1, slash))
    const key = slash < 0 ? '' : decode(path.slice(slash + 1))
    const variables: Record<string, string> = {}
    if (bucket) variables.BucketName = bucket
    if (key) variables.ObjectName = key
    const requirement: AccessRequirement = {
      action,
      variables,
      resourceAccount: s3.bucketOwner(bucket) ?? caller.account,
      resourcePolicy: s3.bucketPolicy(bucket)
    }
    if (action === 's3:ListBucket' && operation !== 'HeadBucket') {
      const params = request.url.searchParams
      requirement.context = {
        's3:prefix': params.get('prefix') ?? undefined,
        's3:delimiter': params.get('delimiter') ?? undefined,
        's3:max-keys': params.get('max-keys') ?? undefined
      }
    }
    return [requirement]
  }
}

/** Glue: `glue:<Operation>` on the catalog, the database and (for table-level actions) the table. */
export function glueAccess(glue: GlueService): AccessDescriber {
  return (operation, request, caller) => {
    const body = bodyOf(request)
    const account = catalogOfRequest(request) ?? caller.account
    const database =
      text(body.DatabaseName) ??
      nameIn(body.DatabaseInput) ??
      (operation === 'GetDatabase' || operation === 'DeleteDatabase' ? text(body.Name) : undefined) ??
      (operation === 'GetDatabases' ? '*' : undefined)
    const table =
      text(body.TableName) ??
      nameIn(body.TableInput) ??
      (operation === 'GetTable' || operation === 'DeleteTable' ? text(body.Name) : undefined) ??
      (operation === 'GetTables' ? '*' : undefined)
    const variables: Record<string, string> = {}
    // Glue stores names lowercase, and its ARNs name them so.
    if (database) variables.DatabaseName = database.toLowerCase()
    if (table) variables.TableName = table.toLowerCase()
    return [
      {
        action: `glue:${operation}`,
        variables,
        resourceAccount: account,
        resourcePolicy: glue.catalogResourcePolicy(account)
      }
    ]
  }
}

/**
 * Athena: `athena:<Operation>` on the workgroup the call names (`Name` for CreateWorkGroup), or the
 * one its named query or execution is in; the data-catalog operations on the data catalog.
 */
export function athenaAccess(athena: AthenaService): AccessDescriber {
  return (operation, request, caller) => {
    const body = bodyOf(request)
    if (operation.endsWith('DataCatalog')) {
      return [
        {
          action: `athena:${operation}`,
          variables: { DataCatalogName: text(body.Name) ?? '' },
          resourceAccount: caller.account
        }
      ]
    }
    let workGroups: string[]
    if (typeof body.NamedQueryId === 'string') workGroups = [athena.workGroupOfNamedQuery(body.NamedQueryId)]
    else if (Array.isArray(body.NamedQueryIds)) {
      workGroups = [...new Set(body.NamedQueryIds.map((id) => athena.workGroupOfNamedQuery(String(id))))]
    } else if (typeof body.QueryExecutionId === 'string') {
      workGroups = [athena.workGroupOfExecution(body.QueryExecutionId)]
    } else if (operation === 'CreateWorkGroup') workGroups = [text(body.Name) ?? '']
    else workGroups = [text(body.WorkGroup) ?? 'primary']
    return workGroups.map((name) => ({
      action: `athena:${operation}`,
      variables: { WorkGroupName: name },
      resourceAccount: caller.account
    }))
  }
}

export function queryAccess(gate: AccessPolicyGate, glue: GlueService, s3: S3Service): QueryAccess {
  return {
    useDataCatalog(caller, name) {
      if (caller?.kind !== 'session') return undefined
      return gate.authorizeOnBehalf(caller, 'Athena.StartQueryExecution', [
        {
          action: 'athena:GetDataCatalog',
          variables: { DataCatalogName: name },
          resourceAccount: caller.account
        }
      ])
    },
    readTable(caller, database, table, account) {
      if (caller?.kind !== 'session') return undefined
      const resourcePolicy = glue.catalogResourcePolicy(account)
      const variables = { DatabaseName: database.toLowerCase(), TableName: table.toLowerCase() }
      let partitioned = false
      try {
        partitioned = glue.isPartitioned(database, table, account)
      } catch {
        // A missing table: the query fails on that, after GetTable.
      }
      const actions = ['glue:GetDatabase', 'glue:GetTable', ...(partitioned ? ['glue:GetPartitions'] : [])]
      return gate.authorizeOnBehalf(
        caller,
        'Athena.StartQueryExecution',
        actions.map((action) => ({
          action,
          variables: action === 'glue:GetDatabase' ? { DatabaseName: variables.DatabaseName } : variables,
          resourceAccount: account,
          resourcePolicy
        }))
      )
    },
    writeResult(caller, bucket, key, action) {
      if (caller?.kind !== 'session') return undefined
      const variables: Record<string, string> = { BucketName: bucket }
      if (action === 's3:PutObject') variables.ObjectName = key
      return gate.authorizeOnBehalf(caller, 'Athena.StartQueryExecution', [
        {
          action,
          variables,
          resourceAccount: s3.bucketOwner(bucket) ?? caller.account,
          resourcePolicy: s3.bucketPolicy(bucket)
        }
      ])
    }
  }
}

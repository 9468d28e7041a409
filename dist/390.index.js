export const id = 390;
export const ids = [390];
export const modules = {

/***/ 6963:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Og: () => (/* binding */ credentialsFor)
/* harmony export */ });
/* unused harmony exports isTransientStsError, memoizeCredentials */
/* harmony import */ var _aws_sdk_credential_providers__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9719);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2495);




/** As configure-aws-credentials does, a few quick tries for STS's transient errors. */
const STS_BACKOFF = { attempts: 4, baseMs: 500, maxMs: 4000 };
/** Refresh this long before the credentials expire. */
const REFRESH_MARGIN_MS = 5 * 60_000;
/**
 * Undefined for the ambient chain; otherwise a shared, memoized web-identity provider, so every
 * client of the run uses one role session until it nears expiry.
 */
function credentialsFor(settings, region, getIdToken, env = process.env, backoff = STS_BACKOFF) {
    if (!settings.roleToAssume)
        return undefined;
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RoleToAssume}' is set, but this job cannot request a GitHub OIDC token. ` +
            `Add 'permissions: id-token: write' to the job (or workflow), or remove '${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RoleToAssume}' to use credentials from an earlier step.`);
    }
    // Each attempt fetches a fresh ID token: GitHub's tokens live minutes, and a rejected one is spent.
    const assume = async () => (0,_aws_sdk_credential_providers__WEBPACK_IMPORTED_MODULE_3__/* .fromWebToken */ .G7)({
        roleArn: settings.roleToAssume,
        roleSessionName: settings.roleSessionName,
        durationSeconds: settings.roleDurationSeconds,
        webIdentityToken: await getIdToken(settings.audience),
        clientConfig: { region }
    })();
    return memoizeCredentials(async () => {
        try {
            return await (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withBackoff */ .Dc)(assume, backoff, isTransientStsError);
        }
        catch (error) {
            const { name, message } = error;
            if (isTransientStsError(error)) {
                throw new Error(`Could not assume ${settings.roleToAssume} with GitHub OIDC after retries (${name}: ${message})`);
            }
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`Could not assume ${settings.roleToAssume} with GitHub OIDC (${name}: ${message}). Check that the role trusts ` +
                `token.actions.githubusercontent.com for audience '${settings.audience}' and this repository's subject, ` +
                `and that '${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RoleDurationSeconds}' is within the role's maximum session duration.`);
        }
    });
}
/**
 * STS errors worth another try: AWS documents IDPCommunicationError as often transient (a 400 the
 * SDK does not retry); throttling, 5xx and network errors pass too. Trust-policy and validation
 * errors do not.
 */
function isTransientStsError(error) {
    const { name, $metadata } = error;
    if (/^IDPCommunicationError|Throttl/.test(name ?? ''))
        return true;
    if (['TimeoutError', 'ECONNRESET', 'ECONNREFUSED'].includes(name ?? ''))
        return true;
    return ($metadata?.httpStatusCode ?? 0) >= 500;
}
/** Caches credentials until shortly before they expire; concurrent callers share one request. */
function memoizeCredentials(provider) {
    let pending;
    let expiresAt = Number.POSITIVE_INFINITY;
    return async () => {
        if (pending && Date.now() < expiresAt - REFRESH_MARGIN_MS)
            return pending;
        expiresAt = Number.POSITIVE_INFINITY;
        pending = provider().then((credentials) => {
            expiresAt = credentials.expiration?.getTime() ?? Number.POSITIVE_INFINITY;
            return credentials;
        }, (error) => {
            pending = undefined;
            throw error;
        });
        return pending;
    };
}


/***/ }),

/***/ 2495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dc: () => (/* binding */ withBackoff),
/* harmony export */   VU: () => (/* binding */ DEFAULT_BACKOFF)
/* harmony export */ });
/* unused harmony export isRetryable */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/**
 * A second line of retries around whole Glue batch calls, after the SDK's own: Glue throttles per
 * account and Region, so a long sync can outlast the SDK's attempts; and Glue's
 * OperationTimeoutException is a 400 that the SDK does not retry at all.
 */

const DEFAULT_BACKOFF = { attempts: 5, baseMs: 1000, maxMs: 30_000 };
const RETRYABLE_CODES = new Set([
    'ThrottlingException',
    'OperationTimeoutException',
    'InternalServiceException',
    'ConcurrentModificationException'
]);
function isRetryable(error) {
    const { name, $metadata } = error;
    return RETRYABLE_CODES.has(name ?? '') || ($metadata?.httpStatusCode ?? 0) >= 500;
}
/** Calls `fn` until it succeeds, a non-retryable error, or `attempts`; full-jitter exponential waits. */
async function withBackoff(fn, options = DEFAULT_BACKOFF, retryable = isRetryable) {
    for (let attempt = 1;; attempt++) {
        try {
            return await fn();
        }
        catch (error) {
            if (attempt >= options.attempts || !retryable(error))
                throw error;
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(Math.random() * Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1)));
        }
    }
}


/***/ }),

/***/ 9390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  syncCommand: () => (/* binding */ syncCommand)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/aws/clients.ts
var aws_clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/credentials.ts
var aws_credentials = __webpack_require__(6963);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/partitions/table-ref.ts
var table_ref = __webpack_require__(9359);
// EXTERNAL MODULE: ./src/trail/layout.ts
var trail_layout = __webpack_require__(4808);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-glue/dist-cjs/index.js
var dist_cjs = __webpack_require__(6542);
// EXTERNAL MODULE: ./src/table/schema.ts
var schema = __webpack_require__(797);
;// CONCATENATED MODULE: ./src/table/create.ts
/**
 * Creates the database and the CloudTrail table when `create-table` asks for it. An existing
 * table is never replaced; a table someone else created between our read and our write counts as
 * existing (AlreadyExistsException), and is then validated like any other.
 */




function cloudTrailTableInput(ref, layout, dateKeyType) {
    return {
        Name: ref.table,
        Description: `CloudTrail logs of ${layout.organizationId ?? 'the trail'}, partitioned by cloudtrail-partitions`,
        TableType: 'EXTERNAL_TABLE',
        Parameters: { EXTERNAL: 'TRUE', classification: 'cloudtrail', 'created-by': 'cloudtrail-partitions' },
        PartitionKeys: (0,schema/* partitionKeyColumns */.zK)(dateKeyType),
        StorageDescriptor: (0,schema/* cloudTrailStorageDescriptor */.CL)((0,trail_layout/* tableLocation */.IH)(layout))
    };
}
/** True when it created the database. */
async function ensureDatabase(glue, ref) {
    try {
        await glue.send(new dist_cjs/* GetDatabaseCommand */.vU({ ...(0,table_ref/* catalogParam */.Xp)(ref), Name: ref.database }));
        return false;
    }
    catch (error) {
        if (error.name !== 'EntityNotFoundException')
            throw error;
    }
    try {
        await glue.send(new dist_cjs/* CreateDatabaseCommand */.x_P({ ...(0,table_ref/* catalogParam */.Xp)(ref), DatabaseInput: { Name: ref.database } }));
        return true;
    }
    catch (error) {
        if (error.name === 'AlreadyExistsException')
            return false;
        throw error;
    }
}
/** True when it created the table; false when it already existed. */
async function createTable(glue, ref, input) {
    try {
        await glue.send(new dist_cjs/* CreateTableCommand */.IxS({ ...(0,table_ref/* catalogParam */.Xp)(ref), DatabaseName: ref.database, TableInput: input }));
        return true;
    }
    catch (error) {
        if (error.name === 'AlreadyExistsException')
            return false;
        throw error;
    }
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./src/table/partition-index.ts
/**
 * Fast Athena planning: a Glue partition index on (year, month, day) and the table property
 * `partition_filtering.enabled=true`, without which Athena does not use indexes.
 *
 * Why year, month, day: Glue uses an index only when the query constrains the index's first key with
 * =, <, <=, >, >= or BETWEEN joined by AND; every query that passes this project's query check
 * constrains year, month and day, while account and region are often left open. One index leaves
 * two of the table's three for the team's own needs.
 */



const INDEX_NAME = 'cloudtrail_partitions_by_date';
const INDEX_KEYS = ['year', 'month', 'day'];
/** Glue's most per table. */
const MAX_INDEXES = 3;
const PARTITION_FILTERING = 'partition_filtering.enabled';
const DEFAULT_INDEX_WAIT = { timeoutMs: 120_000, pollMs: 3_000 };
async function listIndexes(glue, ref) {
    const indexes = [];
    const { CatalogId, DatabaseName, TableName } = (0,table_ref/* tableParams */.Pn)(ref);
    for await (const page of (0,dist_cjs/* paginateGetPartitionIndexes */.MSK)({ client: glue }, { CatalogId, DatabaseName, TableName })) {
        indexes.push(...(page.PartitionIndexDescriptorList ?? []));
    }
    return indexes;
}
/** An index Glue can use for date-filtered queries: its first key is `year`, and it is not going away. */
function usable(index) {
    return (index.Keys?.[0]?.Name?.toLowerCase() === 'year' &&
        index.IndexStatus !== 'FAILED' &&
        index.IndexStatus !== 'DELETING');
}
function stateOf(action, index) {
    return {
        action,
        name: index.IndexName,
        keys: (index.Keys ?? []).map((key) => key.Name ?? ''),
        status: index.IndexStatus
    };
}
/** The usable index the table already has, if any: reported even when none was requested. */
async function findUsableIndex(glue, ref) {
    const index = (await listIndexes(glue, ref)).find(usable);
    return index && stateOf('existing', index);
}
async function ensurePartitionIndex(glue, ref, dryRun, logger, wait = DEFAULT_INDEX_WAIT) {
    const indexes = await listIndexes(glue, ref);
    const existing = indexes.find(usable);
    const ownFailed = indexes.find((index) => index.IndexName === INDEX_NAME && index.IndexStatus === 'FAILED');
    if (!existing && ownFailed) {
        // Creating it again would only meet AlreadyExistsException: a person has to look at why.
        const errors = (ownFailed.BackfillErrors ?? []).map((error) => error.Code).join(', ');
        logger.warning(`Partition index ${INDEX_NAME} FAILED${errors ? ` (${errors})` : ''}. Delete it (aws glue delete-partition-index ` +
            `--database-name ${ref.database} --table-name ${ref.table} --index-name ${INDEX_NAME}) and run again.`);
        return stateOf('failed', ownFailed);
    }
    if (existing) {
        const state = stateOf('existing', existing);
        return existing.IndexStatus === 'CREATING'
            ? { ...state, status: await waitActive(glue, ref, state, wait) }
            : state;
    }
    if (indexes.length >= MAX_INDEXES) {
        logger.warning(`The table has ${indexes.length} partition indexes, Glue's most, and none starts with year: no index added. ` +
            `Drop one you do not need to let this action add (year, month, day).`);
        return { action: 'no-slot' };
    }
    const planned = { action: 'would-create', name: INDEX_NAME, keys: [...INDEX_KEYS] };
    if (dryRun)
        return planned;
    try {
        await glue.send(new dist_cjs/* CreatePartitionIndexCommand */.wXV({
            ...(0,table_ref/* tableParams */.Pn)(ref),
            PartitionIndex: { IndexName: INDEX_NAME, Keys: [...INDEX_KEYS] }
        }));
    }
    catch (error) {
        // Another run created it between our read and our write.
        if (error.name !== 'AlreadyExistsException')
            throw error;
    }
    logger.info(`partition index ${INDEX_NAME} (${INDEX_KEYS.join(', ')}) requested`);
    return { ...planned, action: 'created', status: await waitActive(glue, ref, planned, wait) };
}
async function waitActive(glue, ref, index, wait) {
    const deadline = Date.now() + wait.timeoutMs;
    for (;;) {
        const status = (await listIndexes(glue, ref)).find((i) => i.IndexName === index.name)?.IndexStatus ?? 'UNKNOWN';
        if (status !== 'CREATING' || Date.now() >= deadline)
            return status;
        await (0,promises_.setTimeout)(wait.pollMs);
    }
}
/** Sets `partition_filtering.enabled=true` on the table, keeping everything else as it is. */
async function ensurePartitionFiltering(glue, ref, table, dryRun) {
    if (table.Parameters?.[PARTITION_FILTERING]?.toLowerCase() === 'true')
        return 'enabled';
    if (dryRun)
        return 'would-enable';
    const { CatalogId, DatabaseName } = (0,table_ref/* tableParams */.Pn)(ref);
    await glue.send(new dist_cjs/* UpdateTableCommand */.NQf({
        CatalogId,
        DatabaseName,
        TableInput: {
            ...tableInputOf(table),
            Parameters: { ...table.Parameters, [PARTITION_FILTERING]: 'true' }
        }
    }));
    return 'enabled-now';
}
/** The fields of a Table that UpdateTable's TableInput takes (the rest are read-only). */
const WRITABLE_TABLE_FIELDS = [
    'Name',
    'Description',
    'Owner',
    'LastAccessTime',
    'LastAnalyzedTime',
    'Retention',
    'StorageDescriptor',
    'PartitionKeys',
    'ViewOriginalText',
    'ViewExpandedText',
    'TableType',
    'Parameters',
    'TargetTable'
];
/** The writable part of a Table, as UpdateTable takes it. */
function tableInputOf(table) {
    const entries = WRITABLE_TABLE_FIELDS.filter((field) => table[field] !== undefined).map((f) => [
        f,
        table[f]
    ]);
    return Object.fromEntries(entries);
}

// EXTERNAL MODULE: ./src/table/validate.ts
var validate = __webpack_require__(8668);
;// CONCATENATED MODULE: ./src/table/ensure.ts







async function prepareTable(glue, ref, layout, options, logger) {
    const name = (0,table_ref/* describeTable */.uq)(ref);
    let table = await (0,validate/* findTable */.UI)(glue, ref);
    let action = 'validated';
    let databaseCreated = false;
    if (!table) {
        if (!options.createTable) {
            throw new errors/* ConfigurationError */.j(`Inputs '${constants/* Inputs */.G0.Database}' and '${constants/* Inputs */.G0.Table}': ${name} was not found in Glue. Check the names and ` +
                `'${constants/* Inputs */.G0.AwsRegion}', or set '${constants/* Inputs */.G0.CreateTable}: true' to create it as AWS documents the CloudTrail table.`);
        }
        const dateKeyType = options.dateKeyType ?? 'string';
        const input = cloudTrailTableInput(ref, layout, dateKeyType);
        if (options.dryRun) {
            logger.info(`dry run: would create ${name} (date keys ${dateKeyType}) at ${(0,trail_layout/* tableLocation */.IH)(layout)}`);
            const wantIndex = options.partitionIndex ?? true;
            return {
                action: 'would-create',
                databaseCreated: false,
                dateKeyType,
                storageDescriptor: input.StorageDescriptor ?? {},
                missingColumns: [],
                warnings: [],
                ...(wantIndex ? { index: { action: 'would-create' } } : {}),
                partitionFiltering: wantIndex ? 'would-enable' : 'off'
            };
        }
        databaseCreated = await ensureDatabase(glue, ref);
        if (await createTable(glue, ref, input)) {
            action = 'created';
            logger.info(`created ${name} (date keys ${dateKeyType}) at ${(0,trail_layout/* tableLocation */.IH)(layout)}`);
        }
        table = await (0,validate/* findTable */.UI)(glue, ref);
        if (!table)
            throw new Error(`${name} is missing right after it was created`);
    }
    const validated = (0,validate/* validateTable */.zL)(table, ref, (0,trail_layout/* tableLocation */.IH)(layout));
    if (options.dateKeyType && options.dateKeyType !== validated.dateKeyType) {
        throw new errors/* ConfigurationError */.j(`Input '${constants/* Inputs */.G0.DateKeyType}' is ${options.dateKeyType}, but ${name} has ${validated.dateKeyType} date keys. ` +
            `Set '${constants/* Inputs */.G0.DateKeyType}' to ${validated.dateKeyType} or leave it empty to use the table's type.`);
    }
    for (const warning of validated.warnings)
        logger.warning(warning);
    const missing = validated.missingColumns;
    const statement = missing.length ? (0,validate/* addColumnsStatement */.kZ)(ref, missing) : undefined;
    if (statement) {
        logger.warning(`${name} lacks ${missing.length} column(s) of AWS's current CloudTrail schema (${missing.map(([n]) => n).join(', ')}). ` +
            `Add them in Athena with: ${statement}`);
    }
    const wantIndex = options.partitionIndex ?? action === 'created';
    let index;
    let partitionFiltering = table.Parameters?.[PARTITION_FILTERING]?.toLowerCase() === 'true' ? 'enabled' : 'off';
    if (wantIndex) {
        index = await ensurePartitionIndex(glue, ref, options.dryRun, logger, options.indexWait ?? DEFAULT_INDEX_WAIT);
        partitionFiltering = await ensurePartitionFiltering(glue, ref, table, options.dryRun);
        logger.info(`partition index: ${index.name ?? 'none'} ${index.status ?? index.action}; partition filtering ${partitionFiltering}`);
    }
    else {
        index = await findUsableIndex(glue, ref);
    }
    return {
        action,
        databaseCreated,
        dateKeyType: validated.dateKeyType,
        storageDescriptor: validated.storageDescriptor,
        missingColumns: missing.map(([column]) => column),
        ...(statement ? { addColumnsStatement: statement } : {}),
        warnings: validated.warnings,
        ...(index ? { index } : {}),
        partitionFiltering
    };
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var client_s3_dist_cjs = __webpack_require__(3711);
;// CONCATENATED MODULE: ./src/concurrency.ts
/**
 * Runs `worker` over the items of a (possibly async, possibly endless-looking) iterable with at most
 * `concurrency` in flight. Items are pulled only when a slot is free, so a generator upstream is
 * never drained ahead of the work: memory stays flat however many items there are.
 */
async function forEachConcurrent(items, concurrency, worker) {
    const iterator = Symbol.asyncIterator in items
        ? items[Symbol.asyncIterator]()
        : items[Symbol.iterator]();
    let failure;
    const lane = async () => {
        while (!failure) {
            const next = await iterator.next();
            if (next.done)
                return;
            try {
                await worker(next.value);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
    if (failure)
        throw failure.error;
}
/** Maps with bounded concurrency, keeping the input order in the result. */
async function mapConcurrent(items, concurrency, worker) {
    const results = new Array(items.length);
    await forEachConcurrent(items.keys(), concurrency, async (index) => {
        results[index] = await worker(items[index]);
    });
    return results;
}

// EXTERNAL MODULE: ./src/partitions/keys.ts
var keys = __webpack_require__(3399);
;// CONCATENATED MODULE: ./src/trail/discover.ts
/**
 * Finds the trail's layout, accounts and regions with delimiter listings only: one listing per
 * folder level, never a listing of log objects. S3 calls grow with accounts, not with days.
 */





/** Names of the immediate sub-folders of `prefix` (which ends in `/`), in S3's order. */
async function listFolders(s3, bucket, prefix) {
    const folders = [];
    try {
        for await (const page of (0,client_s3_dist_cjs/* paginateListObjectsV2 */.OqA)({ client: s3 }, { Bucket: bucket, Prefix: prefix, Delimiter: '/' })) {
            for (const common of page.CommonPrefixes ?? []) {
                if (common.Prefix)
                    folders.push(common.Prefix.slice(prefix.length, -1));
            }
        }
    }
    catch (error) {
        throw explainS3Error(error, bucket, prefix);
    }
    return folders;
}
function explainS3Error(error, bucket, prefix) {
    const name = error.name;
    if (name === 'NoSuchBucket') {
        return new errors/* ConfigurationError */.j(`Input 'bucket': the bucket '${bucket}' does not exist. Check the bucket name.`);
    }
    if (name === 'AccessDenied' || name === 'Forbidden') {
        return new errors/* ConfigurationError */.j(`Listing s3://${bucket}/${prefix} was denied. Give the role s3:ListBucket on ` +
            `arn:aws:s3:::${bucket} (a prefix condition on '${prefix}*' is enough).`);
    }
    return error;
}
/** Reads `[PREFIX/]AWSLogs/` and decides between the organization and the single-account layout. */
async function detectLayout(s3, request) {
    const root = (0,trail_layout/* awsLogsPrefix */.$L)(request.prefix);
    const folders = await listFolders(s3, request.bucket, root);
    const organizations = folders.filter((name) => trail_layout/* ORGANIZATION_ID_PATTERN */.Vj.test(name));
    const accounts = folders.filter((name) => keys/* ACCOUNT_PATTERN */.j5.test(name));
    const where = `s3://${request.bucket}/${root}`;
    const base = { bucket: request.bucket, prefix: request.prefix };
    if (request.organizationId) {
        if (!organizations.includes(request.organizationId)) {
            const found = organizations.length ? `; found: ${organizations.join(', ')}` : '';
            throw new errors/* ConfigurationError */.j(`Input 'organization-id': ${request.organizationId} has no folder under ${where}${found}.`);
        }
        return { ...base, kind: 'organization', organizationId: request.organizationId };
    }
    if (organizations.length === 0 && accounts.length === 0) {
        throw new errors/* ConfigurationError */.j(`No CloudTrail logs under ${where}: neither o-ORGID/ nor account folders. ` +
            `Check the 'bucket' and 'prefix' inputs (prefix is what comes before AWSLogs/).`);
    }
    if (organizations.length + (accounts.length > 0 ? 1 : 0) > 1) {
        const found = [...organizations, ...(accounts.length ? [`${accounts.length} account folder(s)`] : [])];
        throw new errors/* ConfigurationError */.j(`${where} holds more than one trail layout (${found.join(', ')}). ` +
            `Set the 'organization-id' input to the organization whose partitions this table should have.`);
    }
    const organizationId = organizations[0];
    return organizationId ? { ...base, kind: 'organization', organizationId } : { ...base, kind: 'account' };
}
async function discoverSeries(s3, layout, filter, logger) {
    const present = (await listFolders(s3, layout.bucket, (0,trail_layout/* accountsRoot */.zT)(layout))).filter((name) => keys/* ACCOUNT_PATTERN */.j5.test(name));
    const allowAccounts = new Set(filter.accounts);
    const accounts = filter.accounts.length ? present.filter((a) => allowAccounts.has(a)) : present;
    const presentSet = new Set(present);
    const missingAccounts = filter.accounts.filter((a) => !presentSet.has(a));
    logger.info(`${present.length} account folder(s) found, ${accounts.length} in scope`);
    const allowRegions = new Set(filter.regions);
    const regionsSeen = new Set();
    const regionsSkipped = new Set();
    const regionLists = await mapConcurrent(accounts, filter.concurrency, async (account) => (await listFolders(s3, layout.bucket, (0,trail_layout/* regionsRoot */.oA)(layout, account))).filter((r) => keys/* REGION_PATTERN */.aY.test(r)));
    const series = new Map();
    accounts.forEach((account, index) => {
        const regions = (regionLists[index] ?? []).filter((region) => {
            regionsSeen.add(region);
            const allowed = allowRegions.size === 0 || allowRegions.has(region);
            if (!allowed)
                regionsSkipped.add(region);
            return allowed;
        });
        if (regions.length)
            series.set(account, regions.sort());
    });
    return { series, accountsFound: present.length, missingAccounts, regionsSeen, regionsSkipped };
}

// EXTERNAL MODULE: ./src/trail/regions.ts
var trail_regions = __webpack_require__(4881);
// EXTERNAL MODULE: ./src/aws/retry.ts
var retry = __webpack_require__(2495);
;// CONCATENATED MODULE: ./src/partitions/apply.ts
/**
 * Applies a plan: BatchCreatePartition in batches of 100 and BatchDeletePartition in batches of 25,
 * a few batches in flight, inputs generated lazily from the plan's ranges. Entries another run
 * already created or dropped count as done; any other failed entry is collected, and a failed call
 * stops new batches so that the report shows exactly what was applied.
 */






/** Glue's most per call (BatchCreatePartition 0..100, BatchDeletePartition 0..25). */
const CREATE_BATCH_SIZE = 100;
const DELETE_BATCH_SIZE = 25;
const MAX_REPORTED_FAILURES = 20;
function* chunks(items, size) {
    let batch = [];
    for (const item of items) {
        batch.push(item);
        if (batch.length === size) {
            yield batch;
            batch = [];
        }
    }
    if (batch.length)
        yield batch;
}
function* refsOf(series, pick) {
    for (const plan of series) {
        for (const range of pick(plan)) {
            for (let day = range.first; day <= range.last; day++)
                yield { account: plan.account, region: plan.region, day };
        }
    }
}
function partitionInput(target, ref) {
    return {
        Values: (0,keys/* partitionValues */.RB)(ref, target.dateKeyType),
        StorageDescriptor: { ...target.storageDescriptor, Location: (0,trail_layout/* partitionLocation */.wi)(target.layout, ref) }
    };
}
async function applyPlan(target, plan, logger) {
    const result = {
        created: 0,
        deleted: 0,
        alreadyDone: 0,
        failed: 0,
        failures: [],
        bySeries: new Map(),
        skipped: 0
    };
    const tally = (ref, field) => {
        const key = (0,keys/* seriesKey */.Xk)(ref.account, ref.region);
        let counts = result.bySeries.get(key);
        if (!counts)
            result.bySeries.set(key, (counts = { created: 0, deleted: 0 }));
        counts[field] += 1;
    };
    // The caller wraps this in a log group; GitHub does not nest groups, so none here.
    logger.info(`creating ${plan.totals.add} partition(s)`);
    const reportCreated = progressLogger(logger, 'created', plan.totals.add);
    await runBatches(target, result, chunks(refsOf(plan.series, (p) => p.add), CREATE_BATCH_SIZE), async (batch) => {
        const response = await target.glue.send(new dist_cjs/* BatchCreatePartitionCommand */.Ezo({
            ...(0,table_ref/* tableParams */.Pn)(target.table),
            PartitionInputList: batch.map((ref) => partitionInput(target, ref))
        }));
        settle(result, batch, response.Errors ?? [], 'AlreadyExistsException', target.dateKeyType, (ref) => {
            result.created += 1;
            tally(ref, 'created');
        });
        reportCreated(result.created + result.alreadyDone + result.failed);
    });
    logger.info(`removing ${plan.totals.remove} expired partition(s)`);
    await runBatches(target, result, chunks(refsOf(plan.series, (p) => p.remove), DELETE_BATCH_SIZE), async (batch) => {
        const response = await target.glue.send(new dist_cjs/* BatchDeletePartitionCommand */.dpA({
            ...(0,table_ref/* tableParams */.Pn)(target.table),
            PartitionsToDelete: batch.map((ref) => ({ Values: (0,keys/* partitionValues */.RB)(ref, target.dateKeyType) }))
        }));
        settle(result, batch, response.Errors ?? [], 'EntityNotFoundException', target.dateKeyType, (ref) => {
            result.deleted += 1;
            tally(ref, 'deleted');
        });
    });
    const attempted = result.created + result.deleted + result.alreadyDone + result.failed;
    result.skipped = Math.max(0, plan.totals.add + plan.totals.remove - attempted);
    logger.info(`created ${result.created}, removed ${result.deleted}, already done ${result.alreadyDone}, ` +
        `failed ${result.failed}, not attempted ${result.skipped}`);
    return result;
}
async function runBatches(target, result, batches, send) {
    // Stop pulling batches once a call has failed (after the SDK's own retries).
    const gated = (function* () {
        for (const batch of batches) {
            if (result.stoppedBy)
                return;
            yield batch;
        }
    })();
    await forEachConcurrent(gated, target.concurrency, async (batch) => {
        try {
            await (0,retry/* withBackoff */.Dc)(() => send(batch), target.backoff ?? retry/* DEFAULT_BACKOFF */.VU);
        }
        catch (error) {
            const { name, message } = error;
            result.stoppedBy ??= `${name}: ${message}`;
            for (const ref of batch) {
                addFailure(result, { values: (0,keys/* partitionValues */.RB)(ref, target.dateKeyType), code: name, message });
            }
        }
    });
}
/**
 * Sorts one batch's entries into done, done by someone else (`raceCode`), and failed. A failed
 * entry stops new batches, as a failed call does: the cause (permissions, a quota) is rarely
 * limited to one partition.
 */
function settle(result, batch, errors, raceCode, dateKeyType, done) {
    const keyOf = (values) => values.join('\u0001');
    const errorsByValues = new Map(errors.map((error) => [keyOf(error.PartitionValues ?? []), error]));
    const fail = (values, error) => {
        const failure = {
            values,
            code: error.ErrorDetail?.ErrorCode ?? 'Unknown',
            message: error.ErrorDetail?.ErrorMessage ?? ''
        };
        addFailure(result, failure);
        result.stoppedBy ??= `${failure.code}: ${failure.message}`;
    };
    const sent = new Set();
    for (const ref of batch) {
        const values = (0,keys/* partitionValues */.RB)(ref, dateKeyType);
        sent.add(keyOf(values));
        const error = errorsByValues.get(keyOf(values));
        if (!error)
            done(ref);
        else if (error.ErrorDetail?.ErrorCode === raceCode)
            result.alreadyDone += 1;
        else
            fail(values, error);
    }
    // An error Glue did not tie to a partition we sent still means something failed.
    for (const error of errors) {
        if (!sent.has(keyOf(error.PartitionValues ?? [])))
            fail(error.PartitionValues ?? [], error);
    }
}
/** Logs `done of total` each time another tenth of the work is done. */
function progressLogger(logger, verb, total) {
    let nextTenth = 1;
    return (done) => {
        if (total === 0 || done * 10 < nextTenth * total)
            return;
        while (done * 10 >= nextTenth * total)
            nextTenth += 1;
        logger.info(`${verb} ${done} of ${total} (${Math.floor((done * 100) / total)}%)`);
    };
}
function addFailure(result, failure) {
    result.failed += 1;
    if (result.failures.length < MAX_REPORTED_FAILURES)
        result.failures.push(failure);
}

// EXTERNAL MODULE: ./src/partitions/dates.ts
var dates = __webpack_require__(3926);
;// CONCATENATED MODULE: ./src/partitions/day-set.ts
class DaySet {
    /** Day of bit 0; a multiple of 8, so that re-basing moves whole bytes. */
    base = 0;
    bits = new Uint8Array(0);
    count = 0;
    get size() {
        return this.count;
    }
    has(day) {
        const offset = day - this.base;
        if (offset < 0 || offset >= this.bits.length * 8)
            return false;
        return ((this.bits[offset >> 3] ?? 0) & (1 << (offset & 7))) !== 0;
    }
    add(day) {
        if (this.bits.length === 0) {
            this.base = Math.floor(day / 8) * 8;
            this.bits = new Uint8Array(16);
        }
        if (day < this.base)
            this.rebase(Math.floor(day / 8) * 8);
        const offset = day - this.base;
        if (offset >= this.bits.length * 8)
            this.grow((offset >> 3) + 1);
        const byte = offset >> 3;
        const mask = 1 << (offset & 7);
        if (((this.bits[byte] ?? 0) & mask) === 0) {
            this.bits[byte] = (this.bits[byte] ?? 0) | mask;
            this.count += 1;
        }
    }
    /** Ascending. */
    *[Symbol.iterator]() {
        for (let byte = 0; byte < this.bits.length; byte++) {
            const value = this.bits[byte] ?? 0;
            if (value === 0)
                continue;
            for (let bit = 0; bit < 8; bit++)
                if (value & (1 << bit))
                    yield this.base + byte * 8 + bit;
        }
    }
    grow(minimumBytes) {
        const bits = new Uint8Array(Math.max(minimumBytes, this.bits.length * 2));
        bits.set(this.bits);
        this.bits = bits;
    }
    rebase(newBase) {
        const shift = (this.base - newBase) >> 3;
        const bits = new Uint8Array(this.bits.length + shift);
        bits.set(this.bits, shift);
        this.bits = bits;
        this.base = newBase;
    }
}

;// CONCATENATED MODULE: ./src/partitions/existing.ts
/**
 * Reads what Glue already has into compact form: per (account, region), a set of day numbers.
 * Parallel GetPartitions segments, 1000 a page, without the column schema, so a million partitions
 * cost a thousand calls and a few megabytes (a day bitmap per account and region).
 *
 * Only partitions in exactly the form this action writes (canonical values for the table's key
 * type, and CloudTrail's location for this layout) are "ours", the only ones retention may drop.
 * Others that still name a day (other padding, another bucket or organization sharing the table)
 * are "covered" days: never dropped, and never given a second partition for the same day.
 */





/** Glue's most: GetPartitions Segment.TotalSegments is 1..10, MaxResults 1..1000. */
const MAX_SEGMENTS = 10;
const PAGE_SIZE = 1000;
/** Pages are retried too: OperationTimeoutException is a 400 the SDK does not retry. */
const PAGE_BACKOFF = { attempts: 5, baseMs: 500, maxMs: 10_000 };
function emptyExisting() {
    return { bySeries: new Map(), covered: new Map(), total: 0, foreign: 0, foreignSamples: [] };
}
async function readExistingPartitions(glue, table, options, logger) {
    const existing = emptyExisting();
    const segments = options.segments ?? MAX_SEGMENTS;
    const readSegment = async (segmentNumber) => {
        let nextToken;
        do {
            const token = nextToken;
            const page = await (0,retry/* withBackoff */.Dc)(() => glue.send(new dist_cjs/* GetPartitionsCommand */.fr1({
                ...(0,table_ref/* tableParams */.Pn)(table),
                ExcludeColumnSchema: true,
                MaxResults: PAGE_SIZE,
                Segment: { SegmentNumber: segmentNumber, TotalSegments: segments },
                ...(token ? { NextToken: token } : {})
            })), options.backoff ?? PAGE_BACKOFF);
            for (const partition of page.Partitions ?? [])
                record(existing, partition, options);
            nextToken = page.NextToken;
        } while (nextToken);
    };
    await Promise.all(Array.from({ length: segments }, (_, n) => readSegment(n)));
    logger.info(`${existing.total} partition(s) in Glue (${existing.foreign} not in this action's form or location)`);
    return existing;
}
function addDay(map, ref) {
    const key = (0,keys/* seriesKey */.Xk)(ref.account, ref.region);
    // Every set this module puts in the maps is a DaySet.
    let days = map.get(key);
    if (!days)
        map.set(key, (days = new DaySet()));
    days.add(ref.day);
}
function record(existing, partition, options) {
    existing.total += 1;
    const values = partition.Values ?? [];
    const ours = (0,keys/* parsePartitionValues */.od)(values, options.dateKeyType);
    if (ours && sameLocation(partition.StorageDescriptor?.Location, options.locationOf(ours))) {
        addDay(existing.bySeries, ours);
        return;
    }
    existing.foreign += 1;
    if (existing.foreignSamples.length < 5)
        existing.foreignSamples.push(values);
    const day = ours ?? (0,keys/* parseAnyDayForm */.KZ)(values);
    if (day)
        addDay(existing.covered, day);
}
function sameLocation(actual, expected) {
    return (actual ?? '').replace(/\/+$/, '') === expected.replace(/\/+$/, '');
}

;// CONCATENATED MODULE: ./src/partitions/plan.ts


/** Groups ascending days into contiguous ranges. */
function toRanges(days) {
    const ranges = [];
    let current;
    for (const day of days) {
        if (current && day === current.last + 1)
            current.last = day;
        else
            ranges.push((current = { first: day, last: day }));
    }
    return ranges;
}
function planSync(existing, scope, window) {
    const series = [];
    const totals = { add: 0, remove: 0, unchanged: 0, leftAlone: existing.foreign };
    const planned = new Set();
    const inScope = (account, region) => (scope.accounts.length === 0 || scope.accounts.includes(account)) &&
        (scope.regions.length === 0 || scope.regions.includes(region));
    const addSeries = (account, region, days, desired) => {
        // A day another tool (or another location) already covers gets no second partition.
        const covered = existing.covered.get((0,keys/* seriesKey */.Xk)(account, region));
        const missing = desired ? [...(0,dates/* daysOf */.hF)(window)].filter((day) => !days?.has(day) && !covered?.has(day)) : [];
        const expired = [];
        let unchanged = 0;
        for (const day of days ?? []) {
            if (day < window.first)
                expired.push(day);
            else if (desired && day <= window.last)
                unchanged += 1;
            else
                totals.leftAlone += 1;
        }
        if (!desired && expired.length === 0)
            return;
        expired.sort((a, b) => a - b);
        const plan = {
            account,
            region,
            add: toRanges(missing),
            remove: toRanges(expired),
            addCount: missing.length,
            removeCount: expired.length,
            unchanged
        };
        totals.add += plan.addCount;
        totals.remove += plan.removeCount;
        totals.unchanged += unchanged;
        series.push(plan);
    };
    for (const [account, regions] of scope.desired) {
        for (const region of regions) {
            const key = (0,keys/* seriesKey */.Xk)(account, region);
            planned.add(key);
            addSeries(account, region, existing.bySeries.get(key), true);
        }
    }
    // Series Glue has but the bucket no longer shows (or no longer in scope): retention only.
    for (const [key, days] of existing.bySeries) {
        if (planned.has(key))
            continue;
        const [account, region] = key.split('/');
        if (inScope(account, region))
            addSeries(account, region, days, false);
        else
            totals.leftAlone += days.size;
    }
    series.sort((a, b) => a.account.localeCompare(b.account) || a.region.localeCompare(b.region));
    return { window, series, totals };
}

;// CONCATENATED MODULE: ./src/partitions/sync.ts










const DEFAULT_TUNING = { listConcurrency: 16, writeConcurrency: 8 };
async function runSync(settings, clients, logger, tuning = DEFAULT_TUNING) {
    const timings = [];
    const phase = async (name, fn) => {
        const started = performance.now();
        try {
            return await logger.group(name, fn);
        }
        finally {
            timings.push([name, Math.round(performance.now() - started)]);
        }
    };
    const { layout, discovery } = await phase('Discovery', async () => {
        const layout = await detectLayout(clients.s3, settings);
        logger.info(`layout: ${(0,trail_layout/* describeLayout */.M2)(layout)}`);
        const discovery = await discoverSeries(clients.s3, layout, { accounts: settings.accounts, regions: settings.regions, concurrency: tuning.listConcurrency }, logger);
        checkRegions(settings.regions, discovery);
        for (const account of discovery.missingAccounts) {
            logger.warning(`Input 'accounts': ${account} has no folder in the bucket; nothing to do for it.`);
        }
        if (discovery.regionsSkipped.size) {
            logger.info(`regions outside the allow-list, skipped: ${[...discovery.regionsSkipped].sort().join(', ')}`);
        }
        let series = 0;
        for (const regions of discovery.series.values())
            series += regions.length;
        logger.info(`${discovery.series.size} account(s), ${series} account/region series to keep`);
        return { layout, discovery };
    });
    const table = await phase('Table', async () => {
        const state = await prepareTable(clients.glue, settings.table, layout, {
            createTable: settings.createTable,
            ...(settings.dateKeyType ? { dateKeyType: settings.dateKeyType } : {}),
            ...(settings.partitionIndex === undefined ? {} : { partitionIndex: settings.partitionIndex }),
            dryRun: settings.dryRun,
            ...(tuning.indexWait ? { indexWait: tuning.indexWait } : {})
        }, logger);
        logger.info(`${(0,table_ref/* describeTable */.uq)(settings.table)}: ${state.action}, date keys ${state.dateKeyType}`);
        return state;
    });
    // A table this dry run would create has no partitions yet.
    const existing = table.action === 'would-create'
        ? emptyExisting()
        : await phase('Existing partitions', () => readExistingPartitions(clients.glue, settings.table, { dateKeyType: table.dateKeyType, locationOf: (ref) => (0,trail_layout/* partitionLocation */.wi)(layout, ref) }, logger));
    for (const values of existing.foreignSamples) {
        logger.debug(`left alone (not in this action's form): ${values.join('/')}`);
    }
    const window = (0,dates/* syncWindow */.m5)(settings.asOf, settings.retentionDays, settings.futureDays);
    const plan = planSync(existing, { desired: discovery.series, accounts: settings.accounts, regions: settings.regions }, window);
    logger.info(`plan: add ${plan.totals.add}, remove ${plan.totals.remove}, unchanged ${plan.totals.unchanged}`);
    const report = {
        settings,
        tableName: (0,table_ref/* describeTable */.uq)(settings.table),
        dateKeyType: table.dateKeyType,
        table,
        layout,
        layoutDescription: (0,trail_layout/* describeLayout */.M2)(layout),
        discovery,
        existingTotal: existing.total,
        plan,
        timings
    };
    if (settings.dryRun) {
        logger.info('dry run: nothing written');
        return report;
    }
    report.applied = await phase('Apply', () => applyPlan({
        glue: clients.glue,
        table: settings.table,
        layout,
        dateKeyType: table.dateKeyType,
        storageDescriptor: table.storageDescriptor,
        concurrency: tuning.writeConcurrency
    }, plan, logger));
    return report;
}
/** An allow-listed region must be a known AWS region or at least appear in the bucket. */
function checkRegions(regions, discovery) {
    for (const region of regions) {
        if (trail_regions/* KNOWN_REGIONS */.Q.has(region) || discovery.regionsSeen.has(region))
            continue;
        const hint = (0,trail_regions/* nearestRegion */.$)(region);
        throw new errors/* ConfigurationError */.j(`Input 'regions': '${region}' is not an AWS region${hint ? ` (did you mean ${hint}?)` : ''} and the bucket has no logs for it.`);
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/report/summary.ts


/** Rows of the per-series table before the rest is summed up in one line. */
const MAX_SERIES_ROWS = 50;
/** Per (account, region): applied counts, or planned counts on a dry run; largest change first. */
function seriesRows(report) {
    const rows = report.plan.series.map((plan) => {
        const applied = report.applied?.bySeries.get((0,keys/* seriesKey */.Xk)(plan.account, plan.region));
        return {
            account: plan.account,
            region: plan.region,
            added: report.applied ? (applied?.created ?? 0) : plan.addCount,
            removed: report.applied ? (applied?.deleted ?? 0) : plan.removeCount,
            unchanged: plan.unchanged
        };
    });
    return rows.sort((a, b) => b.added + b.removed - (a.added + a.removed) ||
        a.account.localeCompare(b.account) ||
        a.region.localeCompare(b.region));
}
function totalsOf(report) {
    return {
        added: report.applied ? report.applied.created : report.plan.totals.add,
        removed: report.applied ? report.applied.deleted : report.plan.totals.remove,
        unchanged: report.plan.totals.unchanged
    };
}
const number = (n) => n.toLocaleString('en-US');
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
/** When the sync stops before it has a report: the error and every AWS call made until then (writes included). */
function renderFailureSummary(message, calls) {
    const lines = [
        '## CloudTrail partitions: failed',
        '',
        escapeCell(message, 4000),
        '',
        'AWS calls made before the failure:',
        ''
    ];
    return [...lines, ...callsTable(calls)].join('\n') + '\n';
}
function callsTable(calls) {
    const lines = ['| Operation | Calls | Retries | Failed |', '| --- | ---: | ---: | ---: |'];
    for (const [operation, stats] of [...calls.byOperation].sort(([a], [b]) => a.localeCompare(b))) {
        lines.push(`| ${operation} | ${number(stats.calls)} | ${number(stats.retries)} | ${number(stats.failed)} |`);
    }
    return lines;
}
function renderSummary(report, calls) {
    const { settings, plan, applied } = report;
    const totals = totalsOf(report);
    const verb = applied ? '' : ' (planned)';
    const lines = [
        `## CloudTrail partitions: ${applied ? 'sync' : 'dry run, nothing written'}`,
        '',
        `| | |`,
        `| --- | --- |`,
        `| Table | \`${report.tableName}\` ${TABLE_ACTIONS[report.table.action]}, date keys ${report.dateKeyType}${report.table.databaseCreated ? ' (database created)' : ''} |`,
        `| Partition index | ${describeIndex(report.table)} |`,
        `| Partition filtering | ${FILTERING[report.table.partitionFiltering]} |`,
        `| Layout | ${report.layoutDescription} |`,
        `| Window | ${(0,dates/* formatIsoDate */.d$)(plan.window.first)} to ${(0,dates/* formatIsoDate */.d$)(plan.window.last)} (as of ${(0,dates/* formatIsoDate */.d$)(settings.asOf)}, ${settings.retentionDays} days kept, ${settings.futureDays} ahead) |`,
        `| Accounts | ${report.discovery.series.size} in scope of ${report.discovery.accountsFound} found |`,
        `| Regions skipped | ${[...report.discovery.regionsSkipped].sort().join(', ') || 'none'} |`,
        '',
        `**Added${verb}: ${number(totals.added)} · Removed${verb}: ${number(totals.removed)} · Unchanged: ${number(totals.unchanged)}**` +
            ` · Left alone: ${number(plan.totals.leftAlone)} · In Glue before: ${number(report.existingTotal)}`,
        ''
    ];
    if (report.table.addColumnsStatement) {
        lines.push(`The table lacks ${report.table.missingColumns.length} column(s) of AWS's current CloudTrail schema ` +
            `(${report.table.missingColumns.join(', ')}). Add them in Athena with:`, '', '```sql', report.table.addColumnsStatement, '```', '');
    }
    for (const warning of report.table.warnings)
        lines.push(`> [!WARNING]`, `> ${warning}`, '');
    if (applied && (applied.alreadyDone || applied.failed || applied.skipped)) {
        lines.push(`Already done by another run: ${number(applied.alreadyDone)} · **Failed: ${number(applied.failed)}**` +
            ` · **Not attempted: ${number(applied.skipped)}**` +
            (applied.stoppedBy ? ` (stopped after: ${applied.stoppedBy})` : ''), '');
        if (applied.failures.length) {
            lines.push('| Partition | Error |', '| --- | --- |');
            for (const failure of applied.failures) {
                lines.push(`| ${failure.values.join('/')} | ${failure.code}: ${escapeCell(failure.message)} |`);
            }
            lines.push('');
        }
    }
    lines.push(...seriesTable(seriesRows(report)), '', '### Time and AWS calls', '');
    const totalMs = report.timings.reduce((sum, [, ms]) => sum + ms, 0);
    lines.push(report.timings.map(([name, ms]) => `${name} ${seconds(ms)}`).join(' · ') + ` · total ${seconds(totalMs)}`);
    lines.push('', ...callsTable(calls));
    return lines.join('\n') + '\n';
}
const TABLE_ACTIONS = {
    validated: 'validated',
    created: 'created',
    'would-create': 'would be created'
};
const FILTERING = {
    enabled: 'on',
    'enabled-now': 'turned on (partition_filtering.enabled=true)',
    'would-enable': 'would be turned on',
    off: 'off'
};
function describeIndex(table) {
    const index = table.index;
    if (!index)
        return 'none (set partition-index: true to add one)';
    if (index.action === 'no-slot')
        return 'none usable; no slot left (3 indexes)';
    if (index.action === 'failed')
        return `${index.name ?? ''} FAILED: delete it and run again (see the log)`;
    const what = `${index.name ?? 'cloudtrail_partitions_by_date'} (${(index.keys ?? ['year', 'month', 'day']).join(', ')})`;
    if (index.action === 'would-create')
        return `${what} would be created`;
    const status = index.status === 'CREATING' ? 'CREATING, still building' : (index.status ?? 'unknown');
    return `${what} ${index.action === 'created' ? 'created' : 'present'}, ${status}`;
}
function seriesTable(rows) {
    const changed = rows.filter((row) => row.added + row.removed > 0);
    if (changed.length === 0) {
        return [`No changes: all ${number(rows.length)} account/region series are up to date.`];
    }
    const shown = changed.slice(0, MAX_SERIES_ROWS);
    const lines = [
        `### Changes by account and region (${number(changed.length)} of ${number(rows.length)} series changed)`,
        '',
        '| Account | Region | Added | Removed | Unchanged |',
        '| --- | --- | ---: | ---: | ---: |',
        ...shown.map((row) => `| ${row.account} | ${row.region} | ${number(row.added)} | ${number(row.removed)} | ${number(row.unchanged)} |`)
    ];
    const rest = changed.slice(MAX_SERIES_ROWS);
    if (rest.length) {
        const sum = (pick) => number(rest.reduce((s, row) => s + pick(row), 0));
        lines.push(`| … ${number(rest.length)} more series | | ${sum((r) => r.added)} | ${sum((r) => r.removed)} | ${sum((r) => r.unchanged)} |`);
    }
    return lines;
}
function escapeCell(text, max = 300) {
    return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, max);
}

;// CONCATENATED MODULE: ./src/report/plan-file.ts
/**
 * The machine-readable plan: per (account, region), the day ranges added and removed, so a later
 * step (or a person reviewing a dry run) sees exactly what the run did or would do.
 */




const PLAN_FILE_VERSION = 1;
const isoRange = (range) => [
    (0,dates/* formatIsoDate */.d$)(range.first),
    (0,dates/* formatIsoDate */.d$)(range.last)
];
function planDocument(report) {
    const { plan, applied, settings } = report;
    return {
        version: PLAN_FILE_VERSION,
        dryRun: settings.dryRun,
        table: report.tableName,
        dateKeyType: report.dateKeyType,
        layout: {
            kind: report.layout.kind,
            organizationId: report.layout.organizationId,
            bucket: settings.bucket,
            prefix: settings.prefix
        },
        asOf: (0,dates/* formatIsoDate */.d$)(settings.asOf),
        window: isoRange(plan.window),
        totals: { ...totalsOf(report), leftAlone: plan.totals.leftAlone, planned: plan.totals },
        ...(applied
            ? {
                applied: {
                    created: applied.created,
                    deleted: applied.deleted,
                    alreadyDone: applied.alreadyDone,
                    failed: applied.failed,
                    skipped: applied.skipped,
                    failures: applied.failures,
                    stoppedBy: applied.stoppedBy
                }
            }
            : {}),
        series: plan.series
            .filter((series) => series.addCount + series.removeCount > 0)
            .map((series) => ({
            account: series.account,
            region: series.region,
            add: series.add.map(isoRange),
            remove: series.remove.map(isoRange),
            unchanged: series.unchanged,
            // `add` and `remove` are the plan; on a run that stopped early, these say what was applied.
            ...(applied
                ? {
                    applied: applied.bySeries.get((0,keys/* seriesKey */.Xk)(series.account, series.region)) ?? {
                        created: 0,
                        deleted: 0
                    }
                }
                : {})
        }))
    };
}
async function writePlanFile(path, report) {
    await (0,external_node_fs_promises_.writeFile)(path, JSON.stringify(planDocument(report), null, 2) + '\n');
}

;// CONCATENATED MODULE: ./src/commands/sync.ts
/**
 * `command: sync` wired to GitHub: inputs -> credentials -> runSync -> outputs, job summary, plan
 * file, and a failed step when any change failed.
 */










async function syncCommand(logger) {
    const settings = (0,inputs/* readSyncSettings */.nO)((name) => core/* getInput */.V4(name));
    const credentials = (0,aws_credentials/* credentialsFor */.Og)(settings.credentials, settings.awsRegion, (audience) => core/* getIDToken */.V9(audience));
    logger.info(credentials ? `credentials: GitHub OIDC -> ${settings.credentials.roleToAssume}` : 'credentials: ambient');
    const clients = (0,aws_clients/* createClients */.hP)(settings.awsRegion, credentials);
    const report = await runSync({
        ...settings,
        table: {
            database: settings.database,
            table: settings.table,
            ...(settings.catalogId ? { catalogId: settings.catalogId } : {})
        }
    }, clients, logger).catch(async (error) => {
        // Table setup may already have written (database, table, index): the summary shows every call made.
        if (process.env.GITHUB_STEP_SUMMARY && clients.calls.total > 0) {
            const message = (0,aws_clients/* explainDenied */.ne)(error) ?? error.message;
            await core/* summary */.z.addRaw(renderFailureSummary(message, clients.calls)).write();
        }
        throw error;
    });
    const totals = totalsOf(report);
    const planFile = (0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'cloudtrail-partitions-plan.json');
    await writePlanFile(planFile, report);
    const summaryText = `${settings.dryRun ? 'dry run: would add' : 'added'} ${totals.added}, ` +
        `${settings.dryRun ? 'would remove' : 'removed'} ${totals.removed}, unchanged ${totals.unchanged} ` +
        `partitions in ${report.tableName}`;
    core/* setOutput */.uH(constants/* Outputs */.tY.Added, totals.added);
    core/* setOutput */.uH(constants/* Outputs */.tY.Removed, totals.removed);
    core/* setOutput */.uH(constants/* Outputs */.tY.Unchanged, totals.unchanged);
    core/* setOutput */.uH(constants/* Outputs */.tY.PlanFile, planFile);
    core/* setOutput */.uH(constants/* Outputs */.tY.Summary, summaryText);
    if (process.env.GITHUB_STEP_SUMMARY) {
        await core/* summary */.z.addRaw(renderSummary(report, clients.calls)).write();
    }
    logger.info(summaryText);
    const applied = report.applied;
    if (applied && applied.failed > 0) {
        core/* setFailed */.C1(`${applied.failed} partition change(s) failed` +
            (applied.stoppedBy ? ` (stopped after: ${applied.stoppedBy})` : '') +
            `; ${applied.created} created and ${applied.deleted} removed were applied, ${applied.skipped} not attempted. ` +
            `See the job summary; a rerun completes the rest.`);
    }
}


/***/ }),

/***/ 9359:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pn: () => (/* binding */ tableParams),
/* harmony export */   Xp: () => (/* binding */ catalogParam),
/* harmony export */   oN: () => (/* binding */ splitQualifiedTable),
/* harmony export */   uq: () => (/* binding */ describeTable)
/* harmony export */ });
function describeTable(ref) {
    return `${ref.catalogId ? `${ref.catalogId}:` : ''}${ref.database}.${ref.table}`;
}
/** The Glue request fields that name the table. */
/** `CatalogId` only when one is set: Glue takes the caller's account otherwise. */
function catalogParam(ref) {
    return ref.catalogId ? { CatalogId: ref.catalogId } : {};
}
function tableParams(ref) {
    return {
        ...catalogParam(ref),
        DatabaseName: ref.database,
        TableName: ref.table
    };
}
/**
 * Reads a table input that may be qualified: `cloudtrail`, `security.cloudtrail` or
 * `awsdatacatalog.security.cloudtrail` (the catalog is dropped).
 */
function splitQualifiedTable(name) {
    const parts = name.split('.');
    const table = parts.at(-1) ?? name;
    return parts.length > 1 ? { database: parts.at(-2), table } : { table };
}


/***/ }),

/***/ 797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CL: () => (/* binding */ cloudTrailStorageDescriptor),
/* harmony export */   Pf: () => (/* binding */ fieldsOf),
/* harmony export */   UG: () => (/* binding */ CLOUDTRAIL_COLUMNS),
/* harmony export */   fc: () => (/* binding */ ACCEPTED_SERDES),
/* harmony export */   zK: () => (/* binding */ partitionKeyColumns)
/* harmony export */ });
/* unused harmony exports CLOUDTRAIL_SERDE, CLOUDTRAIL_INPUT_FORMAT, CLOUDTRAIL_OUTPUT_FORMAT */
/* harmony import */ var _partitions_keys_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3399);

const CLOUDTRAIL_COLUMNS = [
    ['eventversion', 'string'],
    [
        'useridentity',
        'struct<type:string,principalid:string,arn:string,accountid:string,invokedby:string,accesskeyid:string,username:string,onbehalfof:struct<userid:string,identitystorearn:string>,sessioncontext:struct<attributes:struct<mfaauthenticated:string,creationdate:string>,sessionissuer:struct<type:string,principalid:string,arn:string,accountid:string,username:string>,ec2roledelivery:string,webidfederationdata:struct<federatedprovider:string,attributes:map<string,string>>>>'
    ],
    ['eventtime', 'string'],
    ['eventsource', 'string'],
    ['eventname', 'string'],
    ['awsregion', 'string'],
    ['sourceipaddress', 'string'],
    ['useragent', 'string'],
    ['errorcode', 'string'],
    ['errormessage', 'string'],
    ['requestparameters', 'string'],
    ['responseelements', 'string'],
    ['additionaleventdata', 'string'],
    ['requestid', 'string'],
    ['eventid', 'string'],
    ['resources', 'array<struct<arn:string,accountid:string,type:string>>'],
    ['eventtype', 'string'],
    ['apiversion', 'string'],
    ['readonly', 'string'],
    ['recipientaccountid', 'string'],
    ['serviceeventdetails', 'string'],
    ['sharedeventid', 'string'],
    ['vpcendpointid', 'string'],
    ['vpcendpointaccountid', 'string'],
    ['eventcategory', 'string'],
    ['addendum', 'struct<reason:string,updatedfields:string,originalrequestid:string,originaleventid:string>'],
    ['sessioncredentialfromconsole', 'string'],
    ['edgedevicedetails', 'string'],
    ['tlsdetails', 'struct<tlsversion:string,ciphersuite:string,clientprovidedhostheader:string>']
];
/** JSON SerDe: AWS notes the older CloudTrailSerde does not handle the newer fields. */
const CLOUDTRAIL_SERDE = 'org.apache.hive.hcatalog.data.JsonSerDe';
const CLOUDTRAIL_INPUT_FORMAT = 'com.amazon.emr.cloudtrail.CloudTrailInputFormat';
const CLOUDTRAIL_OUTPUT_FORMAT = 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat';
/** SerDes that read CloudTrail's files: the documented one and the older CloudTrail-specific one. */
const ACCEPTED_SERDES = new Set([
    CLOUDTRAIL_SERDE,
    'com.amazon.emr.hive.serde.CloudTrailSerde'
]);
/** The table's storage descriptor as AWS documents it: columns, SerDe and formats, at `location`. */
function cloudTrailStorageDescriptor(location) {
    return {
        Columns: CLOUDTRAIL_COLUMNS.map(([Name, Type]) => ({ Name, Type })),
        Location: location,
        InputFormat: CLOUDTRAIL_INPUT_FORMAT,
        OutputFormat: CLOUDTRAIL_OUTPUT_FORMAT,
        SerdeInfo: { SerializationLibrary: CLOUDTRAIL_SERDE, Parameters: {} },
        Compressed: false,
        NumberOfBuckets: -1,
        StoredAsSubDirectories: false
    };
}
function partitionKeyColumns(dateKeyType) {
    return _partitions_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .PARTITION_KEY_NAMES */ .WV.map((name, index) => ({ Name: name, Type: index < 2 ? 'string' : dateKeyType }));
}
/**
 * Parses `struct<a:string,b:struct<c:int>>` (and arrays or maps of structs) into a tree of field
 * names; null marks a leaf. Arrays and maps are looked through, as `resources[1].arn` reads them.
 */
function fieldsOf(type) {
    const text = type.replace(/\s+/g, '').toLowerCase();
    let position = 0;
    const parseType = () => {
        if (text.startsWith('struct<', position)) {
            position += 'struct<'.length;
            const fields = new Map();
            while (text[position] !== '>') {
                const colon = text.indexOf(':', position);
                const name = text.slice(position, colon);
                position = colon + 1;
                fields.set(name, parseType());
                if (text[position] === ',')
                    position += 1;
            }
            position += 1;
            return fields;
        }
        for (const wrapper of ['array<', 'map<']) {
            if (text.startsWith(wrapper, position)) {
                position += wrapper.length;
                let inner = parseType();
                if (wrapper === 'map<') {
                    position += 1; // the comma between key and value types
                    inner = parseType();
                }
                position += 1;
                return inner;
            }
        }
        const end = text.slice(position).search(/[,>]|$/);
        position += end;
        return null;
    };
    return parseType();
}


/***/ }),

/***/ 8668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UI: () => (/* binding */ findTable),
/* harmony export */   kZ: () => (/* binding */ addColumnsStatement),
/* harmony export */   zL: () => (/* binding */ validateTable)
/* harmony export */ });
/* unused harmony export missingColumns */
/* harmony import */ var _aws_sdk_client_glue__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6542);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _partitions_keys_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3399);
/* harmony import */ var _partitions_table_ref_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9359);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(797);
/**
 * Reads the table and checks, before any write, that the sync can keep it: partition keys
 * `account`, `region`, `year`, `month`, `day` in that order (string account and region, date keys
 * all string or all integer), no partition projection, a SerDe that reads CloudTrail's files. The
 * location and missing newer columns are warnings: the table works, but a person should know.
 */





const INTEGER_TYPES = new Set(['int', 'integer', 'bigint', 'smallint', 'tinyint']);
/** The table, or undefined when it (or its database) does not exist. */
async function findTable(glue, ref) {
    try {
        const response = await glue.send(new _aws_sdk_client_glue__WEBPACK_IMPORTED_MODULE_2__/* .GetTableCommand */ .QuZ({
            ...(0,_partitions_table_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .catalogParam */ .Xp)(ref),
            DatabaseName: ref.database,
            Name: ref.table
        }));
        return response.Table;
    }
    catch (error) {
        if (error.name === 'EntityNotFoundException')
            return undefined;
        throw error;
    }
}
function validateTable(table, ref, expectedLocation) {
    const name = (0,_partitions_table_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .describeTable */ .uq)(ref);
    if (table.Parameters?.['projection.enabled']?.toLowerCase() === 'true') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j(`${name} uses partition projection (projection.enabled=true): Athena ignores Glue partitions for it, ` +
            `so this action has nothing to do. Use a table without projection, or keep projection and drop this action.`);
    }
    const keys = (table.PartitionKeys ?? []).map((key) => ({
        name: (key.Name ?? '').toLowerCase(),
        type: (key.Type ?? '').toLowerCase()
    }));
    const expected = _partitions_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .PARTITION_KEY_NAMES */ .WV.join(', ');
    const actual = keys.map((key) => `${key.name} ${key.type}`).join(', ') || 'none';
    const namesMatch = keys.length === _partitions_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .PARTITION_KEY_NAMES */ .WV.length && keys.every((key, i) => key.name === _partitions_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .PARTITION_KEY_NAMES */ .WV[i]);
    if (!namesMatch) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j(`${name} has partition keys (${actual}); this action writes (${expected}) in that order. ` +
            `Create the table with those partition keys, as AWS documents the CloudTrail table for organization trails, ` +
            `or let the action create a new one (create-table: true with another table name).`);
    }
    const [account, region, ...dateKeys] = keys;
    if (account.type !== 'string' || region.type !== 'string') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j(`${name}: partition keys account and region must be string (found ${actual}).`);
    }
    const dateKeyType = dateKeyTypeOf(dateKeys.map((key) => key.type));
    if (!dateKeyType) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j(`${name}: partition keys year, month, day must all be string or all int (found ${actual}).`);
    }
    const descriptor = table.StorageDescriptor;
    if (!descriptor) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j(`${name} has no storage descriptor; partitions copy it, so the table needs one.`);
    }
    const serde = descriptor.SerdeInfo?.SerializationLibrary ?? '';
    if (!_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .ACCEPTED_SERDES */ .fc.has(serde)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j(`${name} uses the SerDe '${serde || 'none'}', which does not read CloudTrail's JSON log files; ` +
            `partitions copy it. Use ${[..._schema_js__WEBPACK_IMPORTED_MODULE_1__/* .ACCEPTED_SERDES */ .fc].join(' or ')} (AWS's documented table uses the first).`);
    }
    const warnings = [];
    if (expectedLocation && descriptor.Location && !sameLocation(descriptor.Location, expectedLocation)) {
        warnings.push(`${name} has LOCATION ${descriptor.Location}; the trail's root is ${expectedLocation}. ` +
            `Partitions carry their own locations, so queries work, but check that this is the table you meant.`);
    }
    return {
        dateKeyType,
        storageDescriptor: descriptor,
        missingColumns: missingColumns(descriptor.Columns ?? []),
        warnings
    };
}
function missingColumns(columns) {
    const present = new Set(columns.map((column) => (column.Name ?? '').toLowerCase()));
    return _schema_js__WEBPACK_IMPORTED_MODULE_1__/* .CLOUDTRAIL_COLUMNS */ .UG.filter(([name]) => !present.has(name));
}
/** The one Athena statement that adds the missing columns. */
function addColumnsStatement(ref, columns) {
    const list = columns.map(([name, type]) => `${name} ${type}`).join(', ');
    // Backquotes: Athena's DDL needs them for names such as cloudtrail-logs.
    return `ALTER TABLE \`${ref.database}\`.\`${ref.table}\` ADD COLUMNS (${list})`;
}
function sameLocation(a, b) {
    return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}
function dateKeyTypeOf(types) {
    if (types.every((type) => type === 'string'))
        return 'string';
    if (types.every((type) => INTEGER_TYPES.has(type)))
        return 'int';
    return undefined;
}


/***/ })

};

export const id = 770;
export const ids = [770];
export const modules = {

/***/ 8422:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DJ: () => (/* binding */ readPublishSettings),
/* harmony export */   HC: () => (/* binding */ DEFAULT_PARTITION_COLUMNS),
/* harmony export */   lS: () => (/* binding */ tableRefOf),
/* harmony export */   nO: () => (/* binding */ readSyncSettings),
/* harmony export */   uF: () => (/* binding */ readCheckSettings)
/* harmony export */ });
/* unused harmony exports readCommand, readSource, TODAY_VARIABLE, DEFAULT_QUERIES, list */
/* harmony import */ var _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(209);
/* harmony import */ var _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8941);
/* harmony import */ var _vocabulary_dates_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2145);
/* harmony import */ var _partitions_guards_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5369);
/* harmony import */ var _partitions_quota_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2787);
/* harmony import */ var _vocabulary_keys_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(8206);
/* harmony import */ var _logs_layout_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4021);
/* harmony import */ var _logs_sources_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6045);
/* harmony import */ var _logs_regions_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4470);
/* harmony import */ var _queries_limits_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7302);
/* harmony import */ var _queries_publish_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2836);
/**
 * Reads and validates every input once, into one typed Settings object (as actions/checkout's
 * input-helper does). Each mistake is a ConfigurationError that names the input and the fix;
 * nothing reaches AWS before this has passed.
 */











const BUCKET_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const GLUE_NAME_PATTERN = /^[^\s`]{1,255}$/;
const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const SESSION_NAME_PATTERN = /^[\w+=,.@-]{2,64}$/;
function readCommand(read) {
    const value = read(Inputs.Command).trim() || 'sync';
    if (!Commands.includes(value)) {
        throw new ConfigurationError(`Input '${Inputs.Command}': '${value}' is not one of ${Commands.join(', ')}.`);
    }
    return value;
}
/** The `source` input: one of AWS's folder names under the account, in any case; empty: CloudTrail. */
function readSource(read) {
    const value = read(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Source).trim();
    if (!value)
        return _logs_sources_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_SOURCE */ .Qe;
    const source = (0,_logs_sources_js__WEBPACK_IMPORTED_MODULE_5__/* .sourceNamed */ .Lt)(value);
    if (!source) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Source}': '${value}' is not one of ${_logs_sources_js__WEBPACK_IMPORTED_MODULE_5__/* .SOURCE_NAMES */ .tN.join(', ')} (the folder AWS writes under each account in AWSLogs/).`);
    }
    return source;
}
function requiredInput(read, name, command) {
    const value = read(name).trim();
    if (!value)
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${name}' is required for command '${command}'.`);
    return value;
}
/**
 * The day the sync takes for today, as YYYY-MM-DD, when this environment variable is set: the
 * end-to-end tests pin it so that their fixed dates do not age past the as-of guards. Unset, the
 * runner's clock decides.
 */
const TODAY_VARIABLE = 'CLOUDTRAIL_PARTITIONS_TODAY';
function nowFrom(env) {
    const pinned = env[TODAY_VARIABLE]?.trim();
    if (!pinned)
        return new Date();
    const day = (0,_vocabulary_dates_js__WEBPACK_IMPORTED_MODULE_9__/* .parseIsoDate */ .jT)(pinned);
    if (day === undefined) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`The environment variable ${TODAY_VARIABLE}: '${pinned}' is not a UTC date of the form YYYY-MM-DD; unset it to use the clock.`);
    }
    return new Date(day * 86_400_000);
}
function readSyncSettings(read, env = process.env, now = nowFrom(env)) {
    const text = (name) => read(name).trim();
    const required = (name) => requiredInput(read, name, 'sync');
    const source = readSource(read);
    const bucket = required(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Bucket);
    if (bucket.startsWith('s3://') || bucket.includes('/')) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Bucket}' takes the bucket name only (for example org-cloudtrail-logs); put any folder before AWSLogs/ in '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Prefix}'.`);
    }
    if (!BUCKET_PATTERN.test(bucket)) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Bucket}': '${bucket}' is not a valid S3 bucket name.`);
    }
    const prefix = (0,_logs_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizePrefix */ .iG)(text(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Prefix));
    if (/(^|\/)AWSLogs\//.test(prefix)) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Prefix}' is what comes before AWSLogs/; remove AWSLogs/ and what follows from '${prefix}'.`);
    }
    const organizationId = text(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.OrganizationId);
    if (organizationId && !_logs_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .ORGANIZATION_ID_PATTERN */ .Vj.test(organizationId)) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.OrganizationId}': '${organizationId}' is not an organization id (o- followed by 10 to 32 lowercase letters or digits).`);
    }
    const database = glueName(required(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Database), _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Database);
    const table = glueName(required(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Table), _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Table);
    const catalogId = optionalCatalogId(read);
    const regions = list(read(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Regions));
    for (const region of regions) {
        if (!_vocabulary_keys_js__WEBPACK_IMPORTED_MODULE_10__/* .REGION_PATTERN */ .aY.test(region)) {
            const hint = (0,_logs_regions_js__WEBPACK_IMPORTED_MODULE_6__/* .nearestRegion */ .$f)(region);
            throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Regions}': '${region}' is not an AWS region name${hint ? ` (did you mean ${hint}?)` : ''}.`);
        }
    }
    const accounts = list(read(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Accounts));
    for (const account of accounts) {
        if (!_vocabulary_keys_js__WEBPACK_IMPORTED_MODULE_10__/* .ACCOUNT_PATTERN */ .j5.test(account)) {
            throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Accounts}': '${account}' is not a 12-digit account id.`);
        }
    }
    const retentionDays = integer(read, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RetentionDays, 90, 0, 36_500);
    const futureDays = integer(read, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.FutureDays, 1, 0, 366);
    const asOfText = text(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.AsOf);
    const today = (0,_vocabulary_dates_js__WEBPACK_IMPORTED_MODULE_9__/* .todayUtc */ .O2)(now);
    const asOf = asOfText ? (0,_vocabulary_dates_js__WEBPACK_IMPORTED_MODULE_9__/* .parseIsoDate */ .jT)(asOfText) : today;
    if (asOf === undefined) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.AsOf}': '${asOfText}' is not a UTC date of the form YYYY-MM-DD.`);
    }
    if (asOfText)
        (0,_partitions_guards_js__WEBPACK_IMPORTED_MODULE_2__/* .checkAsOf */ .iV)(asOf, today);
    checkWindow(asOf, retentionDays, futureDays);
    const maxRemoveDays = integer(read, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.MaxRemoveDays, _partitions_guards_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_MAX_REMOVE_DAYS */ .E2, 0, 36_500);
    const maxTablePartitions = integer(read, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.MaxTablePartitions, _partitions_quota_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_MAX_TABLE_PARTITIONS */ .km, 1, MAX_TABLE_PARTITIONS_INPUT);
    const awsRegion = requiredRegion(read, env);
    const dateKeyType = optionalDateKeyType(read);
    const partitionIndex = read(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.PartitionIndex).trim()
        ? boolean(read, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.PartitionIndex, false)
        : undefined;
    return {
        source,
        bucket,
        prefix,
        organizationId,
        database,
        table,
        ...(catalogId ? { catalogId } : {}),
        regions: [...new Set(regions)],
        accounts: [...new Set(accounts)],
        retentionDays,
        futureDays,
        asOf,
        asOfGiven: asOfText !== '',
        today,
        dryRun: boolean(read, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.DryRun, false),
        maxRemoveDays,
        maxTablePartitions,
        planFile: read(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.PlanFile).trim(),
        awsRegion,
        credentials: readCredentialSettings(read),
        createTable: boolean(read, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.CreateTable, false),
        ...(dateKeyType ? { dateKeyType } : {}),
        ...(partitionIndex === undefined ? {} : { partitionIndex })
    };
}
const DEFAULT_QUERIES = 'queries/**/*.sql';
const DEFAULT_PARTITION_COLUMNS = ['year', 'month', 'day'];
function readCheckSettings(read, env = process.env) {
    const table = glueName(requiredInput(read, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Table, 'check-queries'), _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Table);
    const database = read(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Database).trim();
    const partitionColumns = list(read(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.PartitionColumns).toLowerCase());
    const workgroup = optionalWorkgroup(read);
    const athenaOutputLocation = optionalOutputLocation(read);
    const catalogId = optionalCatalogId(read);
    const athenaCatalog = optionalAthenaCatalog(read, catalogId, workgroup);
    const dateKeyType = optionalDateKeyType(read);
    const awsRegion = optionalRegion(read, env);
    return {
        queries: read(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Queries).trim() || DEFAULT_QUERIES,
        table,
        source: readSource(read),
        ...(database ? { database: glueName(database, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Database) } : {}),
        partitionColumns: partitionColumns.length ? partitionColumns : DEFAULT_PARTITION_COLUMNS,
        ...(dateKeyType ? { dateKeyType } : {}),
        ruleSeverity: read(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RuleSeverity).trim(),
        githubToken: read(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.GithubToken).trim(),
        ...(workgroup ? { workgroup } : {}),
        ...(athenaOutputLocation ? { athenaOutputLocation } : {}),
        ...(catalogId ? { catalogId } : {}),
        ...(athenaCatalog ? { athenaCatalog } : {}),
        ...(awsRegion ? { awsRegion } : {}),
        credentials: readCredentialSettings(read),
        limits: readQueryLimits(read)
    };
}
function readQueryLimits(read) {
    const defaults = _queries_limits_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_QUERY_LIMITS */ .il;
    return {
        maxFileBytes: integer(read, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.MaxFileBytes, defaults.maxFileBytes, 1, 100 * 1024 * 1024),
        maxStatementsPerFile: integer(read, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.MaxStatementsPerFile, defaults.maxStatementsPerFile, 1, 1_000_000),
        maxFiles: integer(read, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.MaxFiles, defaults.maxFiles, 1, 1_000_000),
        fileTimeBudgetMs: integer(read, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.FileTimeBudgetSeconds, defaults.fileTimeBudgetMs / 1000, 1, 3600) * 1000,
        maxExplains: integer(read, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.MaxExplains, defaults.maxExplains, 1, 100_000),
        explainBudgetMs: integer(read, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ExplainTimeBudgetSeconds, defaults.explainBudgetMs / 1000, 1, 21_600) * 1000,
        explainConcurrency: integer(read, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ExplainConcurrency, defaults.explainConcurrency, 1, 20),
        maxQueryPartitions: integer(read, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.MaxQueryPartitions, defaults.maxQueryPartitions, 1, 10_000_000)
    };
}
function readPublishSettings(read, env = process.env) {
    return {
        queries: read(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Queries).trim() || DEFAULT_QUERIES,
        // Athena's default workgroup, as the Athena API itself defaults.
        workgroup: optionalWorkgroup(read) ?? 'primary',
        database: glueName(requiredInput(read, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Database, 'publish-queries'), _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Database),
        deleteMissing: boolean(read, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.DeleteMissing, false),
        maxDeleteQueries: integer(read, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.MaxDeleteQueries, _queries_publish_js__WEBPACK_IMPORTED_MODULE_8__/* .DEFAULT_MAX_DELETE_QUERIES */ .MR, 0, 100_000),
        dryRun: boolean(read, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.DryRun, false),
        awsRegion: requiredRegion(read, env),
        credentials: readCredentialSettings(read)
    };
}
/** A quota raised a hundredfold is still below this; more is a typo. */
const MAX_TABLE_PARTITIONS_INPUT = 1_000_000_000;
/** CloudTrail started in 2013: a window reaching before it (or past year 9999) is a typo. */
const FIRST_CLOUDTRAIL_DAY = (0,_vocabulary_dates_js__WEBPACK_IMPORTED_MODULE_9__/* .parseIsoDate */ .jT)('2013-01-01');
const LAST_DAY = (0,_vocabulary_dates_js__WEBPACK_IMPORTED_MODULE_9__/* .parseIsoDate */ .jT)('9999-12-31');
function checkWindow(asOf, retentionDays, futureDays) {
    if (asOf - retentionDays < FIRST_CLOUDTRAIL_DAY) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RetentionDays}': ${retentionDays} days before ${(0,_vocabulary_dates_js__WEBPACK_IMPORTED_MODULE_9__/* .formatIsoDate */ .d$)(asOf)} is before 2013, when CloudTrail ` +
            `started; use at most ${Math.max(0, asOf - FIRST_CLOUDTRAIL_DAY)}.`);
    }
    if (asOf + futureDays > LAST_DAY) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.AsOf}': the window would end after 9999-12-31.`);
    }
}
function optionalRegion(read, env) {
    const input = read(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.AwsRegion).trim();
    const fromEnv = env.AWS_REGION ? 'AWS_REGION' : env.AWS_DEFAULT_REGION ? 'AWS_DEFAULT_REGION' : undefined;
    const awsRegion = input || (fromEnv ? (env[fromEnv] ?? '') : '');
    if (awsRegion && !_vocabulary_keys_js__WEBPACK_IMPORTED_MODULE_10__/* .REGION_PATTERN */ .aY.test(awsRegion)) {
        const source = input || !fromEnv ? `Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.AwsRegion}'` : `The environment variable ${fromEnv}`;
        const hint = (0,_logs_regions_js__WEBPACK_IMPORTED_MODULE_6__/* .nearestRegion */ .$f)(awsRegion);
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${source}: '${awsRegion}' is not an AWS region name${hint ? ` (did you mean ${hint}?)` : ''}.`);
    }
    return awsRegion || undefined;
}
function requiredRegion(read, env) {
    const awsRegion = optionalRegion(read, env);
    if (!awsRegion) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.AwsRegion}' is required: the region of the Glue catalog (or set AWS_REGION, as aws-actions/configure-aws-credentials does).`);
    }
    return awsRegion;
}
function optionalDateKeyType(read) {
    const value = read(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.DateKeyType).trim();
    if (!value)
        return undefined;
    if (value !== 'string' && value !== 'int') {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.DateKeyType}': '${value}' must be string or int.`);
    }
    return value;
}
const WORKGROUP_PATTERN = /^[a-zA-Z0-9._-]{1,128}$/;
/** CreateDataCatalog's Name: at most 127 letters, digits, '_', '@' or '-' (Athena API reference). */
const DATA_CATALOG_PATTERN = /^[A-Za-z0-9_@-]{1,127}$/;
function optionalCatalogId(read) {
    const catalogId = read(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.CatalogId).trim();
    if (catalogId && !_vocabulary_keys_js__WEBPACK_IMPORTED_MODULE_10__/* .ACCOUNT_PATTERN */ .j5.test(catalogId)) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.CatalogId}': '${catalogId}' is not a 12-digit account id.`);
    }
    return catalogId || undefined;
}
/**
 * Athena reaches another account's Glue catalog only through a data catalog registered for it, so
 * EXPLAIN with `catalog-id` needs its name; without `catalog-id` the name would point EXPLAIN at
 * another catalog than the one the table is read from.
 */
function optionalAthenaCatalog(read, catalogId, workgroup) {
    const value = read(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.AthenaCatalog).trim();
    if (value && !DATA_CATALOG_PATTERN.test(value)) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.AthenaCatalog}': '${value}' is not an Athena data catalog name (1 to 127 letters, digits, '_', '@' or '-').`);
    }
    if (value && !catalogId) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.AthenaCatalog}' is set without '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.CatalogId}': set '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.CatalogId}' to the account ` +
            `of the Glue catalog that '${value}' stands for, or leave '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.AthenaCatalog}' empty.`);
    }
    if (catalogId && workgroup && !value) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.AthenaCatalog}' is required with '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.CatalogId}' and '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Workgroup}': Athena's ` +
            `EXPLAIN reaches the Glue catalog of ${catalogId} only as a data catalog registered in this account ` +
            `(aws athena create-data-catalog --name NAME --type GLUE --parameters catalog-id=${catalogId}); give its ` +
            `name, or leave '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Workgroup}' empty to check without EXPLAIN.`);
    }
    return value || undefined;
}
function optionalWorkgroup(read) {
    const value = read(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Workgroup).trim();
    if (value && !WORKGROUP_PATTERN.test(value)) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Workgroup}': '${value}' is not an Athena workgroup name (1 to 128 letters, digits, '.', '_' or '-').`);
    }
    return value || undefined;
}
/** `s3://bucket/` or `s3://bucket/prefix/`, the form Athena's OutputLocation takes; ends with `/`. */
function optionalOutputLocation(read) {
    const value = read(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.AthenaOutputLocation).trim();
    if (!value)
        return undefined;
    const match = /^s3:\/\/([^/]+)(\/.*)?$/.exec(value);
    if (!match || !BUCKET_PATTERN.test(match[1]) || /\/\//.test(match[2] ?? '')) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.AthenaOutputLocation}': '${value}' is not an S3 location of the form s3://bucket/prefix/ ` +
            `(a bucket name, then an optional folder).`);
    }
    return value.endsWith('/') ? value : `${value}/`;
}
function readCredentialSettings(read) {
    const roleToAssume = read(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RoleToAssume).trim();
    if (roleToAssume && !ROLE_ARN_PATTERN.test(roleToAssume)) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RoleToAssume}': '${roleToAssume}' is not an IAM role ARN (arn:aws:iam::111122223333:role/NAME).`);
    }
    const roleSessionName = read(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RoleSessionName).trim() || 'GitHubActions';
    if (!SESSION_NAME_PATTERN.test(roleSessionName)) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RoleSessionName}': '${roleSessionName}' must be 2 to 64 characters of letters, digits and _+=,.@-.`);
    }
    return {
        roleToAssume,
        roleSessionName,
        roleDurationSeconds: integer(read, _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RoleDurationSeconds, 3600, 900, 43_200),
        audience: read(_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Audience).trim() || 'sts.amazonaws.com'
    };
}
/** Splits a comma-, space- or newline-separated list, dropping empties. */
function list(value) {
    return value
        .split(/[\s,]+/)
        .map((item) => item.trim())
        .filter(Boolean);
}
function integer(read, name, fallback, min, max) {
    const value = read(name).trim();
    if (!value)
        return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${name}': '${value}' must be a whole number from ${min} to ${max}.`);
    }
    return Number(value);
}
/** YAML 1.2 core booleans, as core.getBooleanInput accepts them. */
function boolean(read, name, fallback) {
    const value = read(name).trim();
    if (!value)
        return fallback;
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${name}': '${value}' must be true or false.`);
}
function glueName(value, name) {
    if (!GLUE_NAME_PATTERN.test(value)) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${name}': '${value}' is not a Glue name (1 to 255 characters, no spaces).`);
    }
    return value;
}
/** The Glue table the sync settings name, as the core takes it. */
function tableRefOf(settings) {
    return {
        database: settings.database,
        table: settings.table,
        ...(settings.catalogId ? { catalogId: settings.catalogId } : {})
    };
}


/***/ }),

/***/ 4021:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $L: () => (/* binding */ awsLogsPrefix),
/* harmony export */   GI: () => (/* binding */ regionOfFolder),
/* harmony export */   IH: () => (/* binding */ tableLocation),
/* harmony export */   Id: () => (/* binding */ sourceFolder),
/* harmony export */   M2: () => (/* binding */ describeLayout),
/* harmony export */   Vj: () => (/* binding */ ORGANIZATION_ID_PATTERN),
/* harmony export */   Xf: () => (/* binding */ accountOfFolder),
/* harmony export */   ZM: () => (/* binding */ layoutTemplate),
/* harmony export */   fx: () => (/* binding */ regionFolder),
/* harmony export */   iG: () => (/* binding */ normalizePrefix),
/* harmony export */   oA: () => (/* binding */ regionsRoot),
/* harmony export */   wi: () => (/* binding */ partitionLocation),
/* harmony export */   wq: () => (/* binding */ dateSegment),
/* harmony export */   zT: () => (/* binding */ accountsRoot)
/* harmony export */ });
/* harmony import */ var _vocabulary_dates_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2145);
/* harmony import */ var _path_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3200);
/* harmony import */ var _sources_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6045);
/**
 * One source's logs in one bucket: `[PREFIX/]AWSLogs/` then the folders of the source's path
 * (sources.ts), down to a day. Everything the sync needs of S3 comes from here: where the account
 * folders are, where an account's region folders are, and a partition's location, the day folder
 * AWS writes for (account, region, day). The partition's values are the keys' business
 * (vocabulary/keys.ts), never the layout's.
 */



const ORGANIZATION_ID_PATTERN = /^o-[a-z0-9]{10,32}$/;
/** Normalizes the `prefix` input: no leading slash, one trailing slash, empty stays empty. */
function normalizePrefix(prefix) {
    const trimmed = prefix.trim().replace(/^\/+|\/+$/g, '');
    return trimmed === '' ? '' : `${trimmed}/`;
}
/** `[PREFIX/]AWSLogs/`: where layouts are detected. */
function awsLogsPrefix(prefix) {
    return `${prefix}AWSLogs/`;
}
const parsedPaths = new Map();
/** The source's path for this kind of layout, with the position of each field. */
function pathOf(source, kind) {
    const key = `${source}/${kind}`;
    let parsed = parsedPaths.get(key);
    if (!parsed) {
        const layout = _sources_js__WEBPACK_IMPORTED_MODULE_1__/* .SOURCES */ .Hl[source].layouts.find((candidate) => candidate.kind === kind);
        if (!layout)
            throw new Error(`${source} has no ${kind} layout`);
        const segments = layout.path.map(_path_js__WEBPACK_IMPORTED_MODULE_0__/* .parseSegment */ .Zs);
        const at = {};
        segments.forEach((segment, index) => {
            if (segment.field)
                at[segment.field] = index;
        });
        parsedPaths.set(key, (parsed = { segments, at }));
    }
    return parsed;
}
const segmentOf = (layout, field) => {
    const { segments, at } = pathOf(layout.source, layout.kind);
    return at[field] === undefined ? undefined : segments[at[field]];
};
const fieldSegment = (layout, ...fields) => {
    for (const field of fields) {
        const segment = segmentOf(layout, field);
        if (segment)
            return segment;
    }
    throw new Error(`${layout.source} ${layout.kind} has no {${fields.join('} or {')}} folder`);
};
/** The folders from `first` (included) to `last` (excluded), filled. */
function folders(layout, first, last) {
    const { segments } = pathOf(layout.source, layout.kind);
    return segments
        .slice(first, last)
        .map((segment) => `${(0,_path_js__WEBPACK_IMPORTED_MODULE_0__/* .fill */ .GS)(segment, segment.field === 'organization' ? layout.organizationId : '')}/`)
        .join('');
}
/** The folder whose children are the account folders. */
function accountsRoot(layout) {
    return `${awsLogsPrefix(layout.prefix)}${folders(layout, 0, pathOf(layout.source, layout.kind).at.account)}`;
}
/** The account a folder under accountsRoot stands for, if it is an account folder of this layout. */
function accountOfFolder(layout, name) {
    return (0,_path_js__WEBPACK_IMPORTED_MODULE_0__/* .read */ .LF)(fieldSegment(layout, 'account'), name);
}
/** The folder whose children are the region folders of one account (`…/111122223333/CloudTrail/`). */
function regionsRoot(layout, account) {
    const { at } = pathOf(layout.source, layout.kind);
    return `${accountsRoot(layout)}${(0,_path_js__WEBPACK_IMPORTED_MODULE_0__/* .fill */ .GS)(fieldSegment(layout, 'account'), account)}/${folders(layout, at.account + 1, at.region)}`;
}
/** The source's own folders between an account and its regions, as a person reads them (`CloudTrail/`). */
function sourceFolder(layout) {
    const { at } = pathOf(layout.source, layout.kind);
    return folders(layout, at.account + 1, at.region);
}
/** The Region a folder under regionsRoot names, when the folder has this layout's form (`aws-region=…`). */
function regionOfFolder(layout, name) {
    return (0,_path_js__WEBPACK_IMPORTED_MODULE_0__/* .read */ .LF)(fieldSegment(layout, 'region'), name);
}
function regionFolder(layout, region) {
    return (0,_path_js__WEBPACK_IMPORTED_MODULE_0__/* .fill */ .GS)(fieldSegment(layout, 'region'), region);
}
/** The template of the year, month or day folder. */
function dateSegment(layout, part) {
    return part === 'year'
        ? fieldSegment(layout, 'yyyy')
        : part === 'month'
            ? fieldSegment(layout, 'MM', 'M')
            : fieldSegment(layout, 'dd', 'd');
}
/** The S3 URI of a partition's day folder, spelled as AWS writes it (Config's 2026/3/7 included). */
function partitionLocation(layout, ref) {
    const { year, month, day } = (0,_vocabulary_dates_js__WEBPACK_IMPORTED_MODULE_2__/* .calendarDateOf */ .oc)(ref.day);
    const date = `${(0,_path_js__WEBPACK_IMPORTED_MODULE_0__/* .fill */ .GS)(dateSegment(layout, 'year'), year)}/${(0,_path_js__WEBPACK_IMPORTED_MODULE_0__/* .fill */ .GS)(dateSegment(layout, 'month'), month)}/${(0,_path_js__WEBPACK_IMPORTED_MODULE_0__/* .fill */ .GS)(dateSegment(layout, 'day'), day)}`;
    return `s3://${layout.bucket}/${regionsRoot(layout, ref.account)}${regionFolder(layout, ref.region)}/${date}/`;
}
/** The table location for this layout: the folder of the account folders. */
function tableLocation(layout) {
    return `s3://${layout.bucket}/${accountsRoot(layout)}`;
}
/** The layout's path as a person reads it: `s3://b/AWSLogs/o-…/<account>/CloudTrail/<region>/YYYY/MM/DD/`. */
function layoutTemplate(layout) {
    const { segments } = pathOf(layout.source, layout.kind);
    const path = segments.map((segment) => `${(0,_path_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(segment, layout.organizationId)}/`).join('');
    return `s3://${layout.bucket}/${awsLogsPrefix(layout.prefix)}${path}`;
}
function describeLayout(layout) {
    const { title, belowDay } = _sources_js__WEBPACK_IMPORTED_MODULE_1__/* .SOURCES */ .Hl[layout.source];
    const kind = layout.kind === 'organization'
        ? `, organization ${layout.organizationId}`
        : layout.kind === 'hive'
            ? ', Hive-compatible folders'
            : '';
    return `${title} (${layout.source}${kind}) at ${layoutTemplate(layout)}${belowDay ? `, with ${belowDay} below the day` : ''}`;
}


/***/ }),

/***/ 3200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CV: () => (/* binding */ spelledOtherwise),
/* harmony export */   GS: () => (/* binding */ fill),
/* harmony export */   LF: () => (/* binding */ read),
/* harmony export */   WU: () => (/* binding */ show),
/* harmony export */   Zs: () => (/* binding */ parseSegment)
/* harmony export */ });
const FIELD_PATTERNS = {
    organization: 'o-[a-z0-9]{10,32}',
    account: '\\d{12}',
    region: '[^/]+',
    yyyy: '\\d{4}',
    MM: '\\d{2}',
    M: '[1-9]\\d?',
    dd: '\\d{2}',
    d: '[1-9]\\d?'
};
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function parseSegment(template) {
    const match = /^([^{}]*)\{([A-Za-z]+)\}([^{}]*)$/.exec(template);
    if (!match) {
        if (/[{}/]/.test(template))
            throw new Error(`not a folder template: ${template}`);
        return { template, before: template, after: '', pattern: new RegExp(`^${escapeRegExp(template)}$`) };
    }
    const [, before = '', name = '', after = ''] = match;
    if (!(name in FIELD_PATTERNS))
        throw new Error(`unknown field {${name}} in ${template}`);
    const field = name;
    const pattern = new RegExp(`^${escapeRegExp(before)}(${FIELD_PATTERNS[field]})${escapeRegExp(after)}$`);
    return { template, field, before, after, pattern };
}
/** The folder name for a value (numbers padded as the field says). */
function fill(segment, value = '') {
    if (!segment.field)
        return segment.before;
    const text = typeof value === 'number'
        ? segment.field === 'yyyy'
            ? String(value).padStart(4, '0')
            : segment.field === 'MM' || segment.field === 'dd'
                ? String(value).padStart(2, '0')
                : String(value)
        : value;
    return `${segment.before}${text}${segment.after}`;
}
/** The field a folder name holds, or undefined when the name is not this template's. */
function read(segment, name) {
    return segment.pattern.exec(name)?.[1];
}
/**
 * Whether a folder name holds this template's number spelled another way (`3` for `{MM}`, `03` for
 * `{M}`, `day=7` for `day={dd}`): the same literals around digits that the template does not match.
 */
function spelledOtherwise(segment, name) {
    if (!segment.field || segment.field === 'account' || segment.field === 'region')
        return false;
    const loose = new RegExp(`^${escapeRegExp(segment.before)}\\d{1,4}${escapeRegExp(segment.after)}$`);
    return loose.test(name) && !segment.pattern.test(name);
}
/** How a person reads the template: `<account>`, `<region>`, `YYYY`, `MM`, `M`, `DD`, `D`. */
function show(segment, organizationId) {
    if (!segment.field)
        return segment.before;
    const shown = {
        organization: organizationId ?? '<organization>',
        account: '<account>',
        region: '<region>',
        yyyy: 'YYYY',
        MM: 'MM',
        M: 'M',
        dd: 'DD',
        d: 'D'
    };
    return `${segment.before}${shown[segment.field]}${segment.after}`;
}


/***/ }),

/***/ 4470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ nearestRegion),
/* harmony export */   EK: () => (/* binding */ isAwsRegion),
/* harmony export */   Kk: () => (/* binding */ isKnownRegion),
/* harmony export */   gQ: () => (/* binding */ globalEventsLeftOut)
/* harmony export */ });
/* unused harmony exports REGION_GRAMMAR, knownRegions */
/* harmony import */ var _aws_sdk_core_client__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5152);
/* harmony import */ var fastest_levenshtein__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1916);
/* harmony import */ var _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(209);
/* harmony import */ var _sources_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6045);
/**
 * Which folder names under a source's folder (`CloudTrail/`, `Config/`) are AWS Regions. The installed AWS SDK knows the Regions of
 * its day (its endpoint partitions data, `partition()` of `@aws-sdk/core`), and every Region AWS has
 * named follows one grammar: a partition's prefix, a compass direction, a number without a leading
 * zero. A name the SDK does not know but the grammar admits (a Region launched after this release) is
 * taken as real; `zz-fake-1` or `eu-west-01` is not.
 */




/**
 * Prefixes of the SDK's partitions (their `regionRegex`: aws `us|eu|ap|sa|ca|me|af|il|mx`, aws-cn
 * `cn`, aws-us-gov `us-gov`, the isolated `us-iso`, `us-isob`, `us-isof`, `eu-isoe`, and the European
 * Sovereign Cloud `eusc-de`), the directions its Regions use, and a number from 1.
 */
const PREFIXES = ['us', 'eu', 'ap', 'sa', 'ca', 'me', 'af', 'il', 'mx', 'cn', 'us-gov'];
const ISOLATED_PREFIX = 'us-iso[a-z]?|eu-iso[a-z]?|eusc-[a-z]{2}';
const DIRECTIONS = [
    'north',
    'south',
    'east',
    'west',
    'central',
    'northeast',
    'northwest',
    'southeast',
    'southwest'
];
const REGION_GRAMMAR = new RegExp(`^(?:${PREFIXES.join('|')}|${ISOLATED_PREFIX})-(?:${DIRECTIONS.join('|')})-[1-9]\\d?$`);
/** True when the installed SDK lists the Region (its partitions data gives it a description). */
function isKnownRegion(name) {
    // The SDK merges a listed Region's own data, a description, into its partition's.
    const found = (0,_aws_sdk_core_client__WEBPACK_IMPORTED_MODULE_3__.partition)(name);
    return REGION_GRAMMAR.test(name) && found.description !== undefined;
}
/** A Region the SDK knows, or a name AWS could give a newer one. */
function isAwsRegion(name) {
    return REGION_GRAMMAR.test(name);
}
let known;
/**
 * The Regions the installed SDK knows, found by asking it about every name the grammar can build
 * (its data is not exported as a list); computed once, for spelling hints.
 */
function knownRegions() {
    if (known)
        return known;
    const prefixes = [...PREFIXES, 'us-iso', 'us-isob', 'us-isof', 'eu-isoe', 'eusc-de'];
    const found = [];
    for (const prefix of prefixes) {
        for (const direction of DIRECTIONS) {
            for (let number = 1; number <= 9; number++) {
                const name = `${prefix}-${direction}-${number}`;
                if (isKnownRegion(name))
                    found.push(name);
            }
        }
    }
    return (known = found.sort());
}
/** The known region closest to a mistyped one, for error messages. */
function nearestRegion(name) {
    let best;
    for (const region of knownRegions()) {
        const distance = (0,fastest_levenshtein__WEBPACK_IMPORTED_MODULE_0__/* .distance */ .Io)(name, region);
        if (!best || distance < best.distance)
            best = { region, distance };
    }
    return best && best.distance <= 3 ? best.region : undefined;
}
/**
 * A warning when a `regions` allow-list leaves out the Region where the source records the global
 * services' events (CloudTrail: us-east-1, for IAM, STS, CloudFront, Route 53, Organizations) and
 * the bucket has it.
 */
function globalEventsLeftOut(source, allowList, regionsSeen) {
    const region = _sources_js__WEBPACK_IMPORTED_MODULE_2__/* .SOURCES */ .Hl[source].globalEventsRegion;
    if (!region || allowList.length === 0 || allowList.includes(region))
        return undefined;
    if (!regionsSeen.has(region))
        return undefined;
    return (`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.Regions}' leaves out ${region}, which the bucket has: ${source} records the ` +
        `events of IAM and other global services (STS, CloudFront, Route 53, Organizations) there, so Athena will ` +
        `not find them. Add ${region} to '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.Regions}' unless leaving them out is meant.`);
}


/***/ }),

/***/ 6045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hl: () => (/* binding */ SOURCES),
/* harmony export */   Lt: () => (/* binding */ sourceNamed),
/* harmony export */   Qe: () => (/* binding */ DEFAULT_SOURCE),
/* harmony export */   tN: () => (/* binding */ SOURCE_NAMES)
/* harmony export */ });
/* unused harmony export isSourceName */
/**
 * The logs AWS writes under `[PREFIX/]AWSLogs/`, one description per source, each named after the
 * folder AWS writes under the account. They are data: where the organization, account, region and
 * date folders are and how they are spelled. Discovery, locations and the oldest-day probe read
 * these paths; no code path belongs to one source.
 *
 * A day partition's location is the day folder. Folders AWS writes below it (VPC Flow Logs' hours,
 * Config's ConfigHistory/ and ConfigSnapshot/) are read with it: Athena reads every object under a
 * location, subfolders included, which AWS's own unpartitioned tables rely on (the Config table of
 * the AWS Knowledge Center is located at `AWSLogs/<account>/Config/<region>/`, above the day folders
 * that hold the files).
 */
const SOURCE_NAMES = [
    'CloudTrail',
    'CloudTrail-Insight',
    'Config',
    'vpcflowlogs',
    'elasticloadbalancing'
];
const DEFAULT_SOURCE = 'CloudTrail';
const CLOUDTRAIL_FILES = 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/get-and-view-cloudtrail-log-files.html';
const cloudTrailFolders = (folder) => [
    {
        kind: 'organization',
        path: ['{organization}', '{account}', folder, '{region}', '{yyyy}', '{MM}', '{dd}']
    },
    { kind: 'account', path: ['{account}', folder, '{region}', '{yyyy}', '{MM}', '{dd}'] }
];
const SOURCES = {
    CloudTrail: {
        name: 'CloudTrail',
        title: 'CloudTrail management and data events',
        layouts: cloudTrailFolders('CloudTrail'),
        globalEventsRegion: 'us-east-1',
        documentation: [CLOUDTRAIL_FILES]
    },
    'CloudTrail-Insight': {
        name: 'CloudTrail-Insight',
        title: 'CloudTrail Insights events',
        // AWS shows the o-ID level for CloudTrail/ only; Insights go to "a different folder named
        // /CloudTrail-Insight" beside it (the trail's storage location), so an organization trail's are
        // under the same o-ID level.
        layouts: cloudTrailFolders('CloudTrail-Insight'),
        documentation: [CLOUDTRAIL_FILES]
    },
    Config: {
        name: 'Config',
        title: 'AWS Config configuration history and snapshots',
        // Month and day without a leading zero: AWS's examples write 2016/9/27 and 2016/10/6.
        layouts: [{ kind: 'account', path: ['{account}', 'Config', '{region}', '{yyyy}', '{M}', '{d}'] }],
        belowDay: 'ConfigHistory/, ConfigSnapshot/, OversizedChangeNotification/',
        documentation: [
            'https://docs.aws.amazon.com/config/latest/developerguide/example-configuration-history-notification.html',
            'https://docs.aws.amazon.com/config/latest/developerguide/example-configuration-snapshot-notification.html'
        ]
    },
    vpcflowlogs: {
        name: 'vpcflowlogs',
        title: 'VPC Flow Logs',
        layouts: [
            { kind: 'account', path: ['{account}', 'vpcflowlogs', '{region}', '{yyyy}', '{MM}', '{dd}'] },
            {
                kind: 'hive',
                path: [
                    'aws-account-id={account}',
                    'aws-service=vpcflowlogs',
                    'aws-region={region}',
                    'year={yyyy}',
                    'month={MM}',
                    'day={dd}'
                ]
            }
        ],
        belowDay: 'hour folders (HH/ or hour=HH/) when the flow log is partitioned per hour',
        documentation: ['https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-s3-path.html']
    },
    elasticloadbalancing: {
        name: 'elasticloadbalancing',
        title: 'Elastic Load Balancing access logs',
        layouts: [
            { kind: 'account', path: ['{account}', 'elasticloadbalancing', '{region}', '{yyyy}', '{MM}', '{dd}'] }
        ],
        documentation: [
            'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-access-logs.html'
        ]
    }
};
function isSourceName(name) {
    return SOURCE_NAMES.includes(name);
}
/** The source whose name matches, ignoring case (`config`, `VPCFlowLogs`). */
function sourceNamed(name) {
    return SOURCE_NAMES.find((source) => source.toLowerCase() === name.toLowerCase());
}


/***/ }),

/***/ 9252:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ DaySet)
/* harmony export */ });
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


/***/ }),

/***/ 5369:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C$: () => (/* binding */ SyncRefused),
/* harmony export */   E2: () => (/* binding */ DEFAULT_MAX_REMOVE_DAYS),
/* harmony export */   a2: () => (/* binding */ describeRefusal),
/* harmony export */   gc: () => (/* binding */ checkRemovals),
/* harmony export */   iV: () => (/* binding */ checkAsOf)
/* harmony export */ });
/* unused harmony export oneYearBefore */
/* harmony import */ var _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(209);
/* harmony import */ var _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8941);
/* harmony import */ var _vocabulary_dates_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2145);
/* harmony import */ var _day_set_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9252);
/* harmony import */ var _vocabulary_format_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3057);
/**
 * Guards that stop a typo from emptying the table. The day-to-day sync removes one day per series
 * (a week after a pause); a run that would remove the partitions of many more days is a mistaken
 * `retention-days` or `as-of`, or a clean-up someone should confirm. It stops before the first write.
 */





/** A week's pause removes seven days: still not refused. */
const DEFAULT_MAX_REMOVE_DAYS = 7;
function checkRemovals(plan, maxRemoveDays) {
    // Union of the series' days: each day counts once however many series lose it.
    const union = new _day_set_js__WEBPACK_IMPORTED_MODULE_2__/* .DaySet */ .L();
    for (let position = 0; position < plan.seriesCount; position++) {
        for (const day of plan.removeDays(plan.idAt(position)))
            union.add(day);
    }
    let oldest;
    let newest;
    for (const day of union) {
        oldest ??= day;
        newest = day;
    }
    return {
        days: union.size,
        ...(oldest === undefined ? {} : { oldest }),
        ...(newest === undefined ? {} : { newest }),
        max: maxRemoveDays,
        exceeded: union.size > maxRemoveDays
    };
}
const count = _vocabulary_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatCount */ .B;
/** What the refusal says: the plan's totals, the days, and which input lets a clean-up through. */
function describeRefusal(check, plan, dryRun) {
    const span = check.oldest === undefined || check.newest === undefined
        ? ''
        : ` (${(0,_vocabulary_dates_js__WEBPACK_IMPORTED_MODULE_4__/* .formatIsoDate */ .d$)(check.oldest)} to ${(0,_vocabulary_dates_js__WEBPACK_IMPORTED_MODULE_4__/* .formatIsoDate */ .d$)(check.newest)})`;
    const what = dryRun ? 'A run without dry-run would stop here' : 'Stopped before writing anything';
    return (`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.MaxRemoveDays}': this run would remove the partitions of ${check.days} days${span}, ` +
        `more than ${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.MaxRemoveDays} (${check.max}). ${what}: the plan adds ${count(plan.totals.add)}, ` +
        `removes ${count(plan.totals.remove)} and keeps ${count(plan.totals.unchanged)} partitions. ` +
        `If this is not meant, check '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RetentionDays}' and '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.AsOf}'. ` +
        `For a clean-up you mean, look at the plan with '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.DryRun}: true' first, then set ` +
        `'${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.MaxRemoveDays}' to at least ${check.days} for that run.`);
}
/**
 * A guard's refusal (the removal guard, the partition quota), with the report of the plan so the
 * summary can still show it. Nothing was written.
 */
class SyncRefused extends _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1 {
    report;
    constructor(message, report) {
        super(message);
        this.report = report;
    }
}
/**
 * `as-of` may lie in the past (a backfill) but not after tomorrow (2062 for 2026 would empty the
 * table), nor more than a year back (2016 for 2026 would fill the table with days that have no logs,
 * and every later run would stop at the removal guard).
 */
function checkAsOf(asOf, today) {
    if (asOf > today + 1) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.AsOf}': ${(0,_vocabulary_dates_js__WEBPACK_IMPORTED_MODULE_4__/* .formatIsoDate */ .d$)(asOf)} is after tomorrow (${(0,_vocabulary_dates_js__WEBPACK_IMPORTED_MODULE_4__/* .formatIsoDate */ .d$)(today + 1)}, UTC). ` +
            `A sync that far ahead would remove the partitions of every day before its window. ` +
            `Leave '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.AsOf}' empty for today, or give a past day for a backfill.`);
    }
    const yearAgo = oneYearBefore(today);
    if (asOf < yearAgo) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.AsOf}': ${(0,_vocabulary_dates_js__WEBPACK_IMPORTED_MODULE_4__/* .formatIsoDate */ .d$)(asOf)} is more than a year before today (${(0,_vocabulary_dates_js__WEBPACK_IMPORTED_MODULE_4__/* .formatIsoDate */ .d$)(today)}, UTC). ` +
            `A sync then creates partitions for days that likely have no logs, and the next run would stop at the ` +
            `removal guard. Leave '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.AsOf}' empty for today, or give a day from ${(0,_vocabulary_dates_js__WEBPACK_IMPORTED_MODULE_4__/* .formatIsoDate */ .d$)(yearAgo)} on. ` +
            `To add partitions for older days, leave '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.AsOf}' empty and raise '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RetentionDays}' ` +
            `until the window reaches them.`);
    }
}
/** The same day a year earlier; 29 February gives 28 February. */
function oneYearBefore(day) {
    const { year, month, day: dayOfMonth } = (0,_vocabulary_dates_js__WEBPACK_IMPORTED_MODULE_4__/* .calendarDateOf */ .oc)(day);
    const date = { year: year - 1, month, day: dayOfMonth };
    return (0,_vocabulary_dates_js__WEBPACK_IMPORTED_MODULE_4__/* .isRealDate */ .V_)(date) ? (0,_vocabulary_dates_js__WEBPACK_IMPORTED_MODULE_4__/* .dayNumberOf */ .jR)(date) : (0,_vocabulary_dates_js__WEBPACK_IMPORTED_MODULE_4__/* .dayNumberOf */ .jR)({ ...date, day: dayOfMonth - 1 });
}


/***/ }),

/***/ 2787:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uf: () => (/* binding */ describeQuotaRefusal),
/* harmony export */   V9: () => (/* binding */ checkTableQuota),
/* harmony export */   gE: () => (/* binding */ explainQuotaFailure),
/* harmony export */   km: () => (/* binding */ DEFAULT_MAX_TABLE_PARTITIONS),
/* harmony export */   wf: () => (/* binding */ describeQuotaWarning)
/* harmony export */ });
/* unused harmony exports QUOTA_WARNING_SHARE, retentionThatFits, QUOTA_ERROR */
/* harmony import */ var _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(209);
/* harmony import */ var _vocabulary_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3057);
/**
 * Glue's partition quotas, checked before the first write: 10,000,000 partitions per table
 * (L-2C3F5401) and 20,000,000 per account (L-FEBBFA7A), both adjustable. A first sync of 3,000
 * accounts x 17 regions x 365 days (18.6 million) would otherwise write until Glue refuses, half-way.
 * The per-table count is known from the read pass; the per-account one would take reading every
 * table of the account, so it is only explained when Glue answers with it.
 */


/** Glue's default quota of partitions per table (Service Quotas L-2C3F5401). */
const DEFAULT_MAX_TABLE_PARTITIONS = 10_000_000;
/** From this share of `max-table-partitions` on, the run warns. */
const QUOTA_WARNING_SHARE = 0.8;
function checkTableQuota(counts, max, shape) {
    const after = counts.before + counts.add - counts.remove;
    // A run that adds nothing is never refused: it is how a table above the limit gets smaller.
    const exceeded = counts.add > 0 && after > max;
    return {
        ...counts,
        after,
        max,
        exceeded,
        nearLimit: !exceeded && after >= max * QUOTA_WARNING_SHARE,
        shape
    };
}
const count = _vocabulary_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCount */ .B;
function numbers(check) {
    return `${count(check.after)} partitions (${count(check.before)} now, +${count(check.add)}, −${count(check.remove)})`;
}
/** The longest `retention-days` whose window still fits under `max`, or undefined if none does. */
function retentionThatFits(check) {
    const { shape } = check;
    if (shape.seriesPerDay === 0)
        return undefined;
    const days = Math.floor((check.max - shape.leftAlone) / shape.seriesPerDay);
    const retention = days - 1 - shape.futureDays;
    return retention >= 0 ? retention : undefined;
}
function waysOut(check) {
    const { shape } = check;
    const fits = retentionThatFits(check);
    const shorter = fits === undefined
        ? `a shorter window ('${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RetentionDays}', now ${shape.retentionDays})`
        : `a shorter window ('${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RetentionDays}' ${count(fits)} or less, now ${count(shape.retentionDays)}: ` +
            `${count(shape.seriesPerDay)} account/region series get a partition a day)`;
    return (`Ways out: ${shorter}; a '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Regions}' or '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Accounts}' allow-list; or a quota increase ` +
        `(Service Quotas, AWS Glue, "Max partitions per table", L-2C3F5401; the account's "Max partitions per ` +
        `account", L-FEBBFA7A, counts every table) and then '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.MaxTablePartitions}' raised to match.`);
}
/** The refusal: the numbers, Glue's quota, the ways out. */
function describeQuotaRefusal(check, dryRun) {
    const what = dryRun ? 'A run without dry-run would stop here' : 'Stopped before writing anything';
    return (`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.MaxTablePartitions}': after this run the table would hold ${numbers(check)}, more than ` +
        `${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.MaxTablePartitions} (${count(check.max)}). ${what}: Glue refuses partitions past its quota ` +
        `(${count(DEFAULT_MAX_TABLE_PARTITIONS)} per table unless raised) in the middle of a run. ${waysOut(check)}`);
}
function describeQuotaWarning(check) {
    const share = Math.floor((check.after * 100) / check.max);
    return (`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.MaxTablePartitions}': after this run the table holds ${numbers(check)}, ${share}% of ` +
        `${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.MaxTablePartitions} (${count(check.max)}). A longer window or more accounts will cross it. ` +
        waysOut(check));
}
const QUOTA_ERROR = 'ResourceNumberLimitExceededException';
/**
 * Glue's own refusal, met anyway (the account's quota, other writers, a raised input above the real
 * quota): what it means and what to do. Undefined for any other failure.
 */
function explainQuotaFailure(stoppedBy) {
    if (!stoppedBy?.startsWith(QUOTA_ERROR))
        return undefined;
    return (`Glue refused more partitions (${QUOTA_ERROR}): the table reached its quota of partitions per table ` +
        `(default ${count(DEFAULT_MAX_TABLE_PARTITIONS)}, L-2C3F5401) or the account its quota of partitions ` +
        `per account over all tables (default 20,000,000, L-FEBBFA7A). The partitions created before stay; ` +
        `nothing after was written. Ways out: a shorter window ('${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RetentionDays}'), a '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Regions}' ` +
        `or '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Accounts}' allow-list, fewer partitions in the account's other tables, or a quota ` +
        `increase in Service Quotas (then set '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.MaxTablePartitions}' to the new per-table quota).`);
}


/***/ }),

/***/ 7302:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KW: () => (/* binding */ tooManyStatements),
/* harmony export */   M1: () => (/* binding */ MAX_NESTING),
/* harmony export */   ME: () => (/* binding */ fileTooLarge),
/* harmony export */   Z: () => (/* binding */ tooManyFiles),
/* harmony export */   cg: () => (/* binding */ outOfStack),
/* harmony export */   il: () => (/* binding */ DEFAULT_QUERY_LIMITS),
/* harmony export */   p3: () => (/* binding */ outOfTime),
/* harmony export */   qF: () => (/* binding */ nestedTooDeep),
/* harmony export */   yK: () => (/* binding */ notExplained)
/* harmony export */ });
/* harmony import */ var _vocabulary_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3057);
/* harmony import */ var _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(209);
/**
 * How much work the query check does at most, so that a file in a pull request cannot hold the
 * runner: bytes per file, statements per file, files per run and time per file are inputs with
 * defaults; nesting depth is fixed. A file over a limit gets one `limit` finding and the run goes on.
 */


const DEFAULT_QUERY_LIMITS = {
    maxFileBytes: 256 * 1024,
    maxStatementsPerFile: 1_000,
    maxFiles: 2_000,
    fileTimeBudgetMs: 5_000,
    maxExplains: 500,
    // Half of the example workflow's `timeout-minutes: 10`: the rest is start-up, parsing and the report.
    explainBudgetMs: 300_000,
    // Athena's active-query quota counts running and queued queries of the whole account and varies by
    // Region (its user guide's example is 25): the check takes a few, the analysts keep the rest.
    explainConcurrency: 4,
    // A tenth of Athena's per-scan limit: planning that many partitions takes Athena a while already.
    maxQueryPartitions: 100_000
};
/**
 * Parentheses, brackets and CASE ... END nested deeper are not parsed: the parser's time grows
 * with the depth (about a second per 30 levels on a loaded 2-core runner, more for the first
 * statement of a run) and its stack runs out a few hundred levels deep.
 */
const MAX_NESTING = 64;
const count = _vocabulary_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCount */ .B;
function limit(at, message) {
    return { rule: 'limit', line: at.line, column: at.column, message };
}
function fileTooLarge(bytes, max) {
    return limit({ line: 1, column: 1 }, `the file has ${count(bytes)} bytes, more than the ${count(max)} the check reads; it was not checked ` +
        `(split it, or raise the input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.MaxFileBytes}')`);
}
function tooManyStatements(at, total, max) {
    return limit(at, `the file has ${count(total)} statements, more than the ${count(max)} the check reads; this one and ` +
        `the ${count(total - max - 1)} after it were not checked (split the file, or raise the input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.MaxStatementsPerFile}')`);
}
function outOfTime(at, budgetMs) {
    return limit(at, `the check of this file ran out of its ${count(budgetMs / 1000)} s here; this statement and those after ` +
        `it were not checked (simplify or split the file, or raise the input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.FileTimeBudgetSeconds}')`);
}
function nestedTooDeep(at, depth) {
    return limit(at, `this statement nests parentheses, brackets or CASE ${count(depth)} deep; the check parses statements nested ` +
        `at most ${MAX_NESTING} deep, so it was not checked`);
}
function outOfStack(at) {
    return limit(at, 'this statement is nested too deeply for the parser (it ran out of stack), so it was not checked; ' +
        'simplify it (for example an IN list instead of a long chain of OR)');
}
/**
 * Statements of a file that the EXPLAIN phase did not ask Athena about: its count of requests was
 * used up, or its time budget ran out (an EXPLAIN cut off by it included).
 */
function notExplained(at, statements, why) {
    const reasons = [];
    if (why.maxExplains !== undefined)
        reasons.push(`the run's ${count(why.maxExplains)} EXPLAIN requests were used up (raise the input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.MaxExplains}')`);
    if (why.budgetMs !== undefined)
        reasons.push(`the EXPLAIN phase ran out of its ${count(why.budgetMs / 1000)} s (raise the input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ExplainTimeBudgetSeconds}', or '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ExplainConcurrency}')`);
    return limit(at, `${statements === 1 ? 'this statement was' : `${count(statements)} statements of this file, the first here, were`} ` +
        `not checked by Athena's EXPLAIN: ${reasons.join('; and ')}`);
}
function tooManyFiles(skipped, max) {
    return limit({ line: 1, column: 1 }, `${count(max + skipped)} .sql files match the input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Queries}', more than the ${count(max)} the ` +
        `check reads; this file and the ${count(skipped - 1)} after it (in path order) were not checked ` +
        `(raise the input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.MaxFiles}')`);
}


/***/ }),

/***/ 2836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MR: () => (/* binding */ DEFAULT_MAX_DELETE_QUERIES),
  kL: () => (/* binding */ publishQueries)
});

// UNUSED EXPORTS: WHOLE_RUN

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-athena/dist-cjs/index.js
var dist_cjs = __webpack_require__(2204);
// EXTERNAL MODULE: ./src/vocabulary/escape.ts
var vocabulary_escape = __webpack_require__(153);
// EXTERNAL MODULE: ./src/vocabulary/constants.ts
var constants = __webpack_require__(209);
;// CONCATENATED MODULE: ./src/queries/publish-desired.ts
/**
 * What a SQL file should look like as an Athena named query: its name, its description (the file's
 * header comment plus an ownership marker) and its query string, within Athena's limits.
 *
 * The marker closes the description: `[cloudtrail-partitions:<owner>:<path>]`, the owner (the
 * publishing repository, `octo-org/ops`) and the path with `%`, `:`, `[` and `]` percent-encoded, so
 * the marker holds exactly one `:` after the prefix and no bracket inside, and the human text before
 * it never holds `[cloudtrail-partitions:`.
 */

const MAX_NAME = 128;
const MAX_DESCRIPTION = 1024;
/** Athena caps query strings at 262,144 bytes of UTF-8 (not adjustable). */
const MAX_QUERY_BYTES = 262_144;
const MARKER_PREFIX = '[cloudtrail-partitions:';
/** Only the marker that closes the description counts; neither part holds `[`, `]` or `:` unencoded. */
const MARKER = /\[cloudtrail-partitions:([^[\]:]+):([^[\]:]+)\]$/;
/** Marker-like text in the human part loses its `[`, so it can never be taken for a marker. */
const MARKER_LIKE = /\[(?=cloudtrail-partitions:)/gi;
/** Forward slashes, no leading `./`: the same file gets the same marker on every runner. */
function normalizePath(path) {
    return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}
const encodePart = (text) => text.replace(/[%:[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const decodePart = (text) => text.replace(/%(25|3A|5B|5D)/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
function markerOf(owner, path) {
    return `${MARKER_PREFIX}${encodePart(owner)}:${encodePart(path)}]`;
}
/**
 * The owner and file path this action wrote at the end of a description, or undefined when the
 * description does not end with a marker in exactly the form `markerOf` writes.
 */
function parseMarker(description) {
    const match = MARKER.exec(description ?? '');
    if (!match)
        return undefined;
    const marker = { owner: decodePart(match[1]), path: decodePart(match[2]) };
    return markerOf(marker.owner, marker.path) === match[0] ? marker : undefined;
}
/** The path without `.sql`; a longer one keeps its end (the most specific part) plus a hash. */
function nameFor(path) {
    const name = path.replace(/\.sql$/i, '');
    if (name.length <= MAX_NAME)
        return name;
    const hash = (0,external_node_crypto_.createHash)('sha256').update(path).digest('hex').slice(0, 8);
    return `…${name.slice(-(MAX_NAME - hash.length - 2))}~${hash}`;
}
/** The `-- ...` lines at the top of the file (blank lines before them skipped), joined into one line. */
function headerComment(sql) {
    const lines = [];
    for (const line of sql.split(/\r?\n/)) {
        const trimmed = line.trim();
        if (trimmed === '' && lines.length === 0)
            continue;
        if (!trimmed.startsWith('--'))
            break;
        const text = trimmed.replace(/^--+/, '').trim();
        if (text !== '')
            lines.push(text);
    }
    return lines.join(' ');
}
/** Human text first, then the marker; the text is shortened so that the whole fits in 1024. */
function descriptionFor(owner, path, sql) {
    const marker = markerOf(owner, path);
    const room = MAX_DESCRIPTION - marker.length - 1;
    let human = headerComment(sql).replace(MARKER_LIKE, '');
    if (human.length > room)
        human = `${human.slice(0, Math.max(0, room - 1)).trimEnd()}…`;
    return human === '' ? marker : `${human} ${marker}`;
}
/** The named query `owner` publishes for a file, or the reason it cannot be one. */
function desiredQuery(file, owner) {
    const path = normalizePath(file.path);
    if (file.refused !== undefined)
        return { path, error: file.refused };
    const bytes = Buffer.byteLength(file.sql, 'utf8');
    if (file.sql.trim() === '')
        return { path, error: 'the file is empty' };
    if (bytes > MAX_QUERY_BYTES) {
        return { path, error: `the query is ${bytes} bytes; Athena accepts at most ${MAX_QUERY_BYTES} bytes` };
    }
    if (markerOf(owner, path).length > MAX_DESCRIPTION) {
        return {
            path,
            error: `the path is too long to be recorded in a description (${MAX_DESCRIPTION} characters)`
        };
    }
    return {
        path,
        name: nameFor(path),
        description: descriptionFor(owner, path, file.sql),
        queryString: file.sql
    };
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/aws/retry.ts
var retry = __webpack_require__(2495);
;// CONCATENATED MODULE: ./src/queries/publish-pace.ts
/**
 * Client-side pacing of Athena calls. Athena's named-query APIs allow 5 calls per second per account
 * (burst 10 to 20); the SDK only retries once throttled, so a large publish is paced below the quota
 * up front, one lane per operation (each has its own quota).
 */


class Pacer {
    callsPerSecond;
    next = new Map();
    constructor(callsPerSecond) {
        this.callsPerSecond = callsPerSecond;
    }
    /** Waits until `operation` may be called again. */
    async wait(operation) {
        const interval = 1000 / this.callsPerSecond;
        const now = performance.now();
        const at = Math.max(now, this.next.get(operation) ?? now);
        this.next.set(operation, at + interval);
        if (at > now)
            await (0,promises_.setTimeout)(at - now);
    }
}
function pacedSender(pacer, backoff, logger) {
    return (operation, call) => (0,retry/* withBackoff */.Dc)(async () => {
        await pacer.wait(operation);
        return call();
    }, { operation: `Athena.${operation}`, logger }, backoff);
}

;// CONCATENATED MODULE: ./src/queries/publish-read.ts
/**
 * Reads every named query of a workgroup. ListNamedQueries answers ids only (50 a page), so the
 * queries themselves come from BatchGetNamedQuery, 50 ids a call; ids it leaves unprocessed are
 * asked again while that makes progress (an id that no longer exists never does), then reported
 * rather than guessed at: the publish then writes nothing, since any of them may be ours.
 */

const PAGE_SIZE = 50;
const BATCH_SIZE = 50;
/** Unprocessed ids are asked again while each round answers some of them, at most this often. */
const MAX_ROUNDS = 10;
async function listIds(athena, workgroup, send) {
    const ids = [];
    let token;
    do {
        const page = await send('ListNamedQueries', () => athena.send(new dist_cjs/* ListNamedQueriesCommand */.Ty8({ WorkGroup: workgroup, MaxResults: PAGE_SIZE, NextToken: token })));
        ids.push(...(page.NamedQueryIds ?? []));
        token = page.NextToken;
    } while (token);
    return ids;
}
/** One BatchGetNamedQuery pass over `ids`; returns the ids it left unprocessed. */
async function batchGet(athena, ids, into, send, logger) {
    const left = [];
    for (let start = 0; start < ids.length; start += BATCH_SIZE) {
        const batch = ids.slice(start, start + BATCH_SIZE);
        const answer = await send('BatchGetNamedQuery', () => athena.send(new dist_cjs/* BatchGetNamedQueryCommand */.tvu({ NamedQueryIds: batch })));
        into.push(...(answer.NamedQueries ?? []));
        for (const entry of answer.UnprocessedNamedQueryIds ?? []) {
            if (entry.NamedQueryId)
                left.push(entry.NamedQueryId);
            logger.debug(`BatchGetNamedQuery left ${entry.NamedQueryId}: ${entry.ErrorCode} ${entry.ErrorMessage}`);
        }
    }
    return left;
}
async function readWorkgroupQueries(athena, workgroup, send, logger) {
    const queries = [];
    let pending = [...new Set(await listIds(athena, workgroup, send))];
    for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round++) {
        const left = await batchGet(athena, pending, queries, send, logger);
        const progress = left.length < pending.length;
        pending = left;
        if (!progress)
            break;
    }
    if (pending.length > 0) {
        logger.warning(`Athena did not return ${pending.length} named queries of workgroup ${workgroup} (${pending.join(', ')}); their owner is unknown.`);
    }
    return { queries, unreadable: pending };
}

;// CONCATENATED MODULE: ./src/queries/publish.ts
/**
 * Publishes the team's SQL files as Athena named queries of one workgroup: creates the new ones,
 * updates the changed ones, leaves the rest alone and, when asked, deletes the ones this action
 * created for files that are gone. Ownership is read from Athena alone: the description of every
 * named query this action writes ends with `[cloudtrail-partitions:<owner>:<path>]` (see
 * publish-desired.ts), and only a named query whose marker names this run's owner is ours; any other
 * named query is never changed. When several carry our marker for one file, one is ours (the one
 * that already matches the file, else the only one named after it) and the others are copies: left
 * alone and reported, deleted with delete-missing only when they are exact copies of ours. When
 * Athena leaves any named query of the workgroup unread, nothing is written.
 */







/**
 * A narrowed glob or a moved folder makes every other file look gone: a handful of deletions in one
 * run is routine, more is the exception to confirm (DESIGN.md section 12).
 */
const DEFAULT_MAX_DELETE_QUERIES = 5;
/** The path of the failure entry of a problem that stopped the whole run. */
const WHOLE_RUN = '*';
const DEFAULT_BACKOFF = { attempts: 8, baseMs: 250, maxMs: 10_000 };
const VERBS = {
    create: ['create', 'Created'],
    update: ['update', 'Updated'],
    recreate: ['recreate (its database changed)', 'Recreated (its database changed)'],
    delete: ['delete', 'Deleted']
};
function differs(want, have) {
    return (want.name !== have.Name || want.description !== have.Description || want.queryString !== have.QueryString);
}
/** Same Name, QueryString and Description: a copy nobody edited. */
function sameContent(a, b) {
    return a.Name === b.Name && a.QueryString === b.QueryString && a.Description === b.Description;
}
function messageOf(error) {
    const { name, message } = error;
    return name && message ? `${name}: ${message}` : String(error);
}
function byId(a, b) {
    const [x, y] = [a.NamedQueryId ?? '', b.NamedQueryId ?? ''];
    return x < y ? -1 : x > y ? 1 : 0;
}
/**
 * Which of the named queries carrying our marker for one path is ours. Ours carries the marker *and*
 * the name this action gives the path: a console "save as" keeps the description, so a query with
 * our marker under another name is a person's copy, left alone even when it is the only one (its
 * original deleted). Of several with our name, ours is the one already matching the file (lowest id
 * among equals), else the first when they are all the same; otherwise it is ambiguous. The rest
 * split into exact copies of ours and the others.
 */
function resolve(path, queries, want, database) {
    const sorted = [...queries].sort(byId);
    const named = sorted.filter((query) => query.Name === nameFor(path));
    const ours = (named.length === 1 ? named[0] : undefined) ??
        (want && named.find((query) => !differs(want, query) && query.Database === database)) ??
        (named.length > 0 && named.every((query) => sameContent(query, named[0]))
            ? named[0]
            : undefined);
    if (!ours)
        return { ambiguous: named.length > 0, copies: [], others: sorted };
    const rest = sorted.filter((query) => query !== ours);
    return {
        ours,
        ambiguous: false,
        copies: rest.filter((query) => sameContent(query, ours)),
        others: rest.filter((query) => !sameContent(query, ours))
    };
}
/** Why a query carrying our marker is not ours, for the summary. */
function whyKept(path, query, ours) {
    if (query.Name !== nameFor(path))
        return `named differently from ${nameFor(path)} (a copy saved under another name)`;
    return ours && sameContent(query, ours) ? 'an exact copy' : 'an edited copy under the same name';
}
function emptyResult(dryRun) {
    return {
        created: [],
        updated: [],
        deleted: [],
        unchanged: [],
        foreignKept: [],
        duplicates: [],
        failures: [],
        dryRun
    };
}
function plan(options, existing, logger) {
    const result = emptyResult(options.dryRun);
    const owned = new Map();
    const foreignNames = new Set();
    for (const query of existing) {
        const marker = parseMarker(query.Description);
        if (marker?.owner !== options.owner) {
            result.foreignKept.push(query.Name ?? query.NamedQueryId ?? '?');
            foreignNames.add(query.Name ?? '');
        }
        else
            owned.set(marker.path, [...(owned.get(marker.path) ?? []), query]);
    }
    const actions = [];
    /**
     * Ours for a path: undefined when none carries our marker and our name, null when it cannot tell which (a
     * failure, unless the file is gone and delete-missing off). Reports the copies kept; plans the
     * deletion of exact copies under delete-missing.
     */
    const ours = (path, want) => {
        const queries = owned.get(path) ?? [];
        if (queries.length === 0)
            return undefined;
        const resolved = resolve(path, queries, want, options.database);
        const kept = [...resolved.others, ...(options.deleteMissing ? [] : resolved.copies)];
        for (const query of kept) {
            result.duplicates.push({
                path,
                name: query.Name ?? '',
                namedQueryId: query.NamedQueryId ?? '',
                why: whyKept(path, query, resolved.ours)
            });
        }
        if (kept.length > 0) {
            logger.warning(`${path} has ${kept.length} more named quer${kept.length === 1 ? 'y' : 'ies'} carrying this action's marker ` +
                `(${kept.map((query) => query.Name).join(', ')}); left alone.`);
        }
        if (!resolved.ours && !resolved.ambiguous)
            return undefined;
        if (!resolved.ours) {
            // Nothing to do for a gone file without delete-missing: its copies are only reported.
            if (!want && !options.deleteMissing)
                return null;
            const named = queries.filter((query) => query.Name === nameFor(path));
            const ids = named.map((query) => query.NamedQueryId).join(', ');
            result.failures.push({
                path,
                message: `${named.length} named queries carry this action's marker and name for this file (${ids}) and it cannot tell ` +
                    'which one it created, so it changes none; delete the copies or remove the marker from their descriptions'
            });
            return null;
        }
        for (const copy of resolved.copies) {
            if (options.deleteMissing)
                actions.push({ kind: 'delete', path, have: copy });
        }
        return resolved.ours;
    };
    const seen = new Set();
    for (const file of options.files) {
        const want = desiredQuery(file, options.owner);
        if (seen.has(want.path)) {
            result.failures.push({ path: want.path, message: 'the same file is listed twice' });
            continue;
        }
        // Marked seen even when broken: a present file's published query is not "missing".
        seen.add(want.path);
        if ('error' in want) {
            result.failures.push({ path: want.path, message: want.error });
            continue;
        }
        const have = ours(want.path, want);
        if (have === null)
            continue;
        if (!have) {
            if (foreignNames.has(want.name)) {
                result.failures.push({
                    path: want.path,
                    message: `workgroup ${options.workgroup} has a named query "${want.name}" that this action did not create; rename one of them`
                });
            }
            else
                actions.push({ kind: 'create', want });
        }
        else if (have.Database !== options.database) {
            // Database cannot be updated: the query is ours, so it is created again, then the old one deleted.
            actions.push({ kind: 'recreate', want, have });
        }
        else if (differs(want, have))
            actions.push({ kind: 'update', want, have });
        else
            result.unchanged.push(want.path);
    }
    for (const path of owned.keys()) {
        if (seen.has(path))
            continue;
        const have = ours(path, undefined);
        if (!have)
            continue;
        if (options.deleteMissing)
            actions.push({ kind: 'delete', path, have });
        else
            logger.info(`${(0,vocabulary_escape/* logQuoted */.RQ)(path)} is gone; its named query ${(0,vocabulary_escape/* logQuoted */.RQ)(have.Name ?? '')} stays (delete-missing is off).`);
    }
    return { actions, result };
}
async function apply(athena, action, options, send) {
    const create = (want) => {
        // One token per query, reused by our retries: a lost answer cannot create it twice.
        const input = {
            Name: want.name,
            Description: want.description,
            QueryString: want.queryString,
            Database: options.database,
            WorkGroup: options.workgroup,
            ClientRequestToken: (0,external_node_crypto_.randomUUID)()
        };
        return send('CreateNamedQuery', () => athena.send(new dist_cjs/* CreateNamedQueryCommand */.nYH(input)));
    };
    const remove = (have) => send('DeleteNamedQuery', () => athena.send(new dist_cjs/* DeleteNamedQueryCommand */.USy({ NamedQueryId: have.NamedQueryId })));
    switch (action.kind) {
        case 'create':
            await create(action.want);
            return;
        case 'recreate':
            // Create first: when it fails, the old query is still there.
            await create(action.want);
            try {
                await remove(action.have);
            }
            catch (error) {
                throw new Error(`the query was created in ${options.database}, but deleting the old one (${action.have.NamedQueryId}) failed: ${messageOf(error)}`);
            }
            return;
        case 'update': {
            const input = {
                NamedQueryId: action.have.NamedQueryId,
                Name: action.want.name,
                Description: action.want.description,
                QueryString: action.want.queryString
            };
            await send('UpdateNamedQuery', () => athena.send(new dist_cjs/* UpdateNamedQueryCommand */.Gsu(input)));
            return;
        }
        case 'delete':
            await remove(action.have);
    }
}
/** The guard on deletions: undefined when the run deletes at most `max` named queries. */
function deletionGuard(actions, max) {
    const paths = actions.flatMap((action) => (action.kind === 'delete' ? [action.path] : []));
    if (paths.length <= max)
        return undefined;
    const shown = paths.slice(0, 10).join(', ') + (paths.length > 10 ? `, and ${paths.length - 10} more` : '');
    return {
        paths,
        max,
        message: `this run would delete ${paths.length} named queries (${shown}), more than the ${max} that input ` +
            `'${constants/* Inputs */.G0.MaxDeleteQueries}' allows in one run, so it wrote nothing. If the 'queries' glob was narrowed ` +
            `by mistake, widen it again; if the files were removed on purpose, run once (after a dry run) with ` +
            `${constants/* Inputs */.G0.MaxDeleteQueries}: ${paths.length}.`
    };
}
function record(result, action) {
    if (action.kind === 'create')
        result.created.push(action.want.path);
    else if (action.kind === 'delete')
        result.deleted.push(action.path);
    else
        result.updated.push(action.want.path);
}
async function publishQueries(athena, options, logger) {
    if (options.owner.trim() === '')
        throw new Error('publishQueries needs an owner (GITHUB_REPOSITORY)');
    const send = pacedSender(new Pacer(options.callsPerSecond ?? 4), options.backoff ?? DEFAULT_BACKOFF, logger);
    const { queries, unreadable } = await readWorkgroupQueries(athena, options.workgroup, send, logger);
    if (unreadable.length > 0) {
        // Any of them may be ours: creating could duplicate it, deleting could hit a copy. Write nothing.
        const result = emptyResult(options.dryRun);
        result.failures.push({
            path: WHOLE_RUN,
            message: `Athena did not return ${unreadable.length} named queries of workgroup ${options.workgroup} ` +
                `(${unreadable.join(', ')}), so which ones this action created is unknown; nothing was written. Run it again.`
        });
        return result;
    }
    const { actions, result } = plan(options, queries, logger);
    const refused = deletionGuard(actions, options.maxDeletes ?? DEFAULT_MAX_DELETE_QUERIES);
    if (refused) {
        result.refusedDeletes = refused;
        if (!options.dryRun) {
            // Before any write: creating the new files' queries now would leave half a rename behind.
            logger.warning(refused.message);
            result.failures.push({ path: WHOLE_RUN, message: refused.message });
            return result;
        }
        logger.warning(`A real run would stop here: ${refused.message}`);
    }
    for (const action of actions) {
        const path = action.kind === 'delete' ? action.path : action.want.path;
        const [verb, done] = VERBS[action.kind];
        if (options.dryRun) {
            logger.info(`Would ${verb} ${(0,vocabulary_escape/* logQuoted */.RQ)(path)}`);
            record(result, action);
            continue;
        }
        try {
            await apply(athena, action, options, send);
            logger.info(`${done} ${(0,vocabulary_escape/* logQuoted */.RQ)(path)}`);
            record(result, action);
        }
        catch (error) {
            result.failures.push({ path, message: `${verb} failed: ${messageOf(error)}` });
        }
    }
    return result;
}


/***/ }),

/***/ 8101:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gc: () => (/* binding */ renderMarkdown),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   lS: () => (/* binding */ raw)
/* harmony export */ });
/* unused harmony exports strong, inlineMarkdown, inlinePlain */
/* harmony import */ var _vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(153);
/**
 * A report as a small tree of blocks (headings, paragraphs, tables, lists, collapsed details), so that
 * one report renders as Markdown for the job summary and the pull-request comment, and as plain text
 * for a terminal (the command line). Untrusted text goes in as `text()`/`code()` and is escaped by the
 * renderer; only our own Markdown goes in as `raw()`.
 */

const text = (value) => ({ kind: 'text', value });
const code = (value) => ({ kind: 'code', value });
const strong = (value) => ({ kind: 'strong', value });
/** Our own Markdown, with its plain-text form for terminals. Never pass untrusted text here. */
const raw = (markdown, plain = markdown) => ({ kind: 'raw', markdown, plain });
const asInlines = (line) => (typeof line === 'string' ? [text(line)] : line);
/** `inTable`: the line is a table cell, where `|` must be escaped even in code. */
function inlineMarkdown(line, inTable = false) {
    return asInlines(line)
        .map((part) => {
        switch (part.kind) {
            case 'text':
                return (0,_vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(part.value);
            case 'code':
                return (0,_vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeSpan */ .SS)(part.value, inTable);
            case 'strong':
                return `**${(0,_vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(part.value)}**`;
            case 'raw':
                return part.markdown;
        }
    })
        .join('');
}
function inlinePlain(line) {
    return asInlines(line)
        .map((part) => (part.kind === 'raw' ? part.plain : part.value.replace(/\s+/g, ' ')))
        .join('');
}
function renderMarkdown(blocks) {
    return blocks.map(blockMarkdown).join('\n\n') + '\n';
}
function blockMarkdown(block) {
    switch (block.kind) {
        case 'heading':
            return `${'#'.repeat(block.level)} ${inlineMarkdown(block.line)}`;
        case 'paragraph':
            return inlineMarkdown(block.line);
        case 'list':
            return block.items.map((item) => `- ${inlineMarkdown(item)}`).join('\n');
        case 'table': {
            const align = block.header.map((_, i) => (block.align?.[i] === 'r' ? '---:' : '---'));
            return [
                `| ${block.header.map((h) => (0,_vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(h)).join(' | ')} |`,
                `| ${align.join(' | ')} |`,
                ...block.rows.map((row) => `| ${row.map((cell) => inlineMarkdown(cell, true)).join(' | ')} |`)
            ].join('\n');
        }
        case 'details':
            return [
                // GitHub shows an HTML block's text as it is: Markdown escapes there would show as backslashes.
                `<details><summary>${(0,_vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .htmlText */ .js)(block.summary)}</summary>`,
                '',
                renderMarkdown(block.blocks).trimEnd(),
                '',
                '</details>'
            ].join('\n');
        case 'code-block': {
            const longest = Math.max(2, ...(block.code.match(/`{3,}/g) ?? []).map((run) => run.length));
            const fence = '`'.repeat(longest + 1);
            return `${fence}${block.language}\n${block.code}\n${fence}`;
        }
        case 'alert':
            return `> [!${block.type}]\n> ${inlineMarkdown(block.line)}`;
    }
}


/***/ }),

/***/ 2145:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O2: () => (/* binding */ todayUtc),
/* harmony export */   V_: () => (/* binding */ isRealDate),
/* harmony export */   d$: () => (/* binding */ formatIsoDate),
/* harmony export */   jR: () => (/* binding */ dayNumberOf),
/* harmony export */   jT: () => (/* binding */ parseIsoDate),
/* harmony export */   m5: () => (/* binding */ syncWindow),
/* harmony export */   oc: () => (/* binding */ calendarDateOf),
/* harmony export */   wl: () => (/* binding */ pad2)
/* harmony export */ });
/* unused harmony export daysOf */
/**
 * UTC calendar days as integers (days since 1970-01-01), so windows, month ends and leap years come
 * from Date arithmetic and a day costs 8 bytes, not a string.
 */
const MS_PER_DAY = 86_400_000;
function dayNumberOf(date) {
    return Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY;
}
function calendarDateOf(day) {
    const date = new Date(day * MS_PER_DAY);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
/** The UTC day of an instant (default: now). */
function todayUtc(now = new Date()) {
    return Math.floor(now.getTime() / MS_PER_DAY);
}
/** Parses a strict `YYYY-MM-DD` that names a real day; undefined otherwise (2026-02-30 included). */
function parseIsoDate(text) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match)
        return undefined;
    const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    return isRealDate(date) ? dayNumberOf(date) : undefined;
}
/** True when year, month and day name a day that exists (no 2026-02-29, no month 13). */
function isRealDate(date) {
    if (!Number.isInteger(date.year) || date.year < 1970 || date.year > 9999)
        return false;
    const back = calendarDateOf(dayNumberOf(date));
    return back.year === date.year && back.month === date.month && back.day === date.day;
}
function formatIsoDate(day) {
    const { year, month, day: dayOfMonth } = calendarDateOf(day);
    return `${year}-${pad2(month)}-${pad2(dayOfMonth)}`;
}
function pad2(value) {
    return value.toString().padStart(2, '0');
}
function syncWindow(asOf, retentionDays, futureDays) {
    return { first: asOf - retentionDays, last: asOf + futureDays };
}
function* daysOf(window) {
    for (let day = window.first; day <= window.last; day++)
        yield day;
}


/***/ }),

/***/ 3057:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ formatCount)
/* harmony export */ });
/** How counts are written in every message and report: with thousands separators (`1,530,000`). */
const formatCount = (n) => n.toLocaleString('en-US');


/***/ }),

/***/ 8206:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KZ: () => (/* binding */ parseAnyDayForm),
/* harmony export */   RB: () => (/* binding */ partitionValues),
/* harmony export */   WV: () => (/* binding */ PARTITION_KEY_NAMES),
/* harmony export */   aY: () => (/* binding */ REGION_PATTERN),
/* harmony export */   g$: () => (/* binding */ dateKeyNames),
/* harmony export */   j5: () => (/* binding */ ACCOUNT_PATTERN),
/* harmony export */   mC: () => (/* binding */ describeKeys),
/* harmony export */   nl: () => (/* binding */ DAY_FORMAT),
/* harmony export */   od: () => (/* binding */ parsePartitionValues)
/* harmony export */ });
/* unused harmony exports schemeOf, formatDay, seriesKey */
/* harmony import */ var _dates_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2145);
/**
 * Partition keys and values. The default scheme, the one tables this action creates get, is the
 * five keys of AWS's CloudTrail table for organization trails: `account`, `region`, `year`, `month`,
 * `day`. Values are strings in Glue whatever the key type: zero-padded for `string` date keys (as
 * CloudTrail's path is, and whatever folder the source writes: Config's `2026/3/7` is `'03'`, `'07'`
 * too), canonical decimals for `int` keys.
 *
 * Tables made from AWS's own examples have one date key instead (KeyScheme): of type `date`, values
 * `2026-03-07` (the VPC Flow Logs table), or a string in a date format, values `2026/03/07` (the
 * CloudTrail and ALB projection tables' `yyyy/MM/dd`). Such a table may also leave out `account`
 * or `region` when it holds one account or Region: the scheme then carries that one value.
 */

const PARTITION_KEY_NAMES = ['account', 'region', 'year', 'month', 'day'];
function schemeOf(form) {
    return typeof form === 'string' ? { date: { kind: 'parts', type: form } } : form;
}
const ACCOUNT_PATTERN = /^\d{12}$/;
/** AWS region names: `eu-central-1`, `us-gov-west-1`, `eusc-de-east-1`. */
const REGION_PATTERN = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;
/** The fields of a date format this action writes and reads (Java's letters, as Athena's projection). */
const FORMAT_FIELDS = /yyyy|MM|M|dd|d/g;
/**
 * A format of one day: a year, a month and a day, and nothing finer (no `HH`). A letter run is one
 * field whole: Java reads `MMM` as the month's name and `ddd` as no day field, never as `MM` + `M`.
 */
const DAY_FORMAT = /^(?=.*yyyy)(?=.*M)(?=.*d)(?:yyyy(?!y)|MM(?!M)|M(?!M)|dd(?!d)|d(?!d)|[^A-Za-z'])+$/;
function formatDay(format, day) {
    const { year, month, day: date } = (0,_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .calendarDateOf */ .oc)(day);
    const fields = {
        yyyy: String(year).padStart(4, '0'),
        MM: (0,_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .pad2 */ .wl)(month),
        M: String(month),
        dd: (0,_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .pad2 */ .wl)(date),
        d: String(date)
    };
    return format.replace(FORMAT_FIELDS, (field) => fields[field] ?? field);
}
function dateValues(date, day) {
    if (date.kind === 'date')
        return [formatDay('yyyy-MM-dd', day)];
    if (date.kind === 'formatted')
        return [formatDay(date.format, day)];
    const { year, month, day: dayOfMonth } = (0,_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .calendarDateOf */ .oc)(day);
    const format = date.type === 'string' ? _dates_js__WEBPACK_IMPORTED_MODULE_0__/* .pad2 */ .wl : (n) => n.toString();
    return [year.toString(), format(month), format(dayOfMonth)];
}
function partitionValues(ref, form) {
    const scheme = schemeOf(form);
    return [
        ...(scheme.account === undefined ? [ref.account] : []),
        ...(scheme.region === undefined ? [ref.region] : []),
        ...dateValues(scheme.date, ref.day)
    ];
}
/** The account, the region and the date values of a partition, by the scheme; undefined when the count is wrong. */
function split(values, scheme) {
    const rest = [...values];
    const account = scheme.account ?? rest.shift();
    const region = scheme.region ?? rest.shift();
    const count = scheme.date.kind === 'parts' ? 3 : 1;
    if (account === undefined || region === undefined || rest.length !== count)
        return undefined;
    if (!ACCOUNT_PATTERN.test(account) || !REGION_PATTERN.test(region))
        return undefined;
    return { account, region, date: rest };
}
/** A day read from a one-key value in any padding of the format (`2026/3/7` for `yyyy/MM/dd`). */
function readFormatted(format, text) {
    const order = [];
    const escaped = format.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = escaped.replace(FORMAT_FIELDS, (field) => {
        order.push(field[0]);
        return field === 'yyyy' ? '(\\d{4})' : '(\\d{1,2})';
    });
    const match = new RegExp(`^${pattern}$`).exec(text);
    if (!match)
        return undefined;
    const parts = {};
    order.forEach((field, index) => (parts[field] = Number(match[index + 1])));
    const date = { year: parts.y ?? NaN, month: parts.M ?? NaN, day: parts.d ?? NaN };
    return (0,_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .isRealDate */ .V_)(date) ? (0,_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .dayNumberOf */ .jR)(date) : undefined;
}
function anyDay(date, values) {
    if (date.kind === 'date')
        return readFormatted('yyyy-MM-dd', values[0] ?? '');
    if (date.kind === 'formatted')
        return readFormatted(date.format, values[0] ?? '');
    const [year = '', month = '', day = ''] = values;
    if (![year, month, day].every((part) => /^\d{1,4}$/.test(part)))
        return undefined;
    const parts = { year: Number(year), month: Number(month), day: Number(day) };
    return (0,_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .isRealDate */ .V_)(parts) ? (0,_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .dayNumberOf */ .jR)(parts) : undefined;
}
/**
 * Reads values written in this table's canonical form back into a PartitionRef. Anything else
 * (unpadded strings in a string table, a day that does not exist, extra keys) is not ours: undefined.
 */
function parsePartitionValues(values, form) {
    const scheme = schemeOf(form);
    const parts = split(values, scheme);
    if (!parts)
        return undefined;
    const day = anyDay(scheme.date, parts.date);
    if (day === undefined)
        return undefined;
    const canonical = dateValues(scheme.date, day);
    return canonical.every((value, index) => value === parts.date[index])
        ? { account: parts.account, region: parts.region, day }
        : undefined;
}
/**
 * Reads any form that still names a day (`'3'` or `'03'`, int or string, `2026/3/7`), so that a day
 * another tool already partitioned is not given a second partition over the same folder.
 */
function parseAnyDayForm(values, form = 'string') {
    const scheme = schemeOf(form);
    const parts = split(values, scheme);
    if (!parts)
        return undefined;
    const day = anyDay(scheme.date, parts.date);
    return day === undefined ? undefined : { account: parts.account, region: parts.region, day };
}
/** The names of the date keys: `year, month, day`, or the one key (`timestamp`). */
function dateKeyNames(form) {
    const { date } = schemeOf(form);
    return date.kind === 'parts' ? ['year', 'month', 'day'] : [date.name];
}
/** How a person reads the scheme: `string`, `int`, `` `date` date ``, `` `timestamp` string yyyy/MM/dd ``. */
function describeKeys(form) {
    const scheme = schemeOf(form);
    const date = scheme.date.kind === 'parts'
        ? scheme.date.type
        : scheme.date.kind === 'date'
            ? `${scheme.date.name} date`
            : `${scheme.date.name} string ${scheme.date.format}`;
    const fixed = [
        ...(scheme.account === undefined ? [] : [`account ${scheme.account}`]),
        ...(scheme.region === undefined ? [] : [`region ${scheme.region}`])
    ];
    return fixed.length ? `${date} (one ${fixed.join(', one ')}, no key)` : date;
}
/** Key of an (account, region) pair in maps and reports. */
function seriesKey(account, region) {
    return `${account}/${region}`;
}


/***/ })

};

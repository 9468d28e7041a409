export const id = 298;
export const ids = [298];
export const modules = {

/***/ 6963:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Og: () => (/* binding */ credentialsFor)
/* harmony export */ });
/* unused harmony exports isNetworkError, explainAssumeRoleFailure, isTransientStsError, memoizeCredentials */
/* harmony import */ var _aws_sdk_credential_providers__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9719);
/* harmony import */ var _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(209);
/* harmony import */ var _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8941);
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
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RoleToAssume}' is set, but this job cannot request a GitHub OIDC token. ` +
            `Add 'permissions: id-token: write' to the job (or workflow), or remove '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RoleToAssume}' to use credentials from an earlier step.`);
    }
    // Each attempt fetches a fresh ID token: GitHub's tokens live minutes, and a rejected one is spent.
    const assume = async () => {
        let webIdentityToken;
        try {
            webIdentityToken = await getIdToken(settings.audience);
        }
        catch (error) {
            throw new IdTokenError(error);
        }
        return (0,_aws_sdk_credential_providers__WEBPACK_IMPORTED_MODULE_3__/* .fromWebToken */ .G7)({
            roleArn: settings.roleToAssume,
            roleSessionName: settings.roleSessionName,
            durationSeconds: settings.roleDurationSeconds,
            webIdentityToken,
            clientConfig: { region }
        })();
    };
    return memoizeCredentials(async () => {
        try {
            return await (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withBackoff */ .Dc)(assume, backoff, isTransientStsError);
        }
        catch (error) {
            throw explainAssumeRoleFailure(error, settings, region);
        }
    });
}
/** GitHub did not give us an ID token: nothing to do with AWS or the role's trust policy. */
class IdTokenError extends Error {
    constructor(cause) {
        super(cause.message, { cause });
        this.name = 'IdTokenError';
    }
}
const NETWORK_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'TimeoutError'
]);
/** A request that never got an answer from AWS: DNS, connection, timeout. */
function isNetworkError(error) {
    const { name, code } = error;
    return NETWORK_CODES.has(name ?? '') || NETWORK_CODES.has(code ?? '');
}
/**
 * Why the role could not be assumed, in terms of what to fix. Only STS's AccessDenied is about the
 * role's trust policy; a bad or expired token, the OIDC provider, the session duration, the
 * network and GitHub's token endpoint each say what they are.
 */
function explainAssumeRoleFailure(error, settings, region) {
    const role = settings.roleToAssume;
    if (error instanceof IdTokenError) {
        return new Error(`Could not get a GitHub OIDC token for audience '${settings.audience}' (${error.message}); ` +
            `GitHub's token service failed, so ${role} was not tried. A rerun usually succeeds.`);
    }
    const { name = 'Error', message = '' } = error;
    const code = error.code;
    const what = `Could not assume ${role} with GitHub OIDC (${name}: ${message}).`;
    if (isNetworkError(error)) {
        return new Error(`Could not reach STS to assume ${role} (${code ?? name}: ${message}): a network or endpoint problem ` +
            `(runner network, proxy, AWS_ENDPOINT_URL, region '${region}'), not a permission one.`);
    }
    if (isTransientStsError(error)) {
        return new Error(`Could not assume ${role} with GitHub OIDC after retries (${name}: ${message})`);
    }
    if (/^AccessDenied/.test(name)) {
        return new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${what} The role's trust policy does not admit this workflow's token: check its conditions on ` +
            `token.actions.githubusercontent.com:sub (this repository, and the branch, pull_request or environment ` +
            `the job runs for; with the repository's customized subject, also the workflow file: only that ` +
            `file's runs on the default branch may assume the sync and publish-queries roles) and :aud ` +
            `('${settings.audience}'), and that its Federated principal is this account's OIDC provider.`);
    }
    if (/^InvalidIdentityToken/.test(name)) {
        return new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${what} IAM could not validate the GitHub token against an OIDC provider: the role's account needs the ` +
            `provider token.actions.githubusercontent.com, with '${settings.audience}' among its audiences ` +
            `(input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Audience}').`);
    }
    if (/^ExpiredToken/.test(name)) {
        return new Error(`${what} The GitHub OIDC token had expired when STS checked it (is the runner's clock right?); ` +
            `a rerun gets a fresh token.`);
    }
    if (/^IDPRejectedClaim/.test(name)) {
        return new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${what} IAM rejected a claim of the GitHub token; check the OIDC provider.`);
    }
    if (/MaxSessionDuration|DurationSeconds/.test(message)) {
        return new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${what} Lower '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RoleDurationSeconds}' (now ${settings.roleDurationSeconds}) to at most the role's ` +
            `maximum session duration, or raise that maximum.`);
    }
    if (/^RegionDisabled/.test(name)) {
        return new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${what} Activate STS in region '${region}' (IAM account settings).`);
    }
    if (name === 'ValidationError') {
        return new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${what} Check '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RoleToAssume}' and '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RoleSessionName}'.`);
    }
    return new Error(what);
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
    if (isNetworkError(error))
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
/* harmony import */ var _vocabulary_keys_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8206);

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
    return _vocabulary_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .PARTITION_KEY_NAMES */ .WV.map((name, index) => ({ Name: name, Type: index < 2 ? 'string' : dateKeyType }));
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
/* harmony import */ var _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8941);
/* harmony import */ var _vocabulary_keys_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8206);
/* harmony import */ var _vocabulary_table_ref_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(504);
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
            ...(0,_vocabulary_table_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .catalogParam */ .Xp)(ref),
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
    const name = (0,_vocabulary_table_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .describeTable */ .uq)(ref);
    if (table.Parameters?.['projection.enabled']?.toLowerCase() === 'true') {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${name} uses partition projection (projection.enabled=true): Athena ignores Glue partitions for it, ` +
            `so this action has nothing to do. Use a table without projection, or keep projection and drop this action.`);
    }
    const keys = (table.PartitionKeys ?? []).map((key) => ({
        name: (key.Name ?? '').toLowerCase(),
        type: (key.Type ?? '').toLowerCase()
    }));
    const expected = _vocabulary_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .PARTITION_KEY_NAMES */ .WV.join(', ');
    const actual = keys.map((key) => `${key.name} ${key.type}`).join(', ') || 'none';
    const namesMatch = keys.length === _vocabulary_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .PARTITION_KEY_NAMES */ .WV.length && keys.every((key, i) => key.name === _vocabulary_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .PARTITION_KEY_NAMES */ .WV[i]);
    if (!namesMatch) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${name} has partition keys (${actual}); this action writes (${expected}) in that order. ` +
            `Create the table with those partition keys, as AWS documents the CloudTrail table for organization trails, ` +
            `or let the action create a new one (create-table: true with another table name).`);
    }
    const [account, region, ...dateKeys] = keys;
    if (account.type !== 'string' || region.type !== 'string') {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${name}: partition keys account and region must be string (found ${actual}).`);
    }
    const dateKeyType = dateKeyTypeOf(dateKeys.map((key) => key.type));
    if (!dateKeyType) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${name}: partition keys year, month, day must all be string or all int (found ${actual}).`);
    }
    const descriptor = table.StorageDescriptor;
    if (!descriptor) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${name} has no storage descriptor; partitions copy it, so the table needs one.`);
    }
    const serde = descriptor.SerdeInfo?.SerializationLibrary ?? '';
    if (!_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .ACCEPTED_SERDES */ .fc.has(serde)) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${name} uses the SerDe '${serde || 'none'}', which does not read CloudTrail's JSON log files; ` +
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


/***/ }),

/***/ 3631:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ forEachConcurrent),
/* harmony export */   _: () => (/* binding */ mapConcurrent)
/* harmony export */ });
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


/***/ }),

/***/ 504:
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


/***/ })

};

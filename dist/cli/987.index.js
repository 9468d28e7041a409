export const id = 987;
export const ids = [987];
export const modules = {

/***/ 987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishQueriesCli: () => (/* binding */ publishQueriesCli)
});

// EXTERNAL MODULE: ./src/aws/clients.ts + 1 modules
var clients = __webpack_require__(959);
// EXTERNAL MODULE: ./src/queries/files.ts
var queries_files = __webpack_require__(5499);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-athena/dist-cjs/index.js
var dist_cjs = __webpack_require__(2204);
// EXTERNAL MODULE: ./src/vocabulary/escape.ts
var vocabulary_escape = __webpack_require__(153);
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
function pacedSender(pacer, backoff) {
    return (operation, call) => (0,retry/* withBackoff */.Dc)(async () => {
        await pacer.wait(operation);
        return call();
    }, backoff);
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
    const send = pacedSender(new Pacer(options.callsPerSecond ?? 4), options.backoff ?? DEFAULT_BACKOFF);
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

// EXTERNAL MODULE: ./src/report/document.ts
var report_document = __webpack_require__(8101);
;// CONCATENATED MODULE: ./src/report/publish-summary.ts
/**
 * The job-summary section of a publish: counts, then the paths of each outcome and the failures.
 * Paths come from the repository and names from Athena (anyone with console access writes them):
 * they go in as text or code of the report document, escaped there.
 */

function renderPublishSummary(result, workgroup) {
    return (0,report_document/* renderMarkdown */.Gc)(publishSummaryDocument(result, workgroup));
}
/** The same report as a document: Markdown for the job summary, plain text for the command line. */
function publishSummaryDocument(result, workgroup) {
    const title = [(0,report_document/* raw */.lS)('Athena named queries')];
    if (workgroup)
        title.push((0,report_document/* raw */.lS)(' in '), (0,report_document/* text */.Qq)(workgroup));
    if (result.dryRun)
        title.push((0,report_document/* raw */.lS)(' (dry run: nothing written)'));
    const would = result.dryRun ? 'to ' : '';
    const rows = [
        [`${would}create`, result.created],
        [`${would}update`, result.updated],
        [`${would}delete`, result.deleted],
        ['unchanged', result.unchanged],
        ['not created by this action (left alone)', result.foreignKept],
        ["copies carrying this action's marker (left alone)", result.duplicates.map((copy) => copy.namedQueryId)]
    ];
    const blocks = [
        { kind: 'heading', level: 3, line: title },
        {
            kind: 'table',
            header: ['Outcome', 'Count'],
            align: ['l', 'r'],
            rows: [
                ...rows.map(([label, items]) => [[(0,report_document/* raw */.lS)(label)], String(items.length)]),
                [[(0,report_document/* raw */.lS)('failed')], String(result.failures.length)]
            ]
        }
    ];
    for (const [label, items] of rows.slice(0, 3)) {
        if (items.length === 0)
            continue;
        const paths = items.flatMap((item, i) => (i === 0 ? [(0,report_document/* code */.aY)(item)] : [(0,report_document/* raw */.lS)(', '), (0,report_document/* code */.aY)(item)]));
        const capitalized = `${label[0]?.toUpperCase()}${label.slice(1)}`;
        blocks.push({
            kind: 'paragraph',
            line: [(0,report_document/* raw */.lS)(`**${capitalized}:** `, `${capitalized}: `), ...paths]
        });
    }
    if (result.duplicates.length > 0) {
        blocks.push({
            kind: 'table',
            header: ['Copy (left alone)', 'Id', 'Of file', 'Why it is not changed'],
            rows: result.duplicates.map((copy) => [
                [(0,report_document/* text */.Qq)(copy.name)],
                [(0,report_document/* code */.aY)(copy.namedQueryId)],
                [(0,report_document/* code */.aY)(copy.path)],
                [(0,report_document/* text */.Qq)(copy.why)]
            ])
        });
    }
    if (result.failures.length > 0) {
        blocks.push({
            kind: 'table',
            header: ['File', 'Problem'],
            rows: result.failures.map((failure) => [[(0,report_document/* code */.aY)(failure.path)], [(0,report_document/* text */.Qq)(failure.message)]])
        });
    }
    return blocks;
}

// EXTERNAL MODULE: ./src/report/terminal.ts
var terminal = __webpack_require__(7496);
// EXTERNAL MODULE: ./src/cli/aws.ts
var aws = __webpack_require__(8755);
// EXTERNAL MODULE: ./src/cli/context.ts
var cli_context = __webpack_require__(5217);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/cli/repository.ts
/**
 * The repository name publish-queries writes into its ownership markers. In a workflow it is
 * GITHUB_REPOSITORY; from a clone, the same `owner/name` read from the origin remote, so that a
 * publish from a laptop and one from the workflow recognise each other's named queries.
 */

/** `owner/name` of a Git remote URL (https, ssh or scp-like), or undefined. */
function repositoryOfRemote(url) {
    const path = url
        .trim()
        .replace(/^[a-z+]+:\/\/[^/]+\//i, '') // https://host/..., ssh://git@host/...
        .replace(/^[^@/:]+@[^:/]+:/, '') // git@host:...
        .replace(/\.git$/, '')
        .replace(/\/+$/, '');
    const match = /(?:^|\/)([\w.-]+)\/([\w.-]+)$/.exec(path);
    return match ? `${match[1]}/${match[2]}` : undefined;
}
async function publishingRepository(env, cwd) {
    if (env.GITHUB_REPOSITORY)
        return { owner: env.GITHUB_REPOSITORY, from: 'GITHUB_REPOSITORY' };
    const url = await new Promise((resolve) => (0,external_node_child_process_.execFile)('git', ['config', '--get', 'remote.origin.url'], { cwd }, (error, stdout) => resolve(error ? '' : stdout)));
    const repository = repositoryOfRemote(url);
    return repository ? { owner: repository, from: 'the origin remote' } : { owner: 'local', from: 'no remote' };
}

;// CONCATENATED MODULE: ./src/cli/publish.ts
/**
 * `cloudtrail-partitions publish-queries [GLOB...]`: the action's publish from a shell. The owner
 * in the ownership markers is the repository (GITHUB_REPOSITORY, else the origin remote), so a
 * publish from a clone and one from the workflow treat the same named queries as theirs.
 */









async function publishQueriesCli(context) {
    const { options, stdout, stderr, logger } = context;
    const settings = (0,inputs/* readPublishSettings */.DJ)(context.read, context.env);
    const paths = await (0,queries_files/* findQueryFiles */.LX)(settings.queries);
    const files = await Promise.all(paths.map((path) => (0,queries_files/* readQueryFileOrRefusal */.aK)(path)));
    const { owner, from } = await publishingRepository(context.env, context.cwd);
    logger.info(`${files.length} query file(s) for workgroup ${settings.workgroup}; owner ${owner} (${from})`);
    const credentials = (0,aws/* chainCredentials */.a)(options.profile, context.env);
    await (0,aws/* resolveCredentials */.z8)(credentials);
    const { athena } = (0,clients/* createClients */.hP)(settings.awsRegion, credentials);
    const result = await publishQueries(athena, {
        files,
        owner,
        workgroup: settings.workgroup,
        database: settings.database,
        deleteMissing: settings.deleteMissing,
        dryRun: settings.dryRun
    }, logger);
    const changed = result.created.length + result.updated.length + result.deleted.length;
    if (!result.dryRun && changed > 0) {
        context.changed(`the named queries were published and stand (created ${result.created.length}, ` +
            `updated ${result.updated.length}, deleted ${result.deleted.length})`);
    }
    if (options.format === 'json')
        stdout.write(JSON.stringify({ workgroup: settings.workgroup, owner, ...result }, null, 2) + '\n');
    else if (options.format === 'markdown')
        stdout.write(renderPublishSummary(result, settings.workgroup));
    else
        stdout.write((0,terminal/* renderPlain */.ld)(publishSummaryDocument(result, settings.workgroup), { width: (0,cli_context/* widthOf */.q)(stdout) }));
    if (result.failures.length > 0) {
        stderr.write(`error: ${result.failures.length} query file(s) could not be published (see above).\n`);
        return cli_context/* ExitCode */.y.Failed;
    }
    return cli_context/* ExitCode */.y.Done;
}


/***/ }),

/***/ 5499:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LX: () => (/* binding */ findQueryFiles),
/* harmony export */   aK: () => (/* binding */ readQueryFileOrRefusal),
/* harmony export */   zh: () => (/* binding */ readQueryFileUpTo)
/* harmony export */ });
/* unused harmony exports workspace, checkQueriesPattern, openQueryFile, readQueryFile */
/* harmony import */ var _actions_glob__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8799);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(209);
/* harmony import */ var _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8941);
/**
 * Finds and reads the query SQL files of the `queries` input: paths relative to the workspace, with
 * forward slashes, sorted, so that they are the same on every run (publish-queries writes them into
 * the named queries as the proof of ownership).
 *
 * A pull request chooses the files: only regular files inside GITHUB_WORKSPACE are read. The pattern
 * cannot climb out (`..`, absolute paths and `~` are refused), the glob does not follow links (a
 * folder link is not descended), and each file is read only when it is not a link, is a regular file
 * and resolves inside the workspace; anything else is a RefusedFileError saying why, never read.
 */






function workspace() {
    return process.env.GITHUB_WORKSPACE || process.cwd();
}
/**
 * The pattern's lines (globs, `!` exclusions, `#` comments, as @actions/glob reads them), refused
 * when one of them could match outside the workspace.
 */
function checkQueriesPattern(pattern) {
    for (const line of pattern.split(/\r?\n|\r/).map((part) => part.trim())) {
        if (line === '' || line.startsWith('#'))
            continue;
        const path = line.replace(/^!+/, '');
        const climbs = path.split(/[\\/]/).includes('..');
        const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(path) || /^[a-zA-Z]:/.test(path) || path.startsWith('\\');
        if (climbs || absolute || path.startsWith('~')) {
            throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Queries}': '${line}' could match files outside the workspace; ` +
                `write a pattern relative to the repository root without '..', '~' or a leading '/' (for example queries/**/*.sql).`);
        }
    }
}
async function findQueryFiles(pattern, root = workspace()) {
    checkQueriesPattern(pattern);
    // lstat only: a link is listed as itself (and refused when read), a folder link is not descended.
    const globber = await _actions_glob__WEBPACK_IMPORTED_MODULE_0__/* .create */ .v(pattern, { matchDirectories: false, followSymbolicLinks: false });
    const files = (await globber.glob())
        .filter((path) => path.toLowerCase().endsWith('.sql'))
        .map((path) => (0,node_path__WEBPACK_IMPORTED_MODULE_3__.relative)(root, path))
        .filter((path) => path !== '' && !path.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_3__.sep}`) && !(0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(path))
        .map((path) => path.split(node_path__WEBPACK_IMPORTED_MODULE_3__.sep).join('/'))
        .sort();
    if (files.length === 0) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Queries}': '${pattern}' matches no .sql file under ${root}. ` +
            `Check the pattern, and that the job checks out the repository (actions/checkout) first.`);
    }
    return files;
}
const realRoots = new Map();
/**
 * Opens a query file for reading only when it is a regular file inside the workspace, not a link:
 * every reader of query files goes through here. Throws RefusedFileError, saying why, otherwise.
 */
async function openQueryFile(path, root = workspace()) {
    const full = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(root, path);
    const stats = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(full);
    if (stats.isSymbolicLink()) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .RefusedFileError */ .pc('symbolic link: links are not followed, so this file is not read');
    }
    if (!stats.isFile()) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .RefusedFileError */ .pc('not a regular file (a folder, pipe, socket or device), so it is not read');
    }
    let realRoot = realRoots.get(root);
    if (!realRoot)
        realRoots.set(root, (realRoot = (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(root)));
    const inside = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.relative)(await realRoot, await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(full));
    if (inside === '' || inside.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_3__.sep}`) || (0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(inside)) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .RefusedFileError */ .pc('resolves outside the workspace through a linked folder, so it is not read');
    }
    // O_NOFOLLOW and a check of the open file: a link or pipe swapped in since the lstat is not read.
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(full, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NOFOLLOW | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NONBLOCK);
    try {
        if (!(await handle.stat()).isFile())
            throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .RefusedFileError */ .pc('not a regular file, so it is not read');
        return handle;
    }
    catch (error) {
        await handle.close();
        throw error;
    }
}
/** The file's text, read only when it is a regular file inside the workspace, not through a link. */
async function readQueryFile(path, root = workspace()) {
    const handle = await openQueryFile(path, root);
    try {
        return await handle.readFile('utf8');
    }
    finally {
        await handle.close();
    }
}
/**
 * The file's text, or its size when it has more than `maxBytes` bytes, opened as openQueryFile does
 * (RefusedFileError for a link or a file outside the workspace): the size is read before the content, and no more than `maxBytes + 1` bytes are ever read (a file can grow in between).
 */
async function readQueryFileUpTo(path, maxBytes, root = workspace()) {
    const handle = await openQueryFile(path, root);
    try {
        const { size } = await handle.stat();
        if (size > maxBytes)
            return { bytes: size };
        // Read in chunks up to one byte past the limit, whatever the size said.
        const chunks = [];
        let length = 0;
        while (length <= maxBytes) {
            const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - length));
            const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
            if (bytesRead === 0)
                break;
            chunks.push(chunk.subarray(0, bytesRead));
            length += bytesRead;
        }
        if (length > maxBytes)
            return { bytes: length };
        return Buffer.concat(chunks, length).toString('utf8');
    }
    finally {
        await handle.close();
    }
}
/** For publishing: a link or a file outside the workspace is not read; it becomes a failure of that file. */
async function readQueryFileOrRefusal(path, root = workspace()) {
    try {
        return { path, sql: await readQueryFile(path, root) };
    }
    catch (error) {
        if (!(error instanceof _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .RefusedFileError */ .pc))
            throw error;
        return { path, sql: '', refused: error.message };
    }
}


/***/ }),

/***/ 7496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ld: () => (/* binding */ renderPlain)
/* harmony export */ });
/* unused harmony exports inlineTerminal, breakSql */
/* harmony import */ var _vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(153);

const ALERT_LABELS = { NOTE: 'Note', WARNING: 'Warning', CAUTION: 'Caution' };
function inlineTerminal(line) {
    const parts = typeof line === 'string' ? [{ kind: 'text', value: line }] : line;
    return parts
        .map((part) => {
        if (part.kind !== 'raw')
            return (0,_vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .kc)(part.value.replace(/\s+/g, ' '));
        // Our own Markdown given without a plain form: its bold markers mean nothing on a terminal.
        return part.plain === part.markdown ? part.plain.replace(/\*\*(.+?)\*\*/g, '$1') : part.plain;
    })
        .join('');
}
function renderPlain(blocks, options) {
    return blocks.map((block) => blockPlain(block, options)).join('\n\n') + '\n';
}
function blockPlain(block, options) {
    switch (block.kind) {
        case 'heading': {
            const lines = wrapText(inlineTerminal(block.line), options.width, '', '');
            if (block.level === 4)
                return lines.join('\n');
            const underline = (block.level === 2 ? '=' : '-').repeat(Math.min(longest(lines), options.width));
            return [...lines, underline].join('\n');
        }
        case 'paragraph':
            return wrapText(inlineTerminal(block.line), options.width, '', '').join('\n');
        case 'list':
            return block.items
                .flatMap((item) => wrapText(inlineTerminal(item), options.width, '- ', '  '))
                .join('\n');
        case 'table':
            return plainTable(block.header, block.rows, block.align ?? [], options.width);
        case 'details': {
            const summary = `${(0,_vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .kc)(block.summary)}:`;
            if (options.details === 'summarize') {
                const hidden = options.hiddenNote ?? `${countOf(block.blocks)} more, hidden`;
                return wrapText(`${summary} (${hidden})`, options.width, '', '  ').join('\n');
            }
            const inner = renderPlain(block.blocks, { ...options, width: Math.max(20, options.width - 2) });
            return [
                ...wrapText(summary, options.width, '', '  '),
                ...inner
                    .trimEnd()
                    .split('\n')
                    .map((line) => (line ? `  ${line}` : line))
            ].join('\n');
        }
        case 'code-block':
            return block.code
                .split(/\r?\n/)
                .flatMap((line) => 
            // SQL reads a line break as a space: a long statement breaks between its tokens.
            block.language === 'sql' ? breakSql((0,_vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .kc)(line), options.width - 4) : [(0,_vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .kc)(line)])
                .map((line) => `    ${line}`)
                .join('\n');
        case 'alert':
            return wrapText(`${ALERT_LABELS[block.type]}: ${inlineTerminal(block.line)}`, options.width, '', '  ').join('\n');
    }
}
/** How many entries a summarized section hides: table rows and list items, else its blocks. */
function countOf(blocks) {
    let rows = 0;
    for (const block of blocks) {
        if (block.kind === 'table')
            rows += block.rows.length;
        else if (block.kind === 'list')
            rows += block.items.length;
    }
    return rows > 0 ? `${rows} row(s)` : `${blocks.length} section(s)`;
}
/** Columns between cells. */
const GAP = '  ';
/** Narrower than this, a column would read as a list of fragments: rows are stacked instead. */
const MIN_COLUMN = 12;
function plainTable(header, rows, align, width) {
    const head = header.map((h) => (0,_vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .kc)(h));
    const body = rows.map((row) => header.map((_, column) => (row[column] ? inlineTerminal(row[column]) : '')));
    const natural = head.map((_, column) => longest([head[column] ?? '', ...body.map((row) => row[column] ?? '')]));
    const widths = fitColumns(natural, align, width - GAP.length * Math.max(0, head.length - 1));
    return widths ? alignedTable(head, body, align, widths) : stackedRows(head, body, width);
}
/**
 * Column widths that fit `room`: numbers (right-aligned) keep theirs, the other columns share what is
 * left, the narrow ones whole and the wide ones equally (their cells wrap). Undefined when a shared
 * column would be narrower than MIN_COLUMN.
 */
function fitColumns(natural, align, room) {
    if (natural.reduce((sum, w) => sum + w, 0) <= room)
        return [...natural];
    const flexible = natural.map((_, column) => align[column] !== 'r');
    let left = room - natural.reduce((sum, w, column) => (flexible[column] ? sum : sum + w), 0);
    const wide = natural.map((w, column) => [w, column]).filter(([, column]) => flexible[column]);
    wide.sort((a, b) => a[0] - b[0]);
    const widths = [...natural];
    // Water-filling: each column, narrowest first, takes its width or an equal share of what is left.
    wide.forEach(([w, column], index) => {
        const share = Math.floor(left / (wide.length - index));
        widths[column] = Math.min(w, share);
        left -= widths[column];
    });
    return wide.every(([w, column]) => widths[column] >= Math.min(w, MIN_COLUMN))
        ? widths
        : undefined;
}
function alignedTable(head, body, align, widths) {
    // Each row as lines: a cell wider than its column wraps within it.
    const wrapped = (row) => widths.map((width, column) => wrapCell(row[column] ?? '', width));
    const asLines = (cells) => {
        const height = Math.max(1, ...cells.map((cell) => cell.length));
        return Array.from({ length: height }, (_, line) => widths
            .map((width, column) => {
            const cell = cells[column]?.[line] ?? '';
            return align[column] === 'r' ? cell.padStart(width) : cell.padEnd(width);
        })
            .join(GAP)
            .trimEnd());
    };
    const rows = body.map(wrapped);
    // A key-value table (empty header) needs no header line.
    const heading = head.some(Boolean)
        ? [...asLines(wrapped(head)), widths.map((width) => '-'.repeat(width)).join(GAP)]
        : [];
    // A row starts where its first cell does; when a first cell takes two lines, a blank line between
    // rows tells its second line from the next row.
    const separator = rows.some((cells) => (cells[0]?.length ?? 0) > 1) ? '\n\n' : '\n';
    return [...heading, rows.map((cells) => asLines(cells).join('\n')).join(separator)].join('\n');
}
/**
 * A table too wide for its columns, one row after the other: the first cell, then each other
 * cell under it with its header, indented.
 */
function stackedRows(head, body, width) {
    return body
        .map((row) => {
        const [first = '', ...rest] = row;
        const lines = wrapText(first, width, '', '  ');
        rest.forEach((cell, index) => {
            if (!cell)
                return;
            const label = head[index + 1] ? `${head[index + 1]}: ` : '';
            lines.push(...wrapText(`${label}${cell}`, width, '  ', '    '));
        });
        return lines.join('\n');
    })
        .join('\n\n');
}
/** A cell's text in lines of at most `width`; a longer word is cut (a table must keep its columns). */
function wrapCell(text, width) {
    const words = text
        .split(' ')
        .filter(Boolean)
        .flatMap((word) => word.length <= width ? [word] : (word.match(new RegExp(`.{1,${width}}`, 'gu')) ?? []));
    return wrapText(words.join(' '), width, '', '');
}
/**
 * A line of SQL in lines of at most `width`, broken at a space or after a comma outside quotes and
 * backquotes (where a line break means what a space does); continued lines are indented by two.
 */
function breakSql(line, width) {
    const lines = [];
    let rest = line;
    let indent = '';
    while (indent.length + rest.length > width) {
        const points = breakPoints(rest);
        const room = width - indent.length;
        const fitting = points.filter((point) => point <= room);
        const at = fitting.length ? fitting[fitting.length - 1] : points[0];
        if (at === undefined || at === 0)
            break;
        lines.push(indent + rest.slice(0, at).trimEnd());
        rest = rest.slice(at).trimStart();
        indent = '  ';
    }
    lines.push(indent + rest);
    return lines;
}
/** Offsets where a line of SQL may break: after a space or a comma, outside quoted text. */
function breakPoints(sql) {
    const points = [];
    let quote;
    for (let i = 0; i < sql.length; i++) {
        const c = sql[i];
        if (quote) {
            if (c === quote)
                quote = undefined;
        }
        else if (c === "'" || c === '"' || c === '`') {
            quote = c;
        }
        else if (c === ' ' || c === ',') {
            points.push(i + 1);
        }
    }
    return points;
}
function longest(lines) {
    return lines.reduce((max, line) => Math.max(max, line.length), 0);
}
/** Greedy word wrap; a word longer than the width gets a line of its own. */
function wrapText(text, width, first, rest) {
    const lines = [];
    let line = first;
    let empty = true;
    for (const word of text.split(' ').filter(Boolean)) {
        if (!empty && line.length + 1 + word.length > width) {
            lines.push(line);
            line = rest + word;
        }
        else {
            line = empty ? line + word : `${line} ${word}`;
        }
        empty = false;
    }
    lines.push(line);
    return lines;
}


/***/ })

};

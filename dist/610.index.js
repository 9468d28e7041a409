export const id = 610;
export const ids = [610];
export const modules = {

/***/ 4610:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishCommand: () => (/* binding */ publishCommand)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/aws/clients.ts + 1 modules
var clients = __webpack_require__(959);
// EXTERNAL MODULE: ./src/aws/credentials.ts
var aws_credentials = __webpack_require__(6963);
// EXTERNAL MODULE: ./src/vocabulary/constants.ts
var constants = __webpack_require__(209);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/queries/publish.ts + 3 modules
var publish = __webpack_require__(2836);
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
    if (result.refusedDeletes && result.dryRun) {
        // The failure table carries it on a real run; a dry run succeeds, so it is said here.
        blocks.push({
            kind: 'paragraph',
            line: [
                (0,report_document/* raw */.lS)('**A real run would stop:** ', 'A real run would stop: '),
                (0,report_document/* text */.Qq)(result.refusedDeletes.message)
            ]
        });
    }
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

// EXTERNAL MODULE: ./src/queries/files.ts
var queries_files = __webpack_require__(5499);
;// CONCATENATED MODULE: ./src/commands/publish.ts
/**
 * `command: publish-queries` wired to GitHub: inputs -> credentials -> publishQueries -> job summary,
 * `summary` output, and a failed step when any file could not be published.
 */








async function publishCommand(logger) {
    const settings = (0,inputs/* readPublishSettings */.DJ)((name) => core/* getInput */.V4(name));
    const paths = await (0,queries_files/* findQueryFiles */.LX)(settings.queries);
    const files = await Promise.all(paths.map((path) => (0,queries_files/* readQueryFileOrRefusal */.aK)(path)));
    logger.info(`${files.length} query file(s) for workgroup ${settings.workgroup}`);
    const credentials = (0,aws_credentials/* credentialsFor */.Og)(settings.credentials, settings.awsRegion, (audience) => core/* getIDToken */.V9(audience), logger);
    const { athena } = (0,clients/* createClients */.hP)(settings.awsRegion, credentials);
    const result = await logger.group('Publish named queries', () => (0,publish/* publishQueries */.kL)(athena, {
        files,
        // The repository is part of the ownership marker: two repositories never touch each other's queries.
        owner: process.env.GITHUB_REPOSITORY || 'local',
        workgroup: settings.workgroup,
        database: settings.database,
        deleteMissing: settings.deleteMissing,
        maxDeletes: settings.maxDeleteQueries,
        dryRun: settings.dryRun
    }, logger));
    const verb = result.dryRun ? 'would be ' : '';
    const summary = `named queries in ${settings.workgroup}: ${result.created.length} ${verb}created, ${result.updated.length} ${verb}updated, ` +
        `${result.deleted.length} ${verb}deleted, ${result.unchanged.length} unchanged`;
    core/* setOutput */.uH(constants/* Outputs */.tY.Summary, summary);
    if (process.env.GITHUB_STEP_SUMMARY)
        await core/* summary */.z.addRaw(renderPublishSummary(result, settings.workgroup)).write();
    logger.info(summary);
    if (result.failures.length) {
        core/* setFailed */.C1(`${result.failures.length} query file(s) could not be published: ` +
            // core.setFailed escapes the message for the log; the summary escapes it for Markdown.
            result.failures.map((failure) => `${failure.path} (${failure.message})`).join('; '));
    }
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
/* harmony import */ var _actions_glob__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3324);
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

/***/ 8101:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gc: () => (/* binding */ renderMarkdown),
/* harmony export */   Mp: () => (/* binding */ inlinePlain),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   lS: () => (/* binding */ raw)
/* harmony export */ });
/* unused harmony exports strong, inlineMarkdown */
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


/***/ })

};
